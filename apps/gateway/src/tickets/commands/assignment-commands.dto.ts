import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, ValidateNested } from 'class-validator';
import { TIERS, type Tier } from '@caseflow/domain';
import { CommandType, OneOf, StaffId, Text } from './command-fields';
import { OptionalField } from '../../http/optional-field';

/** 002: what a request handed over from first level must carry. */
export class SecondLevelBriefDto {
  @Text(5_000, 'K-1042') customerNumber!: string;
  @Text(5_000, 'mail.example.com') domain!: string;
  @Text(5_000, 'anna.kovacs@example.com') contact!: string;
  @Text(5_000, 'Sessions end after five minutes since 7.1.') errorDescription!: string;
  @ApiProperty({ example: false })
  @IsBoolean()
  endCustomerContactAllowed!: boolean;
}

export class AssignCommand {
  @CommandType('assign') type!: 'assign';
  @StaffId('max.engineer') assignee!: string;
  @Text(2_000, 'Knows the session service best.') reason!: string;
}

export class HandOverCommand {
  @CommandType('handOver') type!: 'handOver';
  @OneOf(TIERS, 'L2') tier!: Tier;
  @StaffId('max.engineer') assignee!: string;
  @Text(2_000, 'Needs the product team.') reason!: string;
  @ApiPropertyOptional({ type: SecondLevelBriefDto, description: 'Required when the ticket leaves first level (L1).' })
  @OptionalField()
  @ValidateNested()
  @Type(() => SecondLevelBriefDto)
  brief?: SecondLevelBriefDto;
}
