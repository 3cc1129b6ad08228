import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { WEEKDAYS } from '@caseflow/sla';
import { OptionalField } from '../http/optional-field';
import { DATE, Nested, NestedList, Notes, Text, TEXT } from './field-decorators';

const WALL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const MATCHER_KINDS = ['severityPlan', 'priority', 'urgency', 'fixed', 'quartet'] as const;

/** OpenAPI of a day's working hours: [["09:00","17:00"], …]. */
const HOURS_SCHEMA = {
  type: 'array',
  items: {
    type: 'array',
    items: { type: 'string', pattern: WALL_TIME.source },
    minItems: 2,
    maxItems: 2,
  },
  example: [['09:00', '17:00']],
} as const;

/** A list of [open, close] wall times "HH:MM" (24:00 allowed); order and overlaps are libs/sla's check (422). */
@ValidatorConstraint({ name: 'workingHours' })
export class WorkingHoursList implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      Array.isArray(value) &&
      value.every(
        (pair) =>
          Array.isArray(pair) && pair.length === 2 && pair.every((t) => typeof t === 'string' && WALL_TIME.test(t)),
      )
    );
  }

  defaultMessage(): string {
    return '$property must be a list of ["HH:MM", "HH:MM"] pairs';
  }
}

/** A matcher object naming its kind; its tables are libs/sla's validatePolicy's (422). */
@ValidatorConstraint({ name: 'matcherKind' })
export class MatcherKind implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return MATCHER_KINDS.includes((value as { kind?: never } | undefined)?.kind as never);
  }

  defaultMessage(): string {
    return `matcher.kind must be one of ${MATCHER_KINDS.join(', ')}`;
  }
}

export class WeekDto {
  @ApiPropertyOptional(HOURS_SCHEMA) @OptionalField() @Validate(WorkingHoursList) sun?: string[][];
  @ApiPropertyOptional(HOURS_SCHEMA) @OptionalField() @Validate(WorkingHoursList) mon?: string[][];
  @ApiPropertyOptional(HOURS_SCHEMA) @OptionalField() @Validate(WorkingHoursList) tue?: string[][];
  @ApiPropertyOptional(HOURS_SCHEMA) @OptionalField() @Validate(WorkingHoursList) wed?: string[][];
  @ApiPropertyOptional(HOURS_SCHEMA) @OptionalField() @Validate(WorkingHoursList) thu?: string[][];
  @ApiPropertyOptional(HOURS_SCHEMA) @OptionalField() @Validate(WorkingHoursList) fri?: string[][];
  @ApiPropertyOptional(HOURS_SCHEMA) @OptionalField() @Validate(WorkingHoursList) sat?: string[][];
}

export class DayOverrideDto {
  @ApiProperty({ example: '2026-12-24', format: 'date', pattern: DATE.source })
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ ...HOURS_SCHEMA, description: '[] = closed all day' })
  @Validate(WorkingHoursList)
  hours!: string[][];

  @Text(200, 'Christmas Eve')
  reason!: string;
}

export class PublicHolidaysDto {
  @ApiProperty({ example: 'HU', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country!: string;

  @ApiPropertyOptional({ example: 'BY', maxLength: 10 })
  @OptionalField()
  @IsString()
  @MaxLength(10)
  state?: string;

  @ApiPropertyOptional({ ...HOURS_SCHEMA, description: 'Hours on the working day before each public holiday' })
  @OptionalField()
  @Validate(WorkingHoursList)
  eveHours?: string[][];
}

/** POST /v1/customers/{id}/calendars: a calendar version; the directory numbers it. */
export class CalendarDto {
  @Text(63, 'acme-office')
  id!: string;

  @ApiProperty({ example: 'Europe/Budapest', maxLength: 64, description: 'An IANA time zone' })
  @IsString()
  @Matches(TEXT, { message: 'timeZone must not be empty' })
  @MaxLength(64)
  timeZone!: string;

  @Nested(() => WeekDto, { description: `Working hours per weekday (${WEEKDAYS.join(', ')}); some working time` })
  week!: WeekDto;

  @Nested(() => PublicHolidaysDto, { optional: true })
  publicHolidays?: PublicHolidaysDto;

  @NestedList(() => DayOverrideDto, { optional: true })
  overrides?: DayOverrideDto[];

  @Notes()
  notes?: string[];
}

/** POST /v1/customers/{id}/sla-policies: a policy version; the directory numbers it. */
export class SlaPolicyDto {
  @Text(63, 'acme', { description: 'A new id, or the preset’s to succeed it' })
  id!: string;

  @Text(200, 'Acme, 4 business hours to respond')
  title!: string;

  @ApiProperty({
    type: 'object',
    required: ['kind'],
    properties: { kind: { type: 'string', enum: [...MATCHER_KINDS] } },
    additionalProperties: true,
    description:
      "libs/sla's Matcher: which targets apply (fixed: { targets }; priority: { byPriority }; urgency: { byUrgency }; " +
      'severityPlan: { plans, matrix }; quartet: { tables, fallbackPriority, byPriority }). Checked by validatePolicy (422).',
    example: {
      kind: 'fixed',
      targets: { firstResponse: { span: { measure: 'business', seconds: 14400 }, calendar: 'balasys-budapest' } },
    },
  })
  @IsObject()
  @Validate(MatcherKind)
  matcher!: Record<string, unknown>;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: TEXT.source },
    minItems: 1,
    uniqueItems: true,
    example: ['balasys-budapest'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(TEXT, { each: true, message: 'each of calendars must not be empty' })
  calendars!: string[];

  @ApiPropertyOptional({ minimum: 0, exclusiveMinimum: true, maximum: 1, example: 0.75 })
  @OptionalField()
  @IsNumber()
  @Min(Number.MIN_VALUE)
  @Max(1)
  warnAt?: number;

  @Notes()
  notes?: string[];
}

/** An own version as POST /v1/customers carries it, numbered by the caller (1, 2, …). */
export class SlaPolicyVersionDto extends SlaPolicyDto {
  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

export class CalendarVersionDto extends CalendarDto {
  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}
