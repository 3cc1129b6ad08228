import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { SEVERITIES, type Severity } from '../../../../libs/domain/src';

export class CreateTicketDto {
  @ApiProperty({ example: 'balasys-demo', description: 'Customer id in the directory' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'customerId must be 2–63 lowercase letters, digits or dashes' })
  customerId!: string;

  @ApiProperty({ example: 'anna@example.com', description: 'E-mail of the person reporting the case' })
  @IsEmail({}, { message: 'requester must be an e-mail address' })
  @MaxLength(254)
  requester!: string;

  @ApiProperty({ example: 'Sessions drop after the 7.1 upgrade' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'Since the upgrade every session ends after five minutes.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  description!: string;

  @ApiProperty({ enum: SEVERITIES, example: 'S2' })
  @IsIn(SEVERITIES as Severity[], { message: `severity must be one of ${SEVERITIES.join(', ')}` })
  severity!: Severity;
}
