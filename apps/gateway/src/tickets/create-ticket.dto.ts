import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  Validate,
  ValidateNested,
} from 'class-validator';
import { NoCredentialFields } from '../http/no-credentials';
import { ALL_SEVERITIES } from '@caseflow/domain';
import { OptionalField } from '../http/optional-field';

export class QuartetDto {
  @ApiProperty({ example: 'email' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  service!: string;

  @ApiProperty({ example: 'mailbox' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  category!: string;

  @ApiProperty({ example: 'cannot send' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  item!: string;
}

export class CreateTicketDto {
  @ApiProperty({ example: 'balasys-demo', description: 'Customer id in the directory' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'customerId must be 2–63 lowercase letters, digits or dashes' })
  customerId!: string;

  @ApiPropertyOptional({
    example: 'anna.kovacs@example.com',
    description:
      "E-mail of the person reporting the case. A customer contact's own (from the token) when omitted; staff must give it.",
  })
  @OptionalField()
  @IsEmail({}, { message: 'requester must be an e-mail address' })
  @MaxLength(254)
  requester?: string;

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

  @ApiProperty({
    enum: ALL_SEVERITIES,
    example: 'S2',
    description: "In the customer's scheme: S1–S3, 1–4, critical–low, or P1–P4 (quartet)",
  })
  @IsIn(ALL_SEVERITIES, { message: `severity must be one of ${ALL_SEVERITIES.join(', ')}` })
  severity!: string;

  @ApiPropertyOptional({ example: 'Zorp Gateway' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  product?: string;

  @ApiPropertyOptional({ example: '7.1.2' })
  @OptionalField()
  @IsString()
  @MaxLength(50)
  productVersion?: string;

  @ApiPropertyOptional({ type: QuartetDto, description: '004: the three fields the customer picks' })
  @OptionalField()
  @ValidateNested()
  @Type(() => QuartetDto)
  quartet?: QuartetDto;

  @ApiPropertyOptional({
    description: "Intake fields the customer's process requires (e.g. domain, recurrence)",
    example: { recurrence: 'once' },
  })
  @OptionalField()
  @IsObject()
  @Validate(NoCredentialFields)
  intake?: Record<string, string | number | boolean>;

  @ApiPropertyOptional({ example: 'CF-2026-000012', description: 'An earlier (closed) ticket this one follows up' })
  @OptionalField()
  @Matches(/^CF-\d{4}-\d{6,}$/, { message: 'relatedTo must be a ticket number like CF-2026-000012' })
  relatedTo?: string;
}

/** What POST /v1/tickets answers. */
export class TicketCreated {
  @ApiProperty({ example: 'CF-2026-000042' })
  number!: string;
}
