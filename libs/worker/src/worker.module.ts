import { Module, type DynamicModule } from '@nestjs/common';
import { CheckpointScheduler } from './checkpoint-scheduler';
import { ACTIVITY_SERVICES, LogNotifier, NOTIFIER } from './activities';
import { TemporalWorkerHost } from './temporal-worker.host';
import { TEMPORAL_CONFIG_FOR_WORKER, type WorkerHostOptions } from './worker-host.options';

/** Hosts the Temporal worker; needs PersistenceModule and DirectoryModule registered beside it. */
@Module({})
export class WorkerModule {
  static register(options: WorkerHostOptions): DynamicModule {
    return {
      module: WorkerModule,
      providers: [
        { provide: TEMPORAL_CONFIG_FOR_WORKER, useValue: options },
        { provide: NOTIFIER, useClass: LogNotifier },
        ...ACTIVITY_SERVICES,
        TemporalWorkerHost,
        CheckpointScheduler,
      ],
    };
  }
}
