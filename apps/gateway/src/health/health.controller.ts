import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TICKET_READ_MODEL, type ProjectionLag, type TicketReadModel } from '@caseflow/projections';
import { Public } from '../auth';
import { AVAILABILITY_OPTIONS, DEFAULT_READY_MAX_LAG, TemporalCalls, type AvailabilityOptions } from '../availability';

export interface Readiness {
  status: 'ready' | 'catching-up' | 'unavailable';
  projection: (ProjectionLag & { maxLag: number }) | { error: string };
  /** Whether the Temporal server answers: commands need it, reads do not (so it does not decide readiness). */
  temporal: 'up' | 'down';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  /** Past this many events behind the store's head the read side is not ready (a rebuild, a stuck projector). */
  private readonly maxLag: number;

  constructor(
    @Inject(TICKET_READ_MODEL) private readonly model: TicketReadModel,
    private readonly temporalCalls: TemporalCalls,
    @Inject(AVAILABILITY_OPTIONS) options: AvailabilityOptions,
  ) {
    this.maxLag = options.readyMaxLag ?? DEFAULT_READY_MAX_LAG;
  }

  @Get()
  @Public()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({
    description:
      "Reads are served: the projection is at most CASEFLOW_READY_MAX_LAG (1,000) events behind the store's head " +
      '(position, head, lag); whether Temporal answers is reported, not decisive.',
  })
  @ApiServiceUnavailableResponse({ description: 'The projection is further behind (rebuilding, stuck) or unreadable.' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Readiness> {
    const [projection, temporal] = await Promise.all([
      this.model.lag().then(
        (lag) => ({ ...lag, maxLag: this.maxLag }),
        (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
      ),
      this.temporalCalls.serverAnswers().then((up): Readiness['temporal'] => (up ? 'up' : 'down')),
    ]);
    const status: Readiness['status'] =
      'error' in projection ? 'unavailable' : projection.lag <= this.maxLag ? 'ready' : 'catching-up';
    if (status !== 'ready') res.status(503);
    return { status, projection, temporal };
  }
}
