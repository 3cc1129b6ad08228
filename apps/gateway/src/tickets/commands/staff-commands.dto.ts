import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { RESPONSIBILITIES, TICKET_TYPES, type Responsibility, type TicketType } from '@caseflow/domain';
import { CommandType, NOT_BLANK, OneOf, Severity, Text } from './command-fields';
import { IsInstant } from '../../http/is-instant';
import { OptionalField } from '../../http/optional-field';

export class ClassifyCommand {
  @CommandType('classify') type!: 'classify';
  @Severity() severity?: string;
  @OneOf(TICKET_TYPES, 'incident', true) ticketType?: TicketType;
  @OneOf(RESPONSIBILITIES, 'vendor', true) responsibility?: Responsibility;
  @Text(20_000, 'all users of the mailbox', true) quartetImpact?: string;
  @Text(2_000, 'Affects every user of the customer') reason!: string;
}

export class RespondCommand {
  @CommandType('respond') type!: 'respond';
  @Text(20_000, 'We are looking into it.') message!: string;
  @ApiPropertyOptional({ example: '2026-11-26T12:00:00Z', format: 'date-time' })
  @OptionalField()
  @IsInstant()
  eta?: string;
}

export class RequestClarificationCommand {
  @CommandType('requestClarification') type!: 'requestClarification';
  @ApiProperty({ type: [String], example: ['Which browser do the users have?'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: 'each of $property must not be blank' })
  @MaxLength(2_000, { each: true })
  questions!: string[];
}

export class ProvideWorkaroundCommand {
  @CommandType('provideWorkaround') type!: 'provideWorkaround';
  @Text(20_000, 'Restart the session service every hour until the fix.') description!: string;
  @Severity() severity?: string;
}

export class ApplyHotfixCommand {
  @CommandType('applyHotfix') type!: 'applyHotfix';
  @Text(20_000, 'Patched the session timeout in place.') description!: string;
}

export class ProposeFixCommand {
  @CommandType('proposeFix') type!: 'proposeFix';
  @Text(20_000, 'Upgrade to 7.1.3, which keeps sessions alive.') description!: string;
}

export class ImplementFixCommand {
  @CommandType('implementFix') type!: 'implementFix';
  @Text(20_000, 'Upgraded to 7.1.3 on both nodes.') note!: string;
}

export class ResolveCommand {
  @CommandType('resolve') type!: 'resolve';
  @Text(20_000, 'Upgraded to 7.1.3.') solution!: string;
  @Text(20_000, 'Sessions now last their configured time.') measures!: string;
  @Text(20_000, 'Upgrade notes now name the session setting.') prevention!: string;
}

export class RecordBusinessImpactCommand {
  @CommandType('recordBusinessImpact') type!: 'recordBusinessImpact';
  @Text(5_000, 'Sales cannot quote while sessions drop.') impact!: string;
}
