import { Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { canAppendWithin, type Database, type DataSubjects, type EventStore } from '@caseflow/event-store';
import { DATABASE, DATABASE_EVENT_STORE, DATA_SUBJECTS } from '@caseflow/persistence';
import { CustomerDirectory } from './customer-directory';
import { CUSTOMER_DIRECTORY } from './directory.tokens';
import { demoCustomers } from './fixture';

/** CASEFLOW_SEED_DIRECTORY=false turns the demo seed off; anything else (or unset) seeds. */
export const shouldSeedDirectory = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.CASEFLOW_SEED_DIRECTORY !== 'false';

@Injectable()
export class DirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DirectoryModule');

  constructor(@Inject(CUSTOMER_DIRECTORY) private readonly directory: CustomerDirectory) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!shouldSeedDirectory()) return;
    const results = await this.directory.seed(demoCustomers, new Date().toISOString());
    const written = results.filter((r) => r.outcome !== 'unchanged').map((r) => `${r.customerId} (${r.outcome})`);
    this.logger.log(
      written.length ? `seeded demo customers: ${written.join(', ')}` : `demo customers up to date (${results.length})`,
    );
  }
}

/**
 * Provides CUSTOMER_DIRECTORY everywhere; needs PersistenceModule (DATABASE, DATABASE_EVENT_STORE, DATA_SUBJECTS) beside
 * it. Creates the `customers` table while initialising and seeds the five demo customers on bootstrap unless
 * CASEFLOW_SEED_DIRECTORY=false.
 */
@Global()
@Module({
  providers: [
    {
      provide: CUSTOMER_DIRECTORY,
      inject: [DATABASE, DATABASE_EVENT_STORE, DATA_SUBJECTS],
      // Migrates while the module initialises: whoever gets the directory finds its table.
      useFactory: async (db: Database, store: EventStore, subjects: DataSubjects): Promise<CustomerDirectory> => {
        // Row and event are written in one transaction: that needs the PostgreSQL store on the same database.
        if (!canAppendWithin(store)) {
          throw new Error(
            `DirectoryModule needs the PostgreSQL event store on the DATABASE connection, got ${store.name}`,
          );
        }
        await CustomerDirectory.migrate(db);
        return new CustomerDirectory(db, store, subjects);
      },
    },
    DirectorySeeder,
  ],
  exports: [CUSTOMER_DIRECTORY],
})
export class DirectoryModule {}
