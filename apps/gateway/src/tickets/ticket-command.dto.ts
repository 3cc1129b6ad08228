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
import type { ActorRole, TicketCommand, TicketCommandType } from '../../../../libs/domain/src';

const ROLES: ActorRole[] = ['customer', 'engineer', 'manager'];
export const COMMAND_TYPES: TicketCommandType[] = [
  'classify', 'respond', 'requestClarification', 'answerClarification', 'provideWorkaround', 'applyHotfix', 'proposeFix',
  'approveFix', 'rejectFix', 'implementFix', 'resolve', 'accept', 'reopen', 'giveFeedback', 'cancel',
];

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
    return typeof command === 'object' && command !== null && COMMAND_TYPES.includes((command as { type?: TicketCommandType }).type as TicketCommandType);
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
  command!: TicketCommand;
}
