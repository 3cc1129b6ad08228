import * as path from 'node:path';

export type DatabaseConfig = { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; connectionString: string };

/** Where ticket streams go: the database's own event tables, or a KurrentDB server. */
export type AuditLogConfig = { kind: 'database' } | { kind: 'kurrentdb'; connectionString: string };

/**
 * CASEFLOW_STORE: `pglite` (default, embedded under ./data), `postgres` (CASEFLOW_PG_URL), or
 * `kurrentdb` (ticket streams in CASEFLOW_KURRENTDB_URL; tables and customer streams in CASEFLOW_PG_URL).
 */
export function persistenceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): {
  database: DatabaseConfig;
  auditLog: AuditLogConfig;
} {
  const kind = env.CASEFLOW_STORE ?? 'pglite';
  const needs = (name: string, example: string): string => {
    const value = env[name];
    if (!value) throw new Error(`CASEFLOW_STORE=${kind} needs ${name} (${example})`);
    return value;
  };
  if (kind === 'pglite')
    return {
      database: { kind, dataDir: env.CASEFLOW_PGLITE_DIR ?? path.resolve('data', 'pglite') },
      auditLog: { kind: 'database' },
    };
  if (kind === 'postgres')
    return {
      database: { kind, connectionString: needs('CASEFLOW_PG_URL', 'postgres://user:pass@host:port/db') },
      auditLog: { kind: 'database' },
    };
  if (kind === 'kurrentdb') {
    return {
      database: { kind: 'postgres', connectionString: needs('CASEFLOW_PG_URL', 'postgres://user:pass@host:port/db') },
      auditLog: {
        kind: 'kurrentdb',
        connectionString: needs('CASEFLOW_KURRENTDB_URL', 'kurrentdb://host:2113?tls=false'),
      },
    };
  }
  throw new Error(`CASEFLOW_STORE must be "pglite", "postgres" or "kurrentdb", got "${kind}"`);
}

/** Checkpoints go outside the store too: a JSON-lines file or a webhook, on a schedule. */
export interface CheckpointConfig {
  sink: string;
  everyMs: number;
}

/** CASEFLOW_CHECKPOINT_SINK (default data/checkpoints.jsonl), CASEFLOW_CHECKPOINT_EVERY_MINUTES (default 60). */
export function checkpointConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CheckpointConfig {
  const minutes = Number(env.CASEFLOW_CHECKPOINT_EVERY_MINUTES ?? 60);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new Error(
      `CASEFLOW_CHECKPOINT_EVERY_MINUTES must be a positive number, got "${env.CASEFLOW_CHECKPOINT_EVERY_MINUTES}"`,
    );
  return { sink: env.CASEFLOW_CHECKPOINT_SINK ?? path.resolve('data', 'checkpoints.jsonl'), everyMs: minutes * 60_000 };
}

/** PGlite is a single connection: with it, gateway and worker must share one process. */
export const isSingleProcessDatabase = (config: DatabaseConfig): boolean => config.kind === 'pglite';
