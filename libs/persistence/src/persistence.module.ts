import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, openDatabase, type Database, type EventStore } from '../../event-store/src';
import type { DatabaseConfig } from './persistence.config';
import { DATABASE, EVENT_STORE } from './persistence.tokens';

@Injectable()
class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

/** One database handle per process, shared by the event store and the other tables. */
@Module({})
export class PersistenceModule {
  static register(config: DatabaseConfig): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DATABASE, useFactory: (): Promise<Database> => openDatabase(config) },
        { provide: EVENT_STORE, inject: [DATABASE], useFactory: (db: Database): Promise<EventStore> => createEventStore(db) },
        DatabaseCloser,
      ],
      exports: [DATABASE, EVENT_STORE],
    };
  }
}
