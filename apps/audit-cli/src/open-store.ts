import { createEventStore, createKurrentEventStore, openDatabase, type EventStore } from '../../../libs/event-store/src';
import { persistenceConfigFromEnv } from '../../../libs/persistence/src/persistence.config';

/** The audit store the apps use, from the same environment variables (read-only use). */
export async function openAuditStore(env: NodeJS.ProcessEnv = process.env): Promise<{ store: EventStore; close: () => Promise<void> }> {
  const { database, auditLog } = persistenceConfigFromEnv(env);
  const db = await openDatabase(database);
  const databaseStore = await createEventStore(db);
  const store = auditLog.kind === 'kurrentdb' ? await createKurrentEventStore({ connectionString: auditLog.connectionString }) : databaseStore;
  return {
    store,
    close: async () => {
      if (store !== databaseStore) await store.close();
      await databaseStore.close();
      await db.close();
    },
  };
}
