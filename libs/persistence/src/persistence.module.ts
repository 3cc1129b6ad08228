import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import {
  DataSubjects,
  PersonalValues,
  SubjectKeys,
  checkpointSinkFrom,
  openDatabase,
  type Database,
  type EventStore,
} from '@caseflow/event-store';
import { openEventStores, type EventStores } from './event-stores';
import type { AuditLogConfig, CheckpointConfig, DatabaseConfig } from './persistence.config';
import { PersonalReferences } from './personal-references';
import {
  DATABASE,
  DATABASE_EVENT_STORE,
  DATA_SUBJECTS,
  EVENT_STORE,
  PERSONAL_REFERENCES,
  SUBJECT_KEYS,
} from './persistence.tokens';

/** Both event stores, opened together (module-internal: the apps inject the two stores). */
const EVENT_STORES = Symbol('EVENT_STORES');

@Injectable()
class PersistenceCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORES) private readonly stores: EventStores,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await this.stores.close();
    await this.db.close();
  }
}

/**
 * One database handle per process, shared by the event store and the other tables. Both stores
 * seal personal data (PERSONAL_DATA_TYPES) with keys kept in this database, KurrentDB mode included.
 */
@Module({})
export class PersistenceModule {
  static register(
    database: DatabaseConfig,
    auditLog: AuditLogConfig = { kind: 'database' },
    checkpoints?: CheckpointConfig,
  ): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DATABASE, useFactory: (): Promise<Database> => openDatabase(database) },
        {
          provide: SUBJECT_KEYS,
          inject: [DATABASE],
          useFactory: (db: Database): Promise<SubjectKeys> => SubjectKeys.open(db),
        },
        {
          provide: DATA_SUBJECTS,
          inject: [DATABASE, SUBJECT_KEYS],
          useFactory: (db: Database): Promise<DataSubjects> => DataSubjects.open(db),
        },
        {
          provide: PERSONAL_REFERENCES,
          inject: [DATABASE, SUBJECT_KEYS],
          useFactory: async (db: Database, keys: SubjectKeys): Promise<PersonalReferences> =>
            new PersonalReferences(await PersonalValues.open(db, keys)),
        },
        {
          provide: EVENT_STORES,
          inject: [DATABASE, SUBJECT_KEYS],
          useFactory: (db: Database, keys: SubjectKeys): Promise<EventStores> =>
            openEventStores(db, auditLog, keys, checkpoints ? checkpointSinkFrom(checkpoints.sink) : undefined),
        },
        {
          provide: DATABASE_EVENT_STORE,
          inject: [EVENT_STORES],
          useFactory: (stores: EventStores): EventStore => stores.databaseStore,
        },
        {
          provide: EVENT_STORE,
          inject: [EVENT_STORES],
          useFactory: (stores: EventStores): EventStore => stores.auditLog,
        },
        PersistenceCloser,
      ],
      exports: [DATABASE, DATABASE_EVENT_STORE, EVENT_STORE, SUBJECT_KEYS, DATA_SUBJECTS, PERSONAL_REFERENCES],
    };
  }
}
