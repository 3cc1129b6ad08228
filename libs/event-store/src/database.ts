import { Pool, type PoolClient } from 'pg';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';

/**
 * A small SQL abstraction over two drivers that speak the same PostgreSQL dialect:
 * `pg` against a real server (a connection pool) and PGlite, PostgreSQL compiled to WASM running
 * in-process (one connection). Everything above it (migrations, the event store, the ticket-number
 * sequence) is written once against this interface.
 */
export interface QueryResult<T> {
  rows: T[];
  /** Rows inserted, updated or deleted by the statement (0 for a SELECT on PGlite). */
  rowCount: number;
}

export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'postgres' | 'pglite';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Real parallel connections (the server) or one serialised connection (PGlite). */
  readonly concurrentConnections: boolean;
  /** Runs `fn` in BEGIN … COMMIT on one connection; rolls back and rethrows when `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PostgresDatabaseConfig {
  kind: 'postgres';
  connectionString: string;
  /** Schema to create (if missing) and put first on every connection's search_path. */
  schema?: string;
  /** Pool size; default 20. */
  maxConnections?: number;
  /** Server-side statement_timeout in ms; default 30,000. */
  statementTimeoutMs?: number;
  /** Time to wait for a connection (TCP connect or a free pooled one) in ms; default 5,000. */
  connectionTimeoutMs?: number;
}

export interface PGliteDatabaseConfig {
  kind: 'pglite';
  /** A directory to persist to; undefined = in-memory. */
  dataDir?: string;
  schema?: string;
}

export type DatabaseConfig = PostgresDatabaseConfig | PGliteDatabaseConfig;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and underscores`);
  }
  return schema;
}

/** Opens a pooled server connection or an embedded PGlite instance. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  switch (config.kind) {
    case 'postgres':
      return openPostgres(config);
    case 'pglite':
      return openPGlite(config);
    default: {
      const never: never = config;
      throw new Error(`Unknown database kind: ${JSON.stringify(never)}`);
    }
  }
}

async function openPostgres(config: PostgresDatabaseConfig): Promise<Database> {
  const schema = config.schema === undefined ? undefined : checkSchemaName(config.schema);
  const statementTimeout = config.statementTimeoutMs ?? 30_000;
  const pool = new Pool({
    connectionString: config.connectionString,
    max: config.maxConnections ?? 20,
    connectionTimeoutMillis: config.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeout,
    // Client-side guard as well, in case the server stops answering altogether.
    query_timeout: statementTimeout + 5_000,
    idle_in_transaction_session_timeout: Math.max(statementTimeout * 2, 60_000),
    options: schema ? `-c search_path=${schema},public` : undefined,
  });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    else await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL unreachable at ${redact(config.connectionString)}: ${(error as Error).message}`,
      { cause: error },
    );
  }

  const wrap = (client: Pool | PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  });

  return {
    kind: 'postgres',
    concurrentConnections: true,
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}

async function openPGlite(config: PGliteDatabaseConfig): Promise<Database> {
  const schema = config.schema === undefined ? undefined : checkSchemaName(config.schema);
  // Loaded lazily: the WASM module is large and server deployments never need it.
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const pg: PGlite = await PGliteClass.create(config.dataDir);
  if (schema) await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);

  const wrap = (client: PGlite | PGliteTransaction): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      const result = await client.query<T>(sql, params as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await client.exec(sql);
    },
  });

  return {
    kind: 'pglite',
    concurrentConnections: false,
    ...wrap(pg),
    // PGlite serialises transactions on its single connection; queries outside wait for them.
    transaction: <T>(fn: (tx: Queryable) => Promise<T>): Promise<T> => pg.transaction((tx) => fn(wrap(tx))),
    async close(): Promise<void> {
      await pg.close();
    },
  };
}

function redact(connectionString: string): string {
  return connectionString.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
