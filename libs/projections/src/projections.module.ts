import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Database, EventStore, SubjectKeys } from '@caseflow/event-store';
import { DATABASE, EVENT_STORE, SUBJECT_KEYS } from '@caseflow/persistence';
import { PostgresTicketReadModel } from './postgres-read-model';
import { ProjectorRunner, sealedStoreOf, type ProjectorRunnerOptions } from './projector-runner';
import { TICKET_READ_MODEL } from './read-model';
import { TicketProjector } from './ticket-projector';

/** The projector (migrated on creation). */
export const TICKET_PROJECTOR = Symbol('TICKET_PROJECTOR');
/** The runner that keeps the projection following the store (present when the module runs it). */
export const PROJECTOR_RUNNER = Symbol('PROJECTOR_RUNNER');

export interface ProjectionsOptions extends ProjectorRunnerOptions {
  /** Follow the store in this process (the gateway does); false: read only. Default true. */
  runProjector?: boolean;
}

@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(PROJECTOR_RUNNER) private readonly runner: ProjectorRunner) {}
  onApplicationBootstrap(): void {
    this.runner.start();
  }
  /** Before PersistenceModule closes the stores and the database. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

/**
 * Provides TICKET_READ_MODEL (the tables in the application's database) and, unless told not to,
 * runs the projector in this process. Needs PersistenceModule (DATABASE, EVENT_STORE, SUBJECT_KEYS).
 */
@Module({})
export class ProjectionsModule {
  static register(options: ProjectionsOptions = {}): DynamicModule {
    const logger = new Logger('Projections');
    const run = options.runProjector ?? true;
    return {
      module: ProjectionsModule,
      global: true,
      providers: [
        {
          provide: TICKET_PROJECTOR,
          inject: [DATABASE, SUBJECT_KEYS],
          useFactory: (db: Database, keys: SubjectKeys) => TicketProjector.open(db, keys),
        },
        {
          provide: TICKET_READ_MODEL,
          inject: [DATABASE, SUBJECT_KEYS, TICKET_PROJECTOR, EVENT_STORE],
          useFactory: (db: Database, keys: SubjectKeys, projector: TicketProjector, store: EventStore) =>
            new PostgresTicketReadModel(db, keys, projector, sealedStoreOf(store)),
        },
        {
          provide: PROJECTOR_RUNNER,
          inject: [TICKET_PROJECTOR, EVENT_STORE],
          useFactory: (projector: TicketProjector, store: EventStore) =>
            new ProjectorRunner(projector, sealedStoreOf(store), {
              onError: (error) => logger.warn(`projector stopped, restarting from its checkpoint: ${String(error)}`),
              ...options,
            }),
        },
        ...(run ? [ProjectorLifecycle] : []),
      ],
      exports: [TICKET_READ_MODEL, TICKET_PROJECTOR, PROJECTOR_RUNNER],
    };
  }
}
