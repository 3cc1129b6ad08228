import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DEESCALATION_CAUSES,
  ESCALATION_CHANNELS,
  UPDATE_FREQUENCY_UNITS,
  type DeescalationCause,
  type UpdateFrequencyUnit,
} from '@caseflow/domain';
import { CommandType, NOT_BLANK, OneOf, Severity, StaffId, Text } from './command-fields';

export class UpdateFrequencyDto {
  @ApiProperty({ example: 4, minimum: 1, maximum: 90 })
  @IsInt()
  @Min(1)
  @Max(90)
  every!: number;
  @OneOf(UPDATE_FREQUENCY_UNITS, 'hours') unit!: UpdateFrequencyUnit;
}

export class RequestEscalationCommand {
  @CommandType('requestEscalation') type!: 'requestEscalation';
  @Text(2_000, 'Production is down for every user.') reason!: string;
}

export class AcceptEscalationCommand {
  @CommandType('acceptEscalation') type!: 'acceptEscalation';
  @Severity() severity?: string;
  @StaffId('lea.specialist', true) specialist?: string;
  @Text(5_000, 'Daily call until the fix is in production.') actionPlan!: string;
  @ApiProperty({ enum: ESCALATION_CHANNELS, isArray: true, example: ['phone', 'email'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsIn(ESCALATION_CHANNELS, {
    each: true,
    message: `each of $property must be one of ${ESCALATION_CHANNELS.join(', ')}`,
  })
  channels!: string[];
  @ApiProperty({ type: UpdateFrequencyDto })
  @ValidateNested()
  @Type(() => UpdateFrequencyDto)
  updateFrequency!: UpdateFrequencyDto;
  @ApiProperty({ type: [String], example: ['anna.kovacs@example.com', 'lea.specialist'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: 'each of $property must not be blank' })
  @MaxLength(200, { each: true })
  participants!: string[];
}

export class DeclineEscalationCommand {
  @CommandType('declineEscalation') type!: 'declineEscalation';
  @Text(2_000, 'The workaround keeps production running.') reason!: string;
}

export class LowerEscalationCommand {
  @CommandType('lowerEscalation') type!: 'lowerEscalation';
  @OneOf(DEESCALATION_CAUSES, 'severityDropped') cause!: DeescalationCause;
  @Text(2_000, 'The workaround holds.') reason!: string;
}
