import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Read-your-writes: `?minVersion=N`, the `version` a command's response carried. */
export class TicketReadQuery {
  @ApiPropertyOptional({
    minimum: 1,
    example: 4,
    description:
      "Answer with the ticket at least at this stream position (a command response's `version`): the read waits up " +
      'to 2 s for the projection, then answers with what it has and the header `Caseflow-Stale: <had>; asked=<N>`.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  minVersion?: number;
}

/** The header a read carries when the projection had not reached the asked version within the wait. */
export const STALE_HEADER = 'Caseflow-Stale';
