import type { Database, Queryable } from '../database';
import { ConcurrencyError, EventStoreError, InvalidEventError, StoreUnavailableError } from '../errors';
import { runMigrations } from '../migrations';
import type {
  AppendOptions,
  AppendResult,
  CheckpointStore,
  EventStore,
  ExpectedPosition,
  NewEvent,
  ReadAllOptions,
  ReadAllBatchesOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreCapabilities,
  SubscribeOptions,
  Subscription,
  AuditableEventStore,
  ChainedEvent,
  StoreCheckpoint,
  VerificationReport,
  VerifyOptions,
} from '../port';
import { GENESIS_HASH, canonicalJson, eventHashOfCanonical } from '../integrity/canonical';
import type { CheckpointSink } from '../integrity/checkpoint-sink';
import { checkpointTakenEvent } from '../integrity/checkpoint-event';
import { expectationHolds, validateAppend } from '../validate-append';
import { SchemaRegistry, type EventSchemas } from '../schemas';
import { startPollingSubscription } from '../subscription';
import { DEFAULT_BATCH_SIZE, keysetPages, readAhead } from '../read-all-batches';
import { backfillChains, computeCheckpoint, readChain, verifyStore } from './integrity';
import { EVENT_STORE_MIGRATIONS, EVENT_STORE_NAMESPACE } from './schema';
import { EVENT_TEXT, decodeEventTexts, eventTextGlobalPosition, type EventTextRow } from './event-text';

export interface PostgresEventStoreOptions {
  /** Schema versions and upcasters per event type. */
  schemas?: EventSchemas;
  /** Group commit: concurrent appends are batched into one transaction (default true). */
  groupCommit?: boolean;
  /** Most appends per group-commit transaction; default 500. */
  maxBatchAppends?: number;
  /**
   * Group-commit transactions in flight at once (PGlite: always 1); default 1. Commits serialise
   * on the global-order lock anyway, and one flusher lets the queue fill while a commit is flushed
   * to disk, so batches stay large.
   */
  flushers?: number;
  /** Where checkpoint() also writes each checkpoint, outside the store (a file or a webhook). */
  checkpointSink?: CheckpointSink;
}

/** Transaction-scoped advisory lock taken just before events get global positions, held to COMMIT. */
const GLOBAL_ORDER_LOCK_KEY = 727117002;
/** SQLSTATE raised by es_check_heads when a stream head moved between read and write. */
const HEADS_MOVED = 'CF409';
const UNIQUE_VIOLATION = '23505';
const MAX_BATCH_ATTEMPTS = 8;
const MAX_BATCH_EVENTS = 5000;
/** Stream heads (position, hash) this process wrote last, for the one-round-trip fast path. */
const HEAD_CACHE_SIZE = 10_000;
/** The stream checkpoints are appended to. */
export const CHECKPOINT_STREAM = '$checkpoints';

interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expected: ExpectedPosition;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: AppendResult } | { error: Error };

/**
 * The event store on PostgreSQL: the same SQL on a server (`pg` pool) and embedded (PGlite).
 * See docs/event-store.md for the schema, the global order and the late-commit guard.
 */
export class PostgresEventStore implements EventStore, AuditableEventStore {
  readonly name: string;
  readonly capabilities: StoreCapabilities;
  private readonly registry: SchemaRegistry;
  private readonly groupCommit: boolean;
  private readonly maxBatch: number;
  private readonly maxFlushers: number;
  private queue: AppendRequest[] = [];
  private flushing = 0;
  private closed = false;
  private readonly subscriptions = new Set<Subscription>();
  private readonly headCache = new Map<string, { position: number; hash: string }>();
  private readonly checkpointSink?: CheckpointSink;
  readonly checkpoints: CheckpointStore;

  /** Use `createEventStore(db)`, which runs the migrations first. */
  constructor(
    private readonly db: Database,
    options: PostgresEventStoreOptions = {},
  ) {
    this.name = db.kind === 'pglite' ? 'PostgreSQL (PGlite, embedded)' : 'PostgreSQL (server)';
    this.registry = new SchemaRegistry(options.schemas);
    this.groupCommit = options.groupCommit ?? true;
    this.maxBatch = options.maxBatchAppends ?? 500;
    this.maxFlushers = db.concurrentConnections ? (options.flushers ?? 1) : 1;
    this.capabilities = {
      concurrentWriters: db.concurrentConnections,
      interleavedTransactions: db.concurrentConnections,
      contiguousGlobalPositions: false,
      asOfRecorded: true,
      groupCommit: this.groupCommit,
      hashChain: true,
    };
    this.checkpointSink = options.checkpointSink;
    this.checkpoints = {
      load: async (subscriptionId) => {
        const { rows } = await this.run(() =>
          this.db.query<{ global_position: string }>(
            'SELECT global_position FROM es_checkpoints WHERE subscription_id = $1',
            [subscriptionId],
          ),
        );
        return rows.length ? Number(rows[0].global_position) : undefined;
      },
      save: async (subscriptionId, globalPosition) => {
        await this.run(() =>
          this.db.query(
            `INSERT INTO es_checkpoints (subscription_id, global_position) VALUES ($1, $2)
             ON CONFLICT (subscription_id) DO UPDATE SET global_position = EXCLUDED.global_position, updated_at = now()`,
            [subscriptionId, globalPosition],
          ),
        );
      },
    };
  }

  /** Runs the store's migrations (idempotent, safe from several processes at once). */
  static async migrate(db: Database): Promise<void> {
    const report = await runMigrations(db, EVENT_STORE_MIGRATIONS, EVENT_STORE_NAMESPACE);
    // Events written before the hash chains (v3) get their hashes once, right after it.
    if (report.applied.includes(3)) await backfillChains(db, GLOBAL_ORDER_LOCK_KEY);
  }

  /** Recomputes one stream's chain (or every stream's: 'all') and, if given, a checkpoint's root. */
  async verify(target: string, options: VerifyOptions = {}): Promise<VerificationReport> {
    return this.run(() => verifyStore(this.db, target, options));
  }

  /** The stream as stored, with its hashes (personal data stays ciphertext). */
  async readChain(streamId: string): Promise<ChainedEvent[]> {
    return this.run(() => readChain(this.db, streamId));
  }

  /**
   * A Merkle root over every stream head now: appended to `$checkpoints` (its id names the global
   * position, so taking it twice at one position is a no-op) and written to the sink, if configured.
   */
  async checkpoint(): Promise<StoreCheckpoint> {
    const cp = await this.run(() => computeCheckpoint(this.db));
    await this.append(CHECKPOINT_STREAM, [checkpointTakenEvent(cp)]);
    if (this.checkpointSink) await this.checkpointSink.write(cp);
    return cp;
  }

  append(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreError('EVENT_STORE_CLOSED', 'Event store is closed'));
    try {
      validateAppend(streamId, events, options.expectedPosition);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected: options.expectedPosition ?? 'any', resolve, reject });
      this.pump();
    });
  }

  /**
   * Appends inside a transaction the caller owns (e.g. together with another table's write); the
   * events commit or roll back with it. Bypasses group commit. Throws ConcurrencyError on conflict.
   */
  async appendWithin(
    tx: Queryable,
    streamId: string,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    validateAppend(streamId, events, options.expectedPosition);
    const [outcome] = await this.applyBatch(
      tx,
      [{ streamId, events, expected: options.expectedPosition ?? 'any' }],
      true,
    );
    if ('error' in outcome) throw outcome.error;
    return outcome.ok;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.from ?? 1;
    const to = options.to ?? Number.MAX_SAFE_INTEGER;
    if (options.asOfRecorded !== undefined && Number.isNaN(Date.parse(options.asOfRecorded))) {
      throw new InvalidEventError(`asOfRecorded is not an ISO-8601 instant: ${options.asOfRecorded}`);
    }
    return this.readRows(
      `SELECT ${EVENT_TEXT} FROM es_events
       WHERE stream_id = $1 AND position >= $2 AND position <= $3
         AND ($4::timestamptz IS NULL OR recorded_at <= $4::timestamptz)
       ORDER BY position`,
      [streamId, from, to, options.asOfRecorded ?? null],
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllRows(options.fromGlobalPosition ?? 1, options.limit ?? null, options.types, false);
  }

  /**
   * On the server: one query over a cursor on its own connection, so the read sees one snapshot
   * and is planned once. PGlite (one connection, which a cursor would hold) reads keyset pages.
   * Either way the next rows are requested before this batch is decoded, so the server produces
   * them while the client decodes (decoding is most of a full read's client time).
   */
  async *readAllBatches(options: ReadAllBatchesOptions = {}): AsyncGenerator<RecordedEvent[]> {
    const from = options.fromGlobalPosition ?? 1;
    const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const types = options.types ? [...options.types] : null;
    const select = `SELECT ${EVENT_TEXT} FROM es_events
      WHERE global_position >= $1 AND ($2::text[] IS NULL OR type = ANY($2::text[]))
      ORDER BY global_position`;
    const openCursor = this.db.cursor?.bind(this.db);
    let rows: AsyncGenerator<EventTextRow[]>;
    let close = async (): Promise<void> => undefined;
    if (openCursor) {
      const cursor = await this.run(() => openCursor<EventTextRow>(select, [from, types], { rowMode: 'array' }));
      rows = readAhead(() => this.run(() => cursor.read(size)));
      close = () => cursor.close();
    } else {
      rows = keysetPages(
        (at) => this.queryEventTexts(`${select} LIMIT $3`, [at, types, size]),
        from,
        eventTextGlobalPosition,
      );
    }
    try {
      for await (const batch of rows) yield await this.run(() => decodeEventTexts(batch, this.registry, this.db));
    } finally {
      await close();
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = startPollingSubscription(
      options,
      {
        read: async (from, limit, types) => {
          // Horizon first (see SubscriptionSource): every event at or below it is already visible.
          const { rows } = await this.run(() =>
            this.db.query<{ horizon: string }>(
              `WITH snap AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
               SELECT coalesce(
                 (SELECT min(global_position) - 1 FROM es_events, snap WHERE global_position >= $1 AND tx_id >= snap.xmin),
                 (SELECT max(global_position) FROM es_events),
                 0) AS horizon`,
              [from],
            ),
          );
          return { events: await this.readAllRows(from, limit, types, true), horizon: Number(rows[0].horizon) };
        },
        head: () => this.headPosition(),
      },
      this.checkpoints,
    );
    this.subscriptions.add(subscription);
    subscription.done.then(
      () => this.subscriptions.delete(subscription),
      () => this.subscriptions.delete(subscription),
    );
    return subscription;
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.run(() =>
      this.db.query<{ head: string | null }>('SELECT max(global_position) AS head FROM es_events'),
    );
    return Number(rows[0].head ?? 0);
  }

  /** Stops subscriptions and waits for queued appends. Does not close the Database (its owner does). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    while (this.queue.length || this.flushing) await new Promise((r) => setTimeout(r, 5));
  }

  /**
   * `guarded`: only events whose writing transaction is older than every transaction still in
   * flight (tx_id < xmin of a fresh snapshot). Global positions are handed out under a lock held
   * to COMMIT, so they become visible in order; the guard keeps subscriptions safe even from a
   * writer that skipped that lock (a manual INSERT, an older deployment), at the price of waiting
   * for long transactions to end.
   */
  private async readAllRows(
    from: number,
    limit: number | null,
    types: readonly string[] | undefined,
    guarded: boolean,
  ): Promise<RecordedEvent[]> {
    return this.readRows(
      `SELECT ${EVENT_TEXT} FROM es_events
       WHERE global_position >= $1
         AND ($2::text[] IS NULL OR type = ANY($2::text[]))
         ${guarded ? 'AND tx_id < pg_snapshot_xmin(pg_current_snapshot())' : ''}
       ORDER BY global_position
       LIMIT $3`,
      [from, types ? [...types] : null, limit],
    );
  }

  private async readRows(sql: string, params: unknown[]): Promise<RecordedEvent[]> {
    const rows = await this.queryEventTexts(sql, params);
    return this.run(() => decodeEventTexts(rows, this.registry, this.db));
  }

  private async queryEventTexts(sql: string, params: unknown[]): Promise<EventTextRow[]> {
    return (await this.run(() => this.db.query<EventTextRow>(sql, params, { rowMode: 'array' }))).rows;
  }

  // ---- group commit -------------------------------------------------------------------------

  private pump(): void {
    while (this.queue.length && this.flushing < this.maxFlushers) {
      // Up to maxBatch appends and about MAX_BATCH_EVENTS events (one large append still goes alone).
      let take = 0;
      let events = 0;
      const limit = this.groupCommit ? this.maxBatch : 1;
      while (
        take < this.queue.length &&
        take < limit &&
        (take === 0 || events + this.queue[take].events.length <= MAX_BATCH_EVENTS)
      ) {
        events += this.queue[take].events.length;
        take++;
      }
      const batch = this.queue.splice(0, take);
      this.flushing++;
      void this.flush(batch).finally(() => {
        this.flushing--;
        this.pump();
      });
    }
  }

  private async flush(batch: AppendRequest[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      // No BEGIN/COMMIT: the write is one statement, atomic on its own (see applyBatch).
      outcomes = await this.applyBatch(this.db, batch, false);
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(translate(error));
        return;
      }
      // One bad request must not fail its neighbours: retry them one by one.
      await Promise.all(batch.map((request) => this.flush([request])));
      return;
    }
    outcomes.forEach((outcome, i) =>
      'error' in outcome ? batch[i].reject(outcome.error) : batch[i].resolve(outcome.ok),
    );
  }

  /**
   * Decides every request of a batch in order, then writes all accepted events.
   *
   * Two round trips: (1) read the stream heads and which event ids already exist; (2) one
   * statement that moves each touched head from the position read to the new one (failing as a
   * whole when any head moved meanwhile: another process wrote), takes the global-order lock,
   * and inserts every event. In autocommit that statement is its own transaction; a moved head
   * or a duplicate id (a concurrent identical append) makes it fail, and the batch is decided
   * again from fresh reads. Inside a caller's transaction (`lockHeads`), the heads are read
   * FOR UPDATE instead, so the write cannot fail that way.
   */
  private async applyBatch(
    q: Queryable,
    batch: Pick<AppendRequest, 'streamId' | 'events' | 'expected'>[],
    lockHeads: boolean,
  ): Promise<Outcome[]> {
    // Fast path, one round trip: when every request names its stream's expected position (distinct
    // streams, at least one event each), trust those as the heads and write at once. If a head
    // differs or an id is already there (an idempotent repeat), the statement fails as a whole and
    // the batch is decided properly from a read.
    const assumable =
      !lockHeads &&
      new Set(batch.map((r) => r.streamId)).size === batch.length &&
      batch.every(
        (r) =>
          r.events.length > 0 &&
          (r.expected === 0 || r.expected === 'no_stream' || this.headCache.get(r.streamId)?.position === r.expected),
      );
    if (assumable) {
      try {
        return await this.tryBatch(q, batch, 'assume');
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== HEADS_MOVED && code !== UNIQUE_VIOLATION) throw error;
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tryBatch(q, batch, lockHeads ? 'lock' : 'read');
      } catch (error) {
        const code = (error as { code?: string }).code;
        const raced = code === HEADS_MOVED || code === UNIQUE_VIOLATION;
        if (raced && !lockHeads && attempt < MAX_BATCH_ATTEMPTS) continue;
        if (raced && batch.length === 1) {
          const { rows } = await q
            .query<{ last_position: string }>('SELECT last_position FROM es_streams WHERE stream_id = $1', [
              batch[0].streamId,
            ])
            .catch(() => ({ rows: [] as { last_position: string }[] }));
          throw new ConcurrencyError(batch[0].streamId, batch[0].expected, Number(rows[0]?.last_position ?? 0), {
            cause: error,
          });
        }
        throw error;
      }
    }
  }

  /** heads: 'lock' = read FOR UPDATE (caller's transaction), 'read' = plain read, 'assume' = the expected positions. */
  private async tryBatch(
    q: Queryable,
    batch: Pick<AppendRequest, 'streamId' | 'events' | 'expected'>[],
    heads: 'lock' | 'read' | 'assume',
  ): Promise<Outcome[]> {
    const lockHeads = heads === 'lock';
    const streamIds = [...new Set(batch.map((r) => r.streamId))].sort();
    const keyStreams: string[] = [];
    const keyIds: string[] = [];
    for (const r of batch) {
      for (const e of r.events) {
        keyStreams.push(r.streamId);
        keyIds.push(e.id);
      }
    }
    const last = new Map<string, number>();
    // Hash chains: the head hash as read (checked again by the write) and the running chain head.
    const readHash = new Map<string, string | null>();
    const known = new Map<string, number>(); // `${streamId}\u0000${eventId}` → position
    if (lockHeads) {
      const heads = await q.query<{ stream_id: string; last_position: string; last_hash: string | null }>(
        'SELECT stream_id, last_position, last_hash FROM es_streams WHERE stream_id = ANY($1::text[]) ORDER BY stream_id FOR UPDATE',
        [streamIds],
      );
      for (const h of heads.rows) {
        last.set(h.stream_id, Number(h.last_position));
        readHash.set(h.stream_id, h.last_hash);
      }
    }
    if (heads === 'assume') {
      for (const r of batch) {
        last.set(r.streamId, r.expected === 'no_stream' ? 0 : (r.expected as number));
        readHash.set(
          r.streamId,
          r.expected === 'no_stream' || r.expected === 0 ? null : (this.headCache.get(r.streamId)?.hash ?? null),
        );
      }
    }
    const idsSql = (a: number, b: number) =>
      `SELECT e.event_id, e.stream_id, e.position, NULL::text AS last_hash FROM es_events e
       JOIN unnest($${a}::text[], $${b}::text[]) AS k(stream_id, event_id) ON e.stream_id = k.stream_id AND e.event_id = k.event_id`;
    const { rows: found } =
      heads === 'assume'
        ? { rows: [] as { event_id: string | null; stream_id: string; position: string; last_hash: string | null }[] }
        : lockHeads
          ? await q.query<{ event_id: string | null; stream_id: string; position: string; last_hash: string | null }>(
              idsSql(1, 2),
              [keyStreams, keyIds],
            )
          : await q.query<{ event_id: string | null; stream_id: string; position: string; last_hash: string | null }>(
              `SELECT NULL::text AS event_id, stream_id, last_position AS position, last_hash FROM es_streams WHERE stream_id = ANY($1::text[])
           UNION ALL ${idsSql(2, 3)}`,
              [streamIds, keyStreams, keyIds],
            );
    for (const row of found) {
      if (row.event_id === null) {
        last.set(row.stream_id, Number(row.position));
        readHash.set(row.stream_id, row.last_hash);
      } else known.set(`${row.stream_id}\u0000${row.event_id}`, Number(row.position));
    }
    const readHeads = new Map(last);
    const chainHead = new Map<string, string>();
    for (const [id, hash] of readHash) if (hash) chainHead.set(id, hash);

    const rows = {
      stream: [] as string[],
      position: [] as number[],
      id: [] as string[],
      type: [] as string[],
      version: [] as number[],
      data: [] as string[],
      metadata: [] as string[],
      prev: [] as string[],
      hash: [] as string[],
    };
    const outcomes: Outcome[] = batch.map((r) => {
      const current = last.get(r.streamId) ?? 0;
      const fresh = r.events.filter((e) => !known.has(`${r.streamId}\u0000${e.id}`));
      // Idempotency first: everything already in the stream is a no-op, whatever was expected.
      if (fresh.length && !expectationHolds(r.expected, current)) {
        return { error: new ConcurrencyError(r.streamId, r.expected, current) };
      }
      let next = current;
      const positions = r.events.map((e) => {
        const key = `${r.streamId}\u0000${e.id}`;
        const seen = known.get(key);
        if (seen !== undefined) return seen;
        next += 1;
        known.set(key, next);
        rows.stream.push(r.streamId);
        rows.position.push(next);
        rows.id.push(e.id);
        rows.type.push(e.type);
        const schemaVersion = this.registry.currentVersion(e.type);
        // Stored as canonical JSON, which is also what the chain hashes (a reader gets it back).
        const dataJson = canonicalJson(e.data ?? null);
        const metadataJson = canonicalJson(e.metadata);
        rows.version.push(schemaVersion);
        rows.data.push(dataJson);
        rows.metadata.push(metadataJson);
        const prev = chainHead.get(r.streamId) ?? GENESIS_HASH;
        const hash = eventHashOfCanonical(
          { streamId: r.streamId, position: next, id: e.id, type: e.type, schemaVersion, dataJson, metadataJson },
          prev,
        );
        rows.prev.push(prev);
        rows.hash.push(hash);
        chainHead.set(r.streamId, hash);
        return next;
      });
      last.set(r.streamId, next);
      return { ok: { positions, lastPosition: next } };
    });

    if (rows.id.length) {
      const touched = [...last.entries()]
        .filter(([id, pos]) => pos !== (readHeads.get(id) ?? 0))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      await q.query(
        `WITH heads AS (
           INSERT INTO es_streams AS s (stream_id, last_position, last_hash)
           SELECT h.stream_id, h.last_position, h.last_hash FROM unnest($1::text[], $2::bigint[], $11::text[]) AS h(stream_id, last_position, last_hash) ORDER BY h.stream_id
           ON CONFLICT (stream_id) DO UPDATE SET last_position = EXCLUDED.last_position, last_hash = EXCLUDED.last_hash
             WHERE s.last_position = (SELECT o.pos FROM unnest($1::text[], $3::bigint[]) AS o(stream_id, pos) WHERE o.stream_id = s.stream_id)
               AND s.last_hash IS NOT DISTINCT FROM (SELECT o.hash FROM unnest($1::text[], $12::text[]) AS o(stream_id, hash) WHERE o.stream_id = s.stream_id)
           RETURNING s.stream_id, (s.xmax = 0) AS created
         ),
         -- Every head moved from the position it was read (or assumed) at; a head created here must
         -- have been expected empty.
         checked AS MATERIALIZED (
           SELECT es_check_heads(
             (SELECT count(*) FROM heads h JOIN unnest($1::text[], $3::bigint[]) AS o(stream_id, pos) ON o.stream_id = h.stream_id
              WHERE NOT (h.created AND o.pos <> 0)),
             cardinality($1::text[])) AS ok
         ),
         -- Global positions are taken under this lock, held to COMMIT: they become visible in order.
         locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(${GLOBAL_ORDER_LOCK_KEY}) IS NULL AS l FROM checked),
         ts AS MATERIALIZED (SELECT clock_timestamp() AS now FROM locked)
         INSERT INTO es_events (stream_id, position, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         SELECT u.stream_id, u.position, u.event_id, u.type, u.schema_version, u.data, u.metadata, ts.now, u.prev_hash, u.hash
         FROM unnest($4::text[], $5::bigint[], $6::text[], $7::text[], $8::int[], $9::json[], $10::json[], $13::text[], $14::text[])
              WITH ORDINALITY AS u(stream_id, position, event_id, type, schema_version, data, metadata, prev_hash, hash, ord)
         CROSS JOIN ts
         ORDER BY u.ord`,
        [
          touched.map(([id]) => id),
          touched.map(([, pos]) => pos),
          touched.map(([id]) => readHeads.get(id) ?? 0),
          rows.stream,
          rows.position,
          rows.id,
          rows.type,
          rows.version,
          rows.data,
          rows.metadata,
          touched.map(([id]) => chainHead.get(id) ?? null),
          touched.map(([id]) => readHash.get(id) ?? null),
          rows.prev,
          rows.hash,
        ],
      );
      if (!lockHeads) for (const [id, position] of touched) this.rememberHead(id, position, chainHead.get(id)!);
    }
    return outcomes;
  }

  private rememberHead(streamId: string, position: number, hash: string): void {
    const cached = this.headCache.get(streamId);
    if (cached && cached.position >= position) return;
    this.headCache.delete(streamId);
    this.headCache.set(streamId, { position, hash });
    if (this.headCache.size > HEAD_CACHE_SIZE) this.headCache.delete(this.headCache.keys().next().value!);
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw translate(error);
    }
  }
}

const UNAVAILABLE_CODES = new Set([
  '57014',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '40001',
  '40P01',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

/** Maps driver errors to the port's; leaves the port's own errors untouched. */
function translate(error: unknown): Error {
  if (error instanceof EventStoreError) return error;
  const e = error as { code?: string; message?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = e?.message ?? String(error);
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || /timeout|terminated|Connection|closed/i.test(message)) {
    return new StoreUnavailableError(`Event store unavailable: ${message}`, { cause: error });
  }
  return new EventStoreError('EVENT_STORE_FAILURE', `Event store failure: ${message}`, { cause: error });
}
