/**
 * @caseflow/event-store — the audit store.
 *
 * Database access (also for other modules that keep tables beside the log, e.g. a ticket-number
 * sequence):
 *   const db = await openDatabase({ kind: 'postgres', connectionString })   // pg pool, real server
 *   const db = await openDatabase({ kind: 'pglite', dataDir })               // in-process; no dataDir = in-memory
 *   await runMigrations(db, [{ version: 1, name: 'ticket numbers', sql: 'CREATE SEQUENCE …' }], 'tickets')
 *   await db.query<{ n: string }>('SELECT nextval($1) AS n', ['ticket_number_seq'])
 *   await db.transaction(async (tx) => { … tx.query(…) … })
 * Migrations are versioned per namespace, recorded in `caseflow_migrations`, and serialised by an
 * advisory lock, so two processes starting at once are safe. Pick your own namespace.
 *
 * The store:
 *   const store = await createEventStore(db, { schemas })   // runs the store's migrations
 *   await store.append('ticket-42', [event], { expectedPosition: 0 })
 *   await store.readStream('ticket-42')
 *   store.appendWithin(tx, …) appends inside a db.transaction you own.
 * KurrentDB: `await createKurrentEventStore({ connectionString })`.
 * In process memory (tests, throwaway tools): `new InMemoryEventStore()`.
 */
import type { Database } from './database';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';

export * from './port';
export * from './errors';
export { openDatabase } from './database';
export type {
  Database,
  DatabaseConfig,
  DatabaseKind,
  PGliteDatabaseConfig,
  PostgresDatabaseConfig,
  Queryable,
  QueryOptions,
  QueryResult,
} from './database';
export { runMigrations } from './migrations';
export type { Migration, MigrationReport } from './migrations';
export { SchemaRegistry } from './schemas';
export type { EventSchema, EventSchemas } from './schemas';
export { InMemoryCheckpointStore } from './subscription';
export { readAllInBatches } from './read-all-batches';
export { PostgresEventStore } from './postgres/postgres-event-store';
export type { PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { EVENT_STORE_MIGRATIONS, EVENT_STORE_NAMESPACE } from './postgres/schema';
export { CHECKPOINT_STREAM } from './postgres/postgres-event-store';
export { CHAIN_ENCODING, GENESIS_HASH, canonicalJson, eventHash } from './integrity/canonical';
export type { ChainContent } from './integrity/canonical';
export { merkleRoot } from './integrity/merkle';
export { verifyStreamChain } from './integrity/verify-chain';
export { CREDENTIAL_FIELD, findCredentialField, isCredentialName } from './integrity/credentials';
export { CONTROL_CHARACTER } from './names';
export {
  NO_CHECKPOINT,
  checkpointSinkFrom,
  fileCheckpointSink,
  readLatestCheckpoint,
  scheduleCheckpoints,
  webhookCheckpointSink,
} from './integrity/checkpoint-sink';
export type { CheckpointSchedule, CheckpointSink } from './integrity/checkpoint-sink';
export { SubjectKeys, SUBJECT_KEYS_MIGRATIONS, SUBJECT_KEYS_NAMESPACE } from './personal-data/subject-keys';
export { DataSubjects, SUBJECT_ID_PREFIX, normalizeIdentifier } from './personal-data/data-subjects';
export {
  PersonalDataStore,
  openSealedFields,
  sealedKeyIds,
  withPersonalData,
} from './personal-data/personal-data-store';
export type {
  PeopleSpec,
  PersonalDataOptions,
  PersonalDataSpec,
  SealedPlace,
} from './personal-data/personal-data-store';
export { ERASED, isSealed } from './personal-data/cipher';
export type { SealedField } from './personal-data/cipher';

/** Runs the event store's migrations on `db`, then returns the PostgreSQL store (server or PGlite). */
export async function createEventStore(
  db: Database,
  options: PostgresEventStoreOptions = {},
): Promise<PostgresEventStore> {
  await PostgresEventStore.migrate(db);
  return new PostgresEventStore(db, options);
}
export { KurrentEventStore, createKurrentEventStore } from './kurrentdb/kurrentdb-event-store';
export { KURRENT_CHECKPOINT_STREAM } from './kurrentdb/stream-names';
export type { KurrentEventStoreOptions } from './kurrentdb/kurrentdb-event-store';
export { InMemoryEventStore, IN_MEMORY_CHECKPOINT_STREAM } from './memory/in-memory-event-store';
export type { InMemoryEventStoreOptions } from './memory/in-memory-event-store';
export { InMemoryEventLog } from './memory/in-memory-event-log';
export type { MemoryRecord } from './memory/in-memory-event-log';
