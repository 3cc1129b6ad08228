import type { Database, Queryable } from '../database';
import { GENESIS_HASH, eventHash } from '../integrity/canonical';
import { merkleRoot } from '../integrity/merkle';
import { checkpointFailure } from '../integrity/checkpoint-failure';
import { readAhead } from '../read-all-batches';
import { verifyStreamChain, type StoredEvent } from '../integrity/verify-chain';
import type {
  ChainedEvent,
  StoreCheckpoint,
  StreamHead,
  VerificationFailure,
  VerificationReport,
  VerifyOptions,
} from '../port';

/** Rows as arrays, in this column order. */
type ChainRow = [
  string,
  string | number,
  string | number,
  string,
  string,
  number,
  unknown,
  unknown,
  string,
  string | null,
  string | null,
];
const CHAIN_COLUMNS = `stream_id, position, global_position, event_id, type, schema_version, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), prev_hash, hash`;
const PAGE = 5000;

/** For verify: data and metadata as the stored text (hashed without parsing when canonical). */
type StoredRow = [
  string,
  string | number,
  string | number,
  string,
  string,
  number,
  string,
  string,
  string,
  string | null,
  string | null,
];
const STORED_COLUMNS = `stream_id, position, global_position, event_id, type, schema_version, data::text, metadata::text,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), prev_hash, hash`;

function toStored([
  streamId,
  position,
  globalPosition,
  id,
  type,
  schemaVersion,
  dataJson,
  metadataJson,
  recordedAt,
  prevHash,
  hash,
]: StoredRow): StoredEvent {
  return {
    streamId,
    position: Number(position),
    globalPosition: Number(globalPosition),
    id,
    type,
    schemaVersion,
    dataJson,
    metadataJson,
    recordedAt,
    prevHash,
    hash,
  };
}

async function readStoredStream(q: Queryable, streamId: string): Promise<StoredEvent[]> {
  const { rows } = await q.query<StoredRow>(
    `SELECT ${STORED_COLUMNS} FROM es_events WHERE stream_id = $1 ORDER BY position`,
    [streamId],
    { rowMode: 'array' },
  );
  return rows.map(toStored);
}

function toChained([
  streamId,
  position,
  globalPosition,
  id,
  type,
  schemaVersion,
  data,
  metadata,
  recordedAt,
  prevHash,
  hash,
]: ChainRow): ChainedEvent {
  return {
    streamId,
    position: Number(position),
    globalPosition: Number(globalPosition),
    id,
    type,
    schemaVersion,
    data,
    metadata,
    recordedAt,
    prevHash,
    hash,
  };
}

export async function readChain(q: Queryable, streamId: string): Promise<ChainedEvent[]> {
  const { rows } = await q.query<ChainRow>(
    `SELECT ${CHAIN_COLUMNS} FROM es_events WHERE stream_id = $1 ORDER BY position`,
    [streamId],
    { rowMode: 'array' },
  );
  return rows.map(toChained);
}

/** Runs `fn` on one snapshot (REPEATABLE READ), so heads and rows agree while others append. */
export function inSnapshot<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return fn(tx);
  });
}

async function headRow(q: Queryable, streamId: string): Promise<{ position: number; hash: string | null } | undefined> {
  const { rows } = await q.query<{ last_position: string; last_hash: string | null }>(
    'SELECT last_position, last_hash FROM es_streams WHERE stream_id = $1',
    [streamId],
  );
  return rows[0] ? { position: Number(rows[0].last_position), hash: rows[0].last_hash } : undefined;
}

/** Verifies one stream (target = its id) or every stream (target = 'all'), optionally against a checkpoint. */
export async function verifyStore(
  db: Database,
  target: string,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  return inSnapshot(db, async (tx) => {
    let streams = 0;
    let events = 0;
    let failure: VerificationFailure | undefined;
    if (target !== 'all') {
      const rows = await readStoredStream(tx, target);
      streams = rows.length ? 1 : 0;
      events = rows.length;
      failure = verifyStreamChain(target, rows, await headRow(tx, target));
    } else {
      const heads = new Map<string, { position: number; hash: string | null }>();
      const { rows: headRows } = await tx.query<[string, string, string | null]>(
        'SELECT stream_id, last_position, last_hash FROM es_streams',
        [],
        { rowMode: 'array' },
      );
      for (const [id, position, hash] of headRows) heads.set(id, { position: Number(position), hash });
      let current: StoredEvent[] = [];
      const finish = (): VerificationFailure | undefined => {
        if (!current.length) return undefined;
        const id = current[0].streamId;
        streams++;
        const found = verifyStreamChain(id, current, heads.get(id) ?? { position: 0, hash: null });
        heads.delete(id);
        current = [];
        return found;
      };
      // Keyset pages by (stream_id, position); the next page is on its way while this one is hashed.
      let after: [string, number] | null = null;
      let exhausted = false;
      const pages = readAhead(async () => {
        if (exhausted) return [];
        const { rows } = await tx.query<StoredRow>(
          `SELECT ${STORED_COLUMNS} FROM es_events
           WHERE $1::text IS NULL OR (stream_id, position) > ($1::text, $2::bigint)
           ORDER BY stream_id, position LIMIT ${PAGE}`,
          [after?.[0] ?? null, after?.[1] ?? 0],
          { rowMode: 'array' },
        );
        const last = rows[rows.length - 1];
        if (last) after = [last[0], Number(last[1])];
        exhausted = rows.length < PAGE;
        return rows;
      });
      for await (const rows of pages) {
        for (const row of rows) {
          const e = toStored(row);
          if (current.length && current[0].streamId !== e.streamId) failure = finish();
          if (failure) break;
          current.push(e);
          events++;
        }
        if (failure) break;
      }
      if (!failure) failure = finish();
      // Heads left over have no events at all: every one was deleted.
      for (const [id, head] of [...heads.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (failure || head.position === 0) break;
        failure = verifyStreamChain(id, [], head);
      }
    }
    let checkpoint: VerificationReport['checkpoint'];
    if (options.againstCheckpoint) {
      const cp = options.againstCheckpoint;
      checkpoint = { globalPosition: cp.globalPosition, root: cp.root };
      if (!failure) failure = await checkAgainst(tx, cp, target);
    }
    return { ok: !failure, streams, events, ...(checkpoint ? { checkpoint } : {}), ...(failure ? { failure } : {}) };
  });
}

/** The heads of every stream as of a global position (the last event of each at or below it). */
export async function headsAt(q: Queryable, globalPosition: number): Promise<StreamHead[]> {
  const { rows } = await q.query<[string, string, string | null]>(
    `SELECT DISTINCT ON (stream_id) stream_id, position, hash FROM es_events WHERE global_position <= $1 ORDER BY stream_id, position DESC`,
    [globalPosition],
    { rowMode: 'array' },
  );
  return rows.map(([streamId, position, hash]) => ({ streamId, position: Number(position), hash: hash ?? '' }));
}

async function checkAgainst(
  q: Queryable,
  cp: StoreCheckpoint,
  target: string,
): Promise<VerificationFailure | undefined> {
  return checkpointFailure(cp, target, await headsAt(q, cp.globalPosition));
}

/** The checkpoint of everything committed now (not yet appended anywhere). */
export async function computeCheckpoint(db: Database): Promise<StoreCheckpoint> {
  return inSnapshot(db, async (tx) => {
    const { rows } = await tx.query<{ g: string | null; now: string }>(
      `SELECT max(global_position) AS g, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now FROM es_events`,
    );
    const globalPosition = Number(rows[0].g ?? 0);
    // In this snapshot every stream's head row is its last event at G (appends move both in one
    // statement), so the heads come from es_streams: one row per stream, not a scan of the log.
    // verify() recomputes them from es_events, so a head row that disagrees is still caught.
    const { rows: headRows } = await tx.query<[string, string, string | null]>(
      'SELECT stream_id, last_position, last_hash FROM es_streams WHERE last_position > 0',
      [],
      { rowMode: 'array' },
    );
    const heads = headRows
      .map(([streamId, position, hash]) => ({ streamId, position: Number(position), hash: hash ?? '' }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    return { globalPosition, takenAt: rows[0].now, root: merkleRoot(heads), streams: heads.length, heads };
  });
}

/**
 * Hashes events written before migration v3 (hash IS NULL), stream by stream, and sets the heads'
 * hashes. Runs once, right after v3 is applied, under the global-order lock; the append-only
 * trigger is disabled for this transaction only.
 */
export async function backfillChains(db: Database, globalOrderLockKey: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [globalOrderLockKey]);
    const { rows } = await tx.query<ChainRow>(
      `SELECT ${CHAIN_COLUMNS} FROM es_events ORDER BY stream_id, position`,
      [],
      { rowMode: 'array' },
    );
    if (!rows.some((r) => r[10] === null)) return 0;
    await tx.exec('ALTER TABLE es_events DISABLE TRIGGER es_events_no_update_delete');
    const heads = new Map<string, string>();
    let updated = 0;
    for (const e of rows.map(toChained)) {
      const prev = heads.get(e.streamId) ?? GENESIS_HASH;
      const hash = e.hash ?? eventHash(e, prev);
      if (e.hash === null) {
        await tx.query('UPDATE es_events SET prev_hash = $1, hash = $2 WHERE global_position = $3', [
          prev,
          hash,
          e.globalPosition,
        ]);
        updated++;
      }
      heads.set(e.streamId, hash);
    }
    await tx.query(
      'UPDATE es_streams s SET last_hash = h.hash FROM unnest($1::text[], $2::text[]) AS h(stream_id, hash) WHERE s.stream_id = h.stream_id AND s.last_hash IS NULL',
      [[...heads.keys()], [...heads.values()]],
    );
    await tx.exec('ALTER TABLE es_events ENABLE TRIGGER es_events_no_update_delete');
    return updated;
  });
}
