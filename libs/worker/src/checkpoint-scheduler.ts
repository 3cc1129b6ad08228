import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { isAuditable, scheduleCheckpoints, type EventStore } from '@caseflow/event-store';
import { EVENT_STORE } from '@caseflow/persistence';
import { TEMPORAL_CONFIG_FOR_WORKER, type WorkerHostOptions } from './worker-host.options';

/** Takes a store checkpoint on a schedule (the worker's job), written to the store and to the sink. */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('checkpoints');
  private schedule?: { stop(): Promise<void> };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TEMPORAL_CONFIG_FOR_WORKER) private readonly options: WorkerHostOptions,
  ) {}

  onApplicationBootstrap(): void {
    const everyMs = this.options.checkpointEveryMs;
    if (!everyMs) return;
    if (!isAuditable(this.store)) {
      this.logger.warn(`${this.store.name} keeps no hash chains: no scheduled checkpoints`);
      return;
    }
    this.schedule = scheduleCheckpoints(this.store, {
      everyMs,
      onError: (error) => this.logger.error(`checkpoint failed: ${String(error)}`),
    });
    this.logger.log(`a checkpoint every ${Math.round(everyMs / 60_000)} min`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.schedule?.stop();
  }
}
