import type { Database } from './database';

/**
 * A versioned schema change. Versions are per namespace, start at 1 and only grow; a migration
 * once applied is never edited (add a new version instead).
 */
export interface Migration {
  version: number;
  name: string;
  /** SQL script (several statements allowed, no parameters). */
  sql: string;
}

export interface MigrationReport {
  namespace: string;
  applied: number[];
  current: number;
}

/** Key of the transaction-scoped advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 727_117_001;

/**
 * Applies the migrations of `namespace` not yet recorded in `caseflow_migrations`, in version
 * order, all in one transaction. Two processes starting at once are safe: each takes the same
 * advisory lock first, so the second waits and then finds the versions already recorded.
 */
export async function runMigrations(
  db: Database,
  migrations: readonly Migration[],
  namespace: string,
): Promise<MigrationReport> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1)
      throw new Error(`Migration ${namespace}/${m.name}: bad version ${m.version}`);
    if (i > 0 && sorted[i - 1].version === m.version)
      throw new Error(`Migration ${namespace}: version ${m.version} declared twice`);
  });
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS caseflow_migrations (
      namespace  text        NOT NULL,
      version    integer     NOT NULL,
      name       text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (namespace, version)
    )`);
    const { rows } = await tx.query<{ version: number }>(
      'SELECT version FROM caseflow_migrations WHERE namespace = $1',
      [namespace],
    );
    const done = new Set(rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of sorted) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO caseflow_migrations (namespace, version, name) VALUES ($1, $2, $3)', [
        namespace,
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    const current = Math.max(0, ...done, ...applied);
    return { namespace, applied, current };
  });
}
