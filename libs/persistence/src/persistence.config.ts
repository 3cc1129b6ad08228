import * as path from 'node:path';

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir?: string }
  | { kind: 'postgres'; connectionString: string };

/** Embedded PGlite under ./data unless CASEFLOW_STORE=postgres names a real server. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const kind = env.CASEFLOW_STORE ?? 'pglite';
  if (kind === 'postgres') {
    if (!env.CASEFLOW_PG_URL) throw new Error('CASEFLOW_STORE=postgres needs CASEFLOW_PG_URL (postgres://user:pass@host:port/db)');
    return { kind, connectionString: env.CASEFLOW_PG_URL };
  }
  if (kind === 'pglite') {
    return { kind, dataDir: env.CASEFLOW_PGLITE_DIR ?? path.resolve('data', 'pglite') };
  }
  throw new Error(`CASEFLOW_STORE must be "pglite" or "postgres", got "${kind}"`);
}

/** PGlite is a single connection: with it, gateway and worker must share one process. */
export const isSingleProcessDatabase = (config: DatabaseConfig): boolean => config.kind === 'pglite';
