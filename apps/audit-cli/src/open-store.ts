import { DataSubjects, SubjectKeys, checkpointSinkFrom, openDatabase, type EventStore } from '@caseflow/event-store';
import { openEventStores } from '@caseflow/persistence';
import { persistenceConfigFromEnv } from '@caseflow/persistence';

export interface AuditStore {
  /** The audit log; personal fields are opened with the subject keys (`[erased]` once erased). */
  store: EventStore;
  keys: SubjectKeys;
  /** Who is who: e-mail address → subject id (cleared when the subject is erased). */
  subjects: DataSubjects;
  close: () => Promise<void>;
}

/**
 * The audit store the apps use, from the same environment variables. CASEFLOW_CHECKPOINT_SINK (a
 * JSON-lines file path or an http(s) URL; CASEFLOW_CHECKPOINT_TIMEOUT_MS for the webhook) is where
 * `checkpoint` writes outside the store.
 */
export async function openAuditStore(env: NodeJS.ProcessEnv = process.env): Promise<AuditStore> {
  const { database, auditLog } = persistenceConfigFromEnv(env);
  const db = await openDatabase(database);
  const sink = env.CASEFLOW_CHECKPOINT_SINK;
  const keys = await SubjectKeys.open(db);
  const subjects = await DataSubjects.open(db);
  const stores = await openEventStores(
    db,
    auditLog,
    keys,
    sink ? checkpointSinkFrom(sink, Number(env.CASEFLOW_CHECKPOINT_TIMEOUT_MS) || undefined) : undefined,
  );
  return {
    store: stores.auditLog,
    keys,
    subjects,
    close: async () => {
      await stores.close();
      await db.close();
    },
  };
}
