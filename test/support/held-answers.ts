import { Client } from 'pg';

const LOCK = 0x1de4; // any number no other code takes as an advisory lock

export interface HeldAnswers {
  /** Lets the held answers through (they are kept) and removes the hold. */
  release(): Promise<void>;
  /** For a gateway that was killed meanwhile: ends its database sessions still waiting here (their answers are lost), then releases. */
  abandon(): Promise<void>;
}

/**
 * Holds the gateway between "the work is done" and "the answer is kept": a trigger makes the
 * idempotency store's final UPDATE (the one that writes the answer) wait for an advisory lock this
 * session holds. The gateway's Temporal call has then completed and its answer is not recorded:
 * the moment a crash or a concurrent retry is tested at.
 */
export async function holdAnswers(databaseUrl: string): Promise<HeldAnswers> {
  const session = new Client({ connectionString: databaseUrl });
  await session.connect();
  await session.query(`SELECT pg_advisory_lock(${LOCK})`);
  await session.query(`
    CREATE OR REPLACE FUNCTION caseflow_test_hold_answer() RETURNS trigger AS $$
    BEGIN PERFORM pg_advisory_xact_lock(${LOCK}); RETURN NEW; END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS caseflow_test_hold_answer ON idempotency_keys;
    CREATE TRIGGER caseflow_test_hold_answer BEFORE UPDATE ON idempotency_keys
      FOR EACH ROW WHEN (NEW.status IS NOT NULL) EXECUTE FUNCTION caseflow_test_hold_answer();`);
  const release = async (): Promise<void> => {
    try {
      // Unlock first: the held UPDATEs finish, and only then can the trigger be dropped (no deadlock).
      await session.query(`SELECT pg_advisory_unlock(${LOCK})`);
      await session.query('DROP TRIGGER IF EXISTS caseflow_test_hold_answer ON idempotency_keys');
    } finally {
      await session.end();
    }
  };
  return {
    release,
    abandon: async () => {
      await session.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND objid = ${LOCK} AND NOT granted AND pid <> pg_backend_pid()`,
      );
      await release();
    },
  };
}
