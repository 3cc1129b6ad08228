import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ActorDto } from '../tickets/ticket-command.dto';

export class PrioritizeDto {
  @ApiProperty({ type: ActorDto })
  @ValidateNested()
  @Type(() => ActorDto)
  actor!: ActorDto;

  @ApiProperty({ example: 'CF-2026-000042' })
  @Matches(/^CF-\d{4}-\d{6,}$/, { message: 'ticket must be a ticket number like CF-2026-000042' })
  ticket!: string;

  @ApiProperty({ example: 'Agreed with the client by phone: this one blocks the quarterly close.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  reason!: string;
}
