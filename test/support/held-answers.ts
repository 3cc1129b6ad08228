import { Client } from 'pg';

const LOCK = 0x1de4; // any number no other code takes as an advisory lock

/**
 * Holds the gateway between "the work is done" and "the answer is kept": a trigger makes the
 * idempotency store's final UPDATE (the one that writes the answer) wait for an advisory lock this
 * session holds. The gateway's Temporal call has then completed and its answer is not recorded:
 * the moment a crash or a concurrent retry is tested at. `release()` lets it through and removes the trigger.
 */
export async function holdAnswers(databaseUrl: string): Promise<{ release(): Promise<void> }> {
  const session = new Client({ connectionString: databaseUrl });
  await session.connect();
  await session.query(`SELECT pg_advisory_lock(${LOCK})`);
  await session.query(`
    CREATE OR REPLACE FUNCTION caseflow_test_hold_answer() RETURNS trigger AS $$
    BEGIN PERFORM pg_advisory_xact_lock(${LOCK}); RETURN NEW; END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS caseflow_test_hold_answer ON idempotency_keys;
    CREATE TRIGGER caseflow_test_hold_answer BEFORE UPDATE ON idempotency_keys
      FOR EACH ROW WHEN (NEW.status IS NOT NULL) EXECUTE FUNCTION caseflow_test_hold_answer();`);
  return {
    release: async () => {
      await session.query('DROP TRIGGER IF EXISTS caseflow_test_hold_answer ON idempotency_keys');
      await session.query(`SELECT pg_advisory_unlock(${LOCK})`);
      await session.end();
    },
  };
}
