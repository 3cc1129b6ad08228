import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { checkpointSinkFrom, createEventStore, createKurrentEventStore, openDatabase, type Database, type EventStore, type PostgresEventStore } from '../../event-store/src';
import type { AuditLogConfig, CheckpointConfig, DatabaseConfig } from './persistence.config';
import { DATABASE, DATABASE_EVENT_STORE, EVENT_STORE } from './persistence.tokens';

@Injectable()
class PersistenceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(DATABASE_EVENT_STORE) private readonly databaseStore: EventStore,
    @Inject(EVENT_STORE) private readonly auditLog: EventStore,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.auditLog !== this.databaseStore) await this.auditLog.close();
    await this.databaseStore.close();
    await this.db.close();
  }
}

/** One database handle per process, shared by the event store and the other tables. */
@Module({})
export class PersistenceModule {
  static register(database: DatabaseConfig, auditLog: AuditLogConfig = { kind: 'database' }, checkpoints?: CheckpointConfig): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DATABASE, useFactory: (): Promise<Database> => openDatabase(database) },
        { provide: DATABASE_EVENT_STORE, inject: [DATABASE], useFactory: (db: Database): Promise<PostgresEventStore> => createEventStore(db, checkpoints ? { checkpointSink: checkpointSinkFrom(checkpoints.sink) } : {}) },
        {
          provide: EVENT_STORE,
          inject: [DATABASE_EVENT_STORE],
          useFactory: (databaseStore: EventStore): EventStore | Promise<EventStore> =>
            auditLog.kind === 'kurrentdb' ? createKurrentEventStore({ connectionString: auditLog.connectionString }) : databaseStore,
        },
        PersistenceCloser,
      ],
      exports: [DATABASE, DATABASE_EVENT_STORE, EVENT_STORE],
    };
  }
}
