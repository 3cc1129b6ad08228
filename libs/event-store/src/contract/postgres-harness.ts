import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../database';
import { createEventStore } from '../index';
import type { NewEvent } from '../port';
import type { ContractHarness, OpenWrite } from './event-store-contract';

export const DEFAULT_PG_URL = 'postgres://caseflow:caseflow@127.0.0.1:5432/caseflow';

/** The server under test: CASEFLOW_PG_URL, or the local default. */
export function pgUrl(): string {
  return process.env.CASEFLOW_PG_URL || DEFAULT_PG_URL;
}

/** A schema name nobody else uses: suites and runs never collide. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

/** Opens the server or fails with what to do about it (never skips). */
export async function openTestServer(schema: string): Promise<Database> {
  try {
    return await openDatabase({
      kind: 'postgres',
      connectionString: pgUrl(),
      schema,
      connectionTimeoutMs: 5_000,
      statementTimeoutMs: 30_000,
    });
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for these tests and is unreachable (${(error as Error).message}). ` +
        'Start it with `bash scripts/setup.sh`, or point CASEFLOW_PG_URL at a server.',
      { cause: error },
    );
  }
}

/** Writes one event by plain SQL, taking its global position now, without the ordering lock. */
export async function openLateWrite(db: Database, streamId: string, event: NewEvent): Promise<OpenWrite> {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const ready = new Promise<void>((r) => (started = r));
  const done = db.transaction(async (tx) => {
    await tx.query(`INSERT INTO es_streams (stream_id, last_position) VALUES ($1, 1)`, [streamId]);
    await tx.query(
      `INSERT INTO es_events (stream_id, position, event_id, type, schema_version, data, metadata, recorded_at)
       VALUES ($1, 1, $2, $3, 1, $4, $5, clock_timestamp())`,
      [streamId, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)],
    );
    started();
    await gate;
  });
  await Promise.race([ready, done]);
  return {
    async commit() {
      release();
      await done;
    },
  };
}

/** One statement with es_events' append-only triggers off, in its own transaction (tamper tests). */
export function tamperWith(db: Database): (sql: string, params?: unknown[]) => Promise<void> {
  return (sql, params = []) =>
    db.transaction(async (tx) => {
      await tx.exec('ALTER TABLE es_events DISABLE TRIGGER USER');
      await tx.query(sql, params);
      await tx.exec('ALTER TABLE es_events ENABLE TRIGGER USER');
    });
}

/** Harness over a fresh schema on the real server; dropped at teardown. */
export async function postgresServerHarness(): Promise<ContractHarness> {
  const schema = uniqueSchema('es_contract');
  const admin = await openTestServer(schema);
  const dbs: Database[] = [admin];
  return {
    async open(schemas) {
      // Each store gets its own pool, as a separate process would.
      const db = await openTestServer(schema);
      dbs.push(db);
      return createEventStore(db, { schemas });
    },
    openLateWrite: (streamId, event) => openLateWrite(admin, streamId, event),
    tamper: tamperWith(admin),
    database: admin,
    async teardown() {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      for (const db of dbs) await db.close().catch(() => undefined);
    },
  };
}

/** Harness over one in-memory PGlite instance shared by every store it opens. */
export async function pgliteHarness(): Promise<ContractHarness> {
  const db = await openDatabase({ kind: 'pglite' });
  return {
    open: (schemas) => createEventStore(db, { schemas }),
    tamper: tamperWith(db),
    database: db,
    async teardown() {
      await db.close();
    },
  };
}
