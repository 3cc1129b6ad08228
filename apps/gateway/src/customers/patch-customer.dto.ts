import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CustomerFieldsDto, ProcessOptionsDto, SupportTeamDto } from './customer-record.dto';
import { TEXT } from './field-decorators';

export class ProcessOptionsPatchDto extends PartialType(ProcessOptionsDto) {}

/**
 * PATCH /v1/customers/{id}: a JSON merge patch (RFC 7396) of the record. Top-level fields given
 * replace the current ones (lists whole); `processOptions` merges option by option; `null` removes
 * an optional field (plan, quartetTable, support). Own policy and calendar versions are added by
 * their own routes, never patched.
 */
export class PatchCustomerDto extends PartialType(
  OmitType(CustomerFieldsDto, ['processOptions', 'plan', 'quartetTable', 'support'] as const),
) {
  @ApiPropertyOptional({ type: ProcessOptionsPatchDto, description: 'Only the options given change' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProcessOptionsPatchDto)
  processOptions?: ProcessOptionsPatchDto;

  @ApiPropertyOptional({ example: 'StandardSU', maxLength: 100, pattern: TEXT.source, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(TEXT, { message: 'plan must not be empty' })
  @MaxLength(100)
  plan?: string | null;

  @ApiPropertyOptional({ example: 'customer-example', maxLength: 100, pattern: TEXT.source, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(TEXT, { message: 'quartetTable must not be empty' })
  @MaxLength(100)
  quartetTable?: string | null;

  @ApiPropertyOptional({ type: SupportTeamDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupportTeamDto)
  support?: SupportTeamDto | null;
}
