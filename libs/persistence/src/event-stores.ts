import {
  createEventStore,
  createKurrentEventStore,
  type CheckpointSink,
  type Database,
  type PersonalDataStore,
  type SubjectKeys,
} from '@caseflow/event-store';
import type { AuditLogConfig } from './persistence.config';
import { withCaseflowPersonalData } from './personal-data';

export interface EventStores {
  /** The event store on the database: customer streams, written in one transaction with their rows. */
  databaseStore: PersonalDataStore;
  /** Where ticket streams go: the database store itself, or KurrentDB. */
  auditLog: PersonalDataStore;
  /** Closes both (not the database, which its owner closes). */
  close(): Promise<void>;
}

/**
 * The stores of one process. Both seal personal data with the keys kept in the database, and both
 * write their checkpoints to the sink (KurrentDB mode included).
 */
export async function openEventStores(
  db: Database,
  auditLog: AuditLogConfig,
  keys: SubjectKeys,
  checkpointSink?: CheckpointSink,
): Promise<EventStores> {
  const databaseStore = withCaseflowPersonalData(await createEventStore(db, { checkpointSink }), keys);
  const log: PersonalDataStore =
    auditLog.kind === 'kurrentdb'
      ? withCaseflowPersonalData(
          await createKurrentEventStore({ connectionString: auditLog.connectionString, checkpointSink }),
          keys,
        )
      : databaseStore;
  return {
    databaseStore,
    auditLog: log,
    close: async () => {
      if (log !== databaseStore) await log.close();
      await databaseStore.close();
    },
  };
}
