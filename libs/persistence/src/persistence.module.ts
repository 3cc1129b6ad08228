import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import {
  DataSubjects,
  SubjectKeys,
  checkpointSinkFrom,
  createEventStore,
  createKurrentEventStore,
  openDatabase,
  type Database,
  type EventStore,
  type PersonalDataStore,
} from '../../event-store/src';
import type { AuditLogConfig, CheckpointConfig, DatabaseConfig } from './persistence.config';
import { withCaseflowPersonalData } from './personal-data';
import { DATABASE, DATABASE_EVENT_STORE, DATA_SUBJECTS, EVENT_STORE, SUBJECT_KEYS } from './persistence.tokens';

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

/**
 * One database handle per process, shared by the event store and the other tables. Both stores
 * seal personal data (PERSONAL_DATA_TYPES) with keys kept in this database, KurrentDB mode included.
 */
@Module({})
export class PersistenceModule {
  static register(database: DatabaseConfig, auditLog: AuditLogConfig = { kind: 'database' }, checkpoints?: CheckpointConfig): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DATABASE, useFactory: (): Promise<Database> => openDatabase(database) },
        { provide: SUBJECT_KEYS, inject: [DATABASE], useFactory: (db: Database): Promise<SubjectKeys> => SubjectKeys.open(db) },
        { provide: DATA_SUBJECTS, inject: [DATABASE, SUBJECT_KEYS], useFactory: (db: Database): Promise<DataSubjects> => DataSubjects.open(db) },
        {
          provide: DATABASE_EVENT_STORE,
          inject: [DATABASE, SUBJECT_KEYS],
          useFactory: async (db: Database, keys: SubjectKeys): Promise<PersonalDataStore> =>
            withCaseflowPersonalData(await createEventStore(db, checkpoints ? { checkpointSink: checkpointSinkFrom(checkpoints.sink) } : {}), keys),
        },
        {
          provide: EVENT_STORE,
          inject: [DATABASE_EVENT_STORE, SUBJECT_KEYS],
          useFactory: async (databaseStore: EventStore, keys: SubjectKeys): Promise<EventStore> =>
            auditLog.kind === 'kurrentdb' ? withCaseflowPersonalData(await createKurrentEventStore({ connectionString: auditLog.connectionString }), keys) : databaseStore,
        },
        PersistenceCloser,
      ],
      exports: [DATABASE, DATABASE_EVENT_STORE, EVENT_STORE, SUBJECT_KEYS, DATA_SUBJECTS],
    };
  }
}
