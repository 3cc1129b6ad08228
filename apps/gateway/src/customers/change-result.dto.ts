import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class VersionRefDto {
  @ApiProperty({ example: 'acme' })
  id!: string;

  @ApiProperty({ example: 2 })
  version!: number;
}

/** What a change to a customer did (libs/directory's RegisterResult). The ETag header carries `version`. */
export class ChangeResultDto {
  @ApiProperty({ example: 'acme' })
  customerId!: string;

  @ApiProperty({ enum: ['registered', 'changed', 'unchanged'] })
  outcome!: 'registered' | 'changed' | 'unchanged';

  @ApiProperty({ example: 3, description: 'Events on customer-<id> now: the version to send in If-Match next' })
  version!: number;

  @ApiProperty({ type: [String], example: ['contracts'] })
  changedFields!: string[];

  @ApiPropertyOptional({ type: VersionRefDto, description: 'The policy or calendar version an add created' })
  added?: VersionRefDto;
}
