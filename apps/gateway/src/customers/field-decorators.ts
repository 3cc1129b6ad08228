import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { OptionalField } from '../http/optional-field';

/** Text with something besides spaces, as validateCustomer checks it. */
export const TEXT = /\S/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Extra = Omit<ApiPropertyOptions, 'example' | 'maxLength' | 'pattern'>;
type DtoClass = new () => object;

const textRules = (max: number) => [
  IsString(),
  Matches(TEXT, { message: '$property must not be empty' }),
  MaxLength(max),
];

/** A required text field: not blank, at most `max` characters. */
export const Text = (max: number, example: string, extra: Extra = {}) =>
  applyDecorators(
    ApiProperty({ example, maxLength: max, pattern: TEXT.source, ...extra } as ApiPropertyOptions),
    ...textRules(max),
  );

/** An optional text field: when present, not blank and at most `max` characters. */
export const OptionalText = (max: number, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, maxLength: max, pattern: TEXT.source }),
    OptionalField(),
    ...textRules(max),
  );

export const IsoDate = (example: string) =>
  applyDecorators(
    ApiProperty({ example, format: 'date', pattern: DATE.source, description: 'YYYY-MM-DD, inclusive' }),
    Matches(DATE, { message: '$property must be a date YYYY-MM-DD' }),
  );

/** One nested object, validated as its DTO. */
export const Nested = (dto: () => DtoClass, options: { optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    ...(options.optional
      ? [ApiPropertyOptional({ type: dto(), description: options.description }), OptionalField()]
      : [ApiProperty({ type: dto(), description: options.description })]),
    ValidateNested(),
    Type(dto),
  );

/** A list of nested objects, each validated as its DTO. */
export const NestedList = (dto: () => DtoClass, options: { optional?: boolean; description?: string } = {}) =>
  applyDecorators(
    ...(options.optional
      ? [ApiPropertyOptional({ type: [dto()], description: options.description }), OptionalField()]
      : [ApiProperty({ type: [dto()], description: options.description })]),
    IsArray(),
    ValidateNested({ each: true }),
    Type(dto),
  );

/** Free notes: an optional list of strings of at most 500 characters each. */
export const Notes = () =>
  applyDecorators(
    ApiPropertyOptional({ type: 'array', items: { type: 'string', maxLength: 500 } }),
    OptionalField(),
    IsArray(),
    IsString({ each: true }),
    MaxLength(500, { each: true }),
  );
