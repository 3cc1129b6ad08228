import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export const PRIORITIZE_REASON_MAX = 2_000;

/** Who reorders comes from the bearer token (engineer or manager), never from the body. */
export class PrioritizeDto {
  @ApiProperty({ example: 'CF-2026-000042' })
  @Matches(/^CF-\d{4}-\d{6,}$/, { message: 'ticket must be a ticket number like CF-2026-000042' })
  ticket!: string;

  @ApiProperty({ example: 'Agreed with the client by phone: this one blocks the quarterly close.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PRIORITIZE_REASON_MAX)
  reason!: string;
}
