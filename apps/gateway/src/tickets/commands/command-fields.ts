import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { ALL_SEVERITIES } from '@caseflow/domain';
import { OptionalField } from '../../http/optional-field';

/**
 * A character that is not white space as JavaScript's trim() sees it (the domain refuses blank
 * texts after trimming). Spelled out rather than `\S`, which other regex engines (the schema's
 * readers) read differently at the edges (U+FEFF, U+0085).
 */
export const NOT_BLANK = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** Staff ids as the domain accepts them (`eve`, `dana.levi`). */
export const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

type Field = PropertyDecorator;

/** A required text: not blank, at most `max` characters (the domain's requireText). */
export const Text = (max: number, example: string, optional = false): Field =>
  applyDecorators(
    optional ? ApiPropertyOptional({ example, maxLength: max }) : ApiProperty({ example, maxLength: max }),
    ...(optional ? [OptionalField()] : []),
    IsString(),
    Matches(NOT_BLANK, { message: '$property must not be blank' }),
    MaxLength(max),
  );

export const OneOf = (values: readonly string[], example: string, optional = false): Field =>
  applyDecorators(
    optional ? ApiPropertyOptional({ enum: values, example }) : ApiProperty({ enum: values, example }),
    ...(optional ? [OptionalField()] : []),
    IsIn(values, { message: `$property must be one of ${values.join(', ')}` }),
  );

export const Severity = (optional = true): Field => OneOf(ALL_SEVERITIES, 'S2', optional);

export const StaffId = (example: string, optional = false): Field =>
  applyDecorators(
    optional ? ApiPropertyOptional({ example }) : ApiProperty({ example }),
    ...(optional ? [OptionalField()] : []),
    IsString(),
    Matches(STAFF_ID, { message: '$property must be a staff id (letters, digits, dot, dash, underscore, @)' }),
    MaxLength(200),
  );

/** The command's discriminator: `type` is exactly this command's name. */
export const CommandType = (type: string): Field =>
  applyDecorators(ApiProperty({ enum: [type], example: type }), Equals(type));
