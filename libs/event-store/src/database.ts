import { Pool, type PoolClient } from 'pg';
import { openPgCursor } from './pg-cursor';
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

export interface QueryOptions {
  /** 'array': each row is an array of column values in select order (faster for wide reads). */
  rowMode?: 'object' | 'array';
}

export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<T>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'postgres' | 'pglite';

/** One query's rows fetched in batches from a server-side portal; `read` gives [] at the end. */
export interface RowCursor<T> {
  read(rows: number): Promise<T[]>;
  /** Ends the query and gives its connection back (also after a failed read). */
  close(): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Real parallel connections (the server) or one serialised connection (PGlite). */
  readonly concurrentConnections: boolean;
  /** Runs `fn` in BEGIN … COMMIT on one connection; rolls back and rethrows when `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A cursor over one query on a connection of its own (the server only: PGlite has one connection). */
  cursor?<T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<RowCursor<T>>;
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
  /**
   * 'worker' (default): PGlite runs in a worker thread, so a heavy query never blocks this event
   * loop (and PGlite's own dynamic imports work under test runners' module sandboxes).
   * 'inline': in this thread, a little faster per query.
   */
  thread?: 'worker' | 'inline';
  /** Worker mode: a statement not answered within this many ms is rejected; default 30,000. */
  statementTimeoutMs?: number;
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
    throw new Error(`PostgreSQL unreachable at ${redact(config.connectionString)}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  const wrap = (client: Pool | PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<T>> {
      const result =
        options?.rowMode === 'array'
          ? await client.query({ text: sql, values: params as unknown[] | undefined, rowMode: 'array' })
          : await client.query(sql, params as unknown[] | undefined);
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
      // A session that dies mid-transaction (server restart, terminated backend) rejects the query in
      // flight; the client's own 'error' event must not crash the process while it is checked out.
      const onError = () => undefined;
      client.on('error', onError);
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
        client.off('error', onError);
        client.release(broken);
      }
    },
    cursor: <T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<RowCursor<T>> =>
      openPgCursor<T>(pool, sql, params, { rowMode: options?.rowMode }),
    async close(): Promise<void> {
      await pool.end();
    },
  };
}

async function openPGlite(config: PGliteDatabaseConfig): Promise<Database> {
  if ((config.thread ?? 'worker') === 'worker') return openPGliteWorker(config);
  const schema = config.schema === undefined ? undefined : checkSchemaName(config.schema);
  // Loaded lazily: the WASM module is large and server deployments never need it.
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  const pg: PGlite = await PGliteClass.create(config.dataDir);
  if (schema) await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);

  const wrap = (client: PGlite | PGliteTransaction): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<T>> {
      const result = await client.query<T>(
        sql,
        params as unknown[] | undefined,
        options?.rowMode === 'array' ? { rowMode: 'array' } : undefined,
      );
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

/** Runs in the worker thread: hosts PGlite and answers query/exec/close messages. */
const PGLITE_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pgliteModule);
const ready = PGlite.create(workerData.dataDir);
parentPort.on('message', async (msg) => {
  try {
    const db = await ready;
    let result;
    if (msg.op === 'query') {
      const r = await db.query(msg.sql, msg.params, msg.rowMode === 'array' ? { rowMode: 'array' } : undefined);
      result = { rows: r.rows, rowCount: r.affectedRows || 0 };
    } else if (msg.op === 'exec') {
      await db.exec(msg.sql);
    } else if (msg.op === 'close') {
      await db.close();
    }
    parentPort.postMessage({ id: msg.id, result });
  } catch (e) {
    parentPort.postMessage({ id: msg.id, error: { message: String(e && e.message || e), code: e && e.code, detail: e && e.detail } });
  }
});
`;

type WorkerReply = {
  id: number;
  result?: QueryResult<unknown>;
  error?: { message: string; code?: string; detail?: string };
};

async function openPGliteWorker(config: PGliteDatabaseConfig): Promise<Database> {
  const schema = config.schema === undefined ? undefined : checkSchemaName(config.schema);
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(PGLITE_WORKER_SOURCE, {
    eval: true,
    workerData: { pgliteModule: require.resolve('@electric-sql/pglite'), dataDir: config.dataDir },
  });
  const timeoutMs = config.statementTimeoutMs ?? 30_000;
  const pending = new Map<number, { resolve: (r: QueryResult<unknown>) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let dead: Error | undefined;
  const failAll = (error: Error) => {
    dead = error;
    pending.forEach((p) => p.reject(error));
    pending.clear();
  };
  worker.on('message', (reply: WorkerReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.error)
      p.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code, detail: reply.error.detail }));
    else p.resolve(reply.result ?? { rows: [], rowCount: 0 });
  });
  worker.on('error', (error: unknown) => failAll(error instanceof Error ? error : new Error(String(error))));
  worker.on('exit', (code) => failAll(new Error(`PGlite worker exited (code ${code})`)));

  const send = (
    op: 'query' | 'exec' | 'close',
    sql?: string,
    params?: readonly unknown[],
    rowMode?: QueryOptions['rowMode'],
  ) =>
    new Promise<QueryResult<unknown>>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = ++nextId;
      const timer = setTimeout(() => {
        if (!pending.delete(id)) return;
        reject(Object.assign(new Error(`PGlite statement timeout after ${timeoutMs} ms`), { code: '57014' }));
      }, timeoutMs);
      timer.unref();
      pending.set(id, {
        resolve: (r) => (clearTimeout(timer), resolve(r)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      worker.postMessage({ id, op, sql, params, rowMode });
    });

  // One connection: a transaction owns it until COMMIT, other statements queue behind.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  const direct: Queryable = {
    query: async <T>(sql: string, params?: readonly unknown[], options?: QueryOptions) =>
      (await send('query', sql, params ?? [], options?.rowMode)) as QueryResult<T>,
    exec: async (sql: string) => void (await send('exec', sql)),
  };

  try {
    await direct.query('SELECT 1');
    if (schema) await direct.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}, public;`);
  } catch (error) {
    await worker.terminate();
    throw new Error(`PGlite failed to start: ${(error as Error).message}`, { cause: error });
  }

  return {
    kind: 'pglite',
    concurrentConnections: false,
    query: <T>(sql: string, params?: readonly unknown[], options?: QueryOptions) =>
      exclusive(() => direct.query<T>(sql, params, options)),
    exec: (sql: string) => exclusive(() => direct.exec(sql)),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      exclusive(async () => {
        await direct.exec('BEGIN');
        try {
          const result = await fn(direct);
          await direct.exec('COMMIT');
          return result;
        } catch (error) {
          await direct.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    async close(): Promise<void> {
      await exclusive(async () => {
        await send('close').catch(() => undefined);
        await worker.terminate();
      });
    },
  };
}

function redact(connectionString: string): string {
  return connectionString.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
