import { ApiProperty } from '@nestjs/swagger';
import { IsObject, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { NoCredentialFields } from '../http/no-credentials';
import type { TicketCommand, TicketCommandType } from '@caseflow/domain';

/** Every command, checked for completeness by the compiler. */
const KNOWN_COMMANDS: Record<TicketCommandType, true> = {
  classify: true,
  respond: true,
  requestClarification: true,
  answerClarification: true,
  provideWorkaround: true,
  applyHotfix: true,
  proposeFix: true,
  approveFix: true,
  rejectFix: true,
  implementFix: true,
  resolve: true,
  accept: true,
  reopen: true,
  giveFeedback: true,
  recordBusinessImpact: true,
  cancel: true,
  requestEscalation: true,
  acceptEscalation: true,
  declineEscalation: true,
  lowerEscalation: true,
  assign: true,
  handOver: true,
  comment: true,
};
export const COMMAND_TYPES = Object.keys(KNOWN_COMMANDS) as TicketCommandType[];

@ValidatorConstraint({ name: 'knownCommandType' })
class KnownCommandType implements ValidatorConstraintInterface {
  validate(command: unknown): boolean {
    return (
      typeof command === 'object' &&
      command !== null &&
      COMMAND_TYPES.includes((command as { type?: TicketCommandType }).type as TicketCommandType)
    );
  }
  defaultMessage(): string {
    return `command.type must be one of ${COMMAND_TYPES.join(', ')}`;
  }
}

/**
 * One command; who gives it comes from the bearer token, never from the body (an `actor` field is
 * refused). The gateway checks the envelope; the ticket workflow's update validator checks the
 * command's fields against the ticket's phase and answers with the reason.
 */
export class TicketCommandDto {
  @ApiProperty({ example: { type: 'respond', message: 'We are looking into it.', eta: '2026-11-26T12:00:00Z' } })
  @IsObject()
  @Validate(KnownCommandType)
  @Validate(NoCredentialFields)
  command!: TicketCommand;
}
