import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CLARIFICATION_OUTCOMES,
  CUSTOMER_ID,
  SEVERITY_SCHEMES,
  SUPPORT_TIERS,
  type ClarificationOutcome,
  type SeverityScheme,
  type SupportTier,
} from '@caseflow/directory';
import { slaPresets } from '@caseflow/sla';
import { AuthorizedPersonDto } from './authorized-person.dto';
import { IsoDate, Nested, NestedList, OptionalText, Text, TEXT } from './field-decorators';
import { CalendarVersionDto, SlaPolicyVersionDto } from './sla-version.dto';
import { OptionalField } from '../http/optional-field';

const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;
export const PRESET_IDS = slaPresets.map((preset) => preset.id);

export class PolicyRefDto {
  @Text(63, 'balasys')
  id!: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ContractDto {
  @Text(100, 'BAL-2024-001')
  id!: string;

  @OptionalText(100, 'PrivilegeSU')
  plan?: string;

  @IsoDate('2024-01-01')
  validFrom!: string;

  @IsoDate('2030-12-31')
  validTo!: string;
}

export class LicenceDto {
  @Text(200, 'ZORP-7-0001-ABCD')
  key!: string;

  @Text(100, 'zorp-gateway')
  product!: string;

  @IsoDate('2024-01-01')
  validFrom!: string;

  @IsoDate('2030-12-31')
  validTo!: string;
}

export class ProductSupportDto {
  @Text(100, 'zorp-gateway')
  product!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: TEXT.source, maxLength: 50 },
    example: ['7.0', '7.1'],
  })
  @IsArray()
  @IsString({ each: true })
  @Matches(TEXT, { each: true, message: 'each of supportedVersions must not be empty' })
  @MaxLength(50, { each: true })
  supportedVersions!: string[];
}

export class ProcessOptionsDto {
  @ApiProperty({ description: '003: requests only from the authorized person(s); then exactly one is named' })
  @IsBoolean()
  authorizedContactsOnly!: boolean;

  @ApiProperty({ description: '003: one request at a time' })
  @IsBoolean()
  sequentialQueue!: boolean;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: TEXT.source, maxLength: 100 },
    example: ['product', 'productVersion'],
    uniqueItems: true,
    description: 'Intake keys a new ticket must carry (product/productVersion may come from the request itself)',
  })
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(TEXT, { each: true, message: 'each of requiredIntakeFields must not be empty' })
  @MaxLength(100, { each: true })
  requiredIntakeFields!: string[];

  @ApiProperty({ enum: CLARIFICATION_OUTCOMES })
  @IsIn(CLARIFICATION_OUTCOMES)
  clarificationOutcome!: ClarificationOutcome;

  @ApiProperty({ enum: SEVERITY_SCHEMES })
  @IsIn(SEVERITY_SCHEMES)
  severityScheme!: SeverityScheme;
}

export class SupportTeamDto {
  @ApiPropertyOptional({ enum: SUPPORT_TIERS, description: 'The tier new tickets start in (L1 when absent)' })
  @OptionalField()
  @IsIn(SUPPORT_TIERS)
  entryTier?: SupportTier;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', pattern: STAFF_ID.source, maxLength: 100 },
    minItems: 1,
    maxItems: 4,
    uniqueItems: true,
    example: ['eve'],
    description: "The customer's dedicated staff ids, the default assignee first",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ArrayUnique()
  @Matches(STAFF_ID, { each: true, message: 'each of dedicated must be a staff id' })
  @MaxLength(100, { each: true })
  dedicated!: string[];
}

/**
 * The fields of a customer record a manager sets. The shapes are checked here (400); what needs
 * the SLA presets or the record as a whole (the policy exists and uses the calendar, a licence's
 * product is listed, dates in order, 003's one person) is validateCustomer's (422 CUSTOMER_INVALID).
 */
export class CustomerFieldsDto {
  @Text(200, 'Acme Ltd')
  name!: string;

  @ApiProperty({ enum: PRESET_IDS, example: '000-balasys' })
  @IsIn(PRESET_IDS)
  presetId!: string;

  @Nested(() => PolicyRefDto, { description: 'The SLA policy version new tickets get (preset or own)' })
  policy!: PolicyRefDto;

  @Text(63, 'balasys-budapest')
  calendarId!: string;

  @OptionalText(100, 'PrivilegeSU')
  plan?: string;

  @OptionalText(100, 'customer-example')
  quartetTable?: string;

  @NestedList(() => ContractDto)
  contracts!: ContractDto[];

  @NestedList(() => LicenceDto)
  licences!: LicenceDto[];

  @NestedList(() => ProductSupportDto)
  products!: ProductSupportDto[];

  @NestedList(() => AuthorizedPersonDto)
  authorizedContacts!: AuthorizedPersonDto[];

  @Nested(() => ProcessOptionsDto)
  processOptions!: ProcessOptionsDto;

  @Nested(() => SupportTeamDto, { optional: true })
  support?: SupportTeamDto;
}

/** POST /v1/customers: a whole new customer, optionally with its own policy and calendar versions. */
export class CreateCustomerDto extends CustomerFieldsDto {
  @ApiProperty({
    example: 'acme',
    pattern: CUSTOMER_ID.source,
    description: 'Slug: 1–63 lower-case letters, digits, inner dashes',
  })
  @IsString()
  @Matches(CUSTOMER_ID, { message: 'id must be a slug: 1-63 lower-case letters, digits or inner dashes' })
  id!: string;

  @NestedList(() => SlaPolicyVersionDto, { optional: true, description: "The customer's own SLA policy versions" })
  slaPolicies?: SlaPolicyVersionDto[];

  @NestedList(() => CalendarVersionDto, { optional: true, description: "The customer's own calendar versions" })
  calendars?: CalendarVersionDto[];
}
