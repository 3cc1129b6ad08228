import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { NoCredentialFields } from '../http/no-credentials';
import type { ActorRole, TicketCommand, TicketCommandType } from '@caseflow/domain';

const ROLES: ActorRole[] = ['customer', 'engineer', 'manager'];
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
};
export const COMMAND_TYPES = Object.keys(KNOWN_COMMANDS) as TicketCommandType[];

export class ActorDto {
  @ApiProperty({ example: 'eve.engineer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  id!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: ActorRole;
}

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
 * The actor and one command. The gateway checks the envelope; the ticket workflow's update
 * validator checks the command's fields against the ticket's phase and answers with the reason.
 */
export class TicketCommandDto {
  @ApiProperty({ type: ActorDto })
  @ValidateNested()
  @Type(() => ActorDto)
  actor!: ActorDto;

  @ApiProperty({ example: { type: 'respond', message: 'We are looking into it.', eta: '2026-11-26T12:00:00Z' } })
  @IsObject()
  @Validate(KnownCommandType)
  @Validate(NoCredentialFields)
  command!: TicketCommand;
}
