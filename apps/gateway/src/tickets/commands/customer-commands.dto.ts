import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CommandType, OneOf, Text } from './command-fields';
import { OptionalField } from '../../http/optional-field';

export class AnswerClarificationCommand {
  @CommandType('answerClarification') type!: 'answerClarification';
  @Text(20_000, 'Chrome 131 and Firefox 133.') answer!: string;
}

export class ApproveFixCommand {
  @CommandType('approveFix') type!: 'approveFix';
  @ApiProperty({ example: 7, description: 'The proposal awaiting approval' })
  @IsInt()
  proposalId!: number;
}

export class RejectFixCommand {
  @CommandType('rejectFix') type!: 'rejectFix';
  @ApiProperty({ example: 7, description: 'The proposal awaiting approval' })
  @IsInt()
  proposalId!: number;
  @Text(2_000, 'We cannot upgrade before the quarter ends.') reason!: string;
}

export class AcceptCommand {
  @CommandType('accept') type!: 'accept';
}

export class ReopenCommand {
  @CommandType('reopen') type!: 'reopen';
  @Text(2_000, 'Sessions drop again since Monday.') reason!: string;
}

export class GiveFeedbackCommand {
  @CommandType('giveFeedback') type!: 'giveFeedback';
  @ApiPropertyOptional({ example: 5, minimum: 1, maximum: 5 })
  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(5)
  score?: number;
  @Text(5_000, 'Quick and clear.', true) comment?: string;
}

export class CancelCommand {
  @CommandType('cancel') type!: 'cancel';
  @Text(2_000, 'Solved on our side.') reason!: string;
}

export class CommentCommand {
  @CommandType('comment') type!: 'comment';
  @Text(20_000, 'The logs are attached to the mail of 10:42.') text!: string;
  @OneOf(['public', 'internal'], 'public', true) visibility?: 'public' | 'internal';
}
