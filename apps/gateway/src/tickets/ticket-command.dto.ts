import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, Validate, ValidateNested } from 'class-validator';
import type { TicketCommandType } from '@caseflow/domain';
import { NoCredentialFields } from '../http/no-credentials';
import { AssignCommand, HandOverCommand } from './commands/assignment-commands.dto';
import {
  AcceptCommand,
  AnswerClarificationCommand,
  ApproveFixCommand,
  CancelCommand,
  CommentCommand,
  GiveFeedbackCommand,
  RejectFixCommand,
  ReopenCommand,
} from './commands/customer-commands.dto';
import {
  AcceptEscalationCommand,
  DeclineEscalationCommand,
  LowerEscalationCommand,
  RequestEscalationCommand,
} from './commands/escalation-commands.dto';
import {
  ApplyHotfixCommand,
  ClassifyCommand,
  ImplementFixCommand,
  ProposeFixCommand,
  RecordBusinessImpactCommand,
  RequestClarificationCommand,
  ResolveCommand,
  RespondCommand,
  ProvideWorkaroundCommand,
} from './commands/staff-commands.dto';

/** Every command's body class, checked for completeness by the compiler. */
const COMMAND_CLASSES: Record<TicketCommandType, new () => object> = {
  classify: ClassifyCommand,
  respond: RespondCommand,
  requestClarification: RequestClarificationCommand,
  answerClarification: AnswerClarificationCommand,
  provideWorkaround: ProvideWorkaroundCommand,
  applyHotfix: ApplyHotfixCommand,
  proposeFix: ProposeFixCommand,
  approveFix: ApproveFixCommand,
  rejectFix: RejectFixCommand,
  implementFix: ImplementFixCommand,
  resolve: ResolveCommand,
  accept: AcceptCommand,
  reopen: ReopenCommand,
  giveFeedback: GiveFeedbackCommand,
  recordBusinessImpact: RecordBusinessImpactCommand,
  cancel: CancelCommand,
  requestEscalation: RequestEscalationCommand,
  acceptEscalation: AcceptEscalationCommand,
  declineEscalation: DeclineEscalationCommand,
  lowerEscalation: LowerEscalationCommand,
  assign: AssignCommand,
  handOver: HandOverCommand,
  comment: CommentCommand,
};
export const COMMAND_TYPES = Object.keys(COMMAND_CLASSES) as TicketCommandType[];
const COMMANDS = Object.entries(COMMAND_CLASSES);

/** What class-transformer builds for a `type` no command has: validation then names the type. */
class UnknownCommand {
  @IsIn(COMMAND_TYPES, { message: `command.type must be one of ${COMMAND_TYPES.join(', ')}` })
  type!: string;
}

/**
 * One command, a union discriminated by `type` (docs/api.md says why one route with a union);
 * who gives it comes from the bearer token, never from the body (an `actor` field is refused as
 * unknown). The gateway checks each command's fields as its schema says; the ticket workflow's
 * update validator then checks the command against the ticket (phase, role, severity scheme) and
 * answers 422 with the reason.
 */
@ApiExtraModels(...Object.values(COMMAND_CLASSES))
export class TicketCommandDto {
  @ApiProperty({
    oneOf: COMMANDS.map(([, type]) => ({ $ref: getSchemaPath(type) })),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(COMMANDS.map(([name, type]) => [name, getSchemaPath(type)])),
    },
    example: { type: 'respond', message: 'We are looking into it.', eta: '2026-11-26T12:00:00Z' },
  })
  @IsObject()
  @Validate(NoCredentialFields)
  @ValidateNested()
  @Type(() => UnknownCommand, {
    discriminator: { property: 'type', subTypes: COMMANDS.map(([name, type]) => ({ name, value: type })) },
    keepDiscriminatorProperty: true,
  })
  command!: { type: TicketCommandType };
}
