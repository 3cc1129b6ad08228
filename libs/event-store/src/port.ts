/**
 * The audit store's port. Positions are 1-based: the first event of a stream has position 1, so a
 * stream's last position equals its event count and `expectedPosition: 0` means "stream is empty".
 *
 * Nothing vendor-specific crosses this file: adapters translate their drivers' types and errors.
 */
import type { Queryable } from './database';

export interface EventMetadata {
  actor: string;
  /** When it happened in the domain (ISO-8601), as opposed to recordedAt, when the store wrote it. */
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  policyVersion?: string;
  [key: string]: unknown;
}

export interface NewEvent<TType extends string = string, TData = unknown> {
  /** Idempotency key: re-appending an id already in the stream is a no-op. */
  id: string;
  type: TType;
  data: TData;
  metadata: EventMetadata;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> extends NewEvent<TType, TData> {
  streamId: string;
  position: number;
  /** Total order over the whole store. Increasing, not necessarily contiguous (gaps are allowed). */
  globalPosition: number;
  /** When the store wrote it: ISO-8601 UTC with microseconds (PostgreSQL) or milliseconds. */
  recordedAt: string;
  /** The schema version of `data` as returned: the current one after upcasting. */
  schemaVersion: number;
}

/**
 * `number`: the stream's last position must equal it (0 = empty or absent);
 * `'no_stream'`: the stream must be empty; `'any'`: no check.
 */
export type ExpectedPosition = number | 'any' | 'no_stream';

export interface AppendOptions {
  expectedPosition?: ExpectedPosition;
}

export interface AppendResult {
  /** Position of each event passed in, in order (existing positions for idempotent repeats). */
  positions: number[];
  /** The stream's last position after the append. */
  lastPosition: number;
}

export interface ReadStreamOptions {
  /** First position to return (inclusive); default 1. */
  from?: number;
  /** Last position to return (inclusive); default the stream's end. */
  to?: number;
  /** Only events recorded at or before this instant (ISO-8601): the stream "as of" then. */
  asOfRecorded?: string;
}

export interface ReadAllOptions {
  /** First global position to return (inclusive); default the beginning. */
  fromGlobalPosition?: number;
  /** Only these event types. */
  types?: readonly string[];
  /** At most this many events; default no limit (page with it on large stores). */
  limit?: number;
}

export interface ReadAllBatchesOptions {
  /** First global position to return (inclusive); default the beginning. */
  fromGlobalPosition?: number;
  /** Only these event types. */
  types?: readonly string[];
  /** Events per batch; default 1,000. */
  batchSize?: number;
}

/** Where a subscription keeps its progress: the global position of the last handled event. */
export interface CheckpointStore {
  load(subscriptionId: string): Promise<number | undefined>;
  save(subscriptionId: string, globalPosition: number): Promise<void>;
}

export interface SubscribeOptions {
  /** Names the subscription's checkpoint; resuming with the same id continues after it. */
  subscriptionId: string;
  /** Called once per event in global order. The checkpoint moves only after it resolves. */
  handler: (event: RecordedEvent) => Promise<void>;
  types?: readonly string[];
  /** Where progress is kept; default the adapter's own durable checkpoint store. */
  checkpoints?: CheckpointStore;
  /** Events fetched per round; default 500. */
  batchSize?: number;
  /** Delay between polls once caught up, in ms; default 100. */
  pollIntervalMs?: number;
}

export interface Subscription {
  readonly subscriptionId: string;
  /** Resolves when the subscription is caught up with what was committed at or before the call; rejects once it has ended. */
  caughtUp(): Promise<void>;
  /** Stops after the current event; resolves once stopped (checkpoint saved). */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop(), rejects when the handler or the store fails. */
  readonly done: Promise<void>;
}

/** What an adapter can do; the contract suite runs what applies and reports what it left out. */
export interface StoreCapabilities {
  /** Several connections can write at once (false: one serialised connection, like PGlite). */
  concurrentWriters: boolean;
  /** A transaction can stay open across calls so another one commits before it (late commits). */
  interleavedTransactions: boolean;
  /** Global positions are contiguous (1, 2, 3 …) rather than merely increasing. */
  contiguousGlobalPositions: boolean;
  /** recordedAt can be compared to an instant (readStream asOfRecorded). */
  asOfRecorded: boolean;
  /** Group commit batches concurrent appends into one transaction. */
  groupCommit: boolean;
  /** Per-stream hash chains, checkpoints and verify() (the store implements AuditableEventStore). */
  hashChain: boolean;
}

export interface EventStore {
  readonly name: string;
  readonly capabilities: StoreCapabilities;
  append(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Everything from a global position on, in global order, in batches, the next batch fetched
   * while the caller handles the current one (replays, exports). Adapters without it are read
   * through `readAll` pages: use `readAllInBatches(store)`, which picks.
   */
  readAllBatches?(options?: ReadAllBatchesOptions): AsyncIterable<RecordedEvent[]>;
  subscribe(options: SubscribeOptions): Subscription;
  /** The highest global position committed now (0 when empty): what a projection's lag is measured against. */
  headPosition?(): Promise<number>;
  close(): Promise<void>;
}

/** One event as stored, with its chain links: what verify() checks and what an export carries. */
export interface ChainedEvent {
  streamId: string;
  position: number;
  globalPosition: number;
  id: string;
  type: string;
  /** The version the data was stored at (no upcasting: the hash covers the stored form). */
  schemaVersion: number;
  /** As stored: personal fields are ciphertext envelopes. */
  data: unknown;
  metadata: unknown;
  recordedAt: string;
  /** Hash of the stream's previous event (64 zeros for position 1); null if written outside the store. */
  prevHash: string | null;
  hash: string | null;
}

/**
 * What verify() found first. changed: the content no longer hashes to the stored hash; deleted: an
 * event is missing (a gap, or the head is ahead of the rows); inserted: an event the chain does not
 * know (beyond the head, unhashed, or pushed in between); reordered: an intact event at the wrong
 * position; head: the stream's head row disagrees with its last event; checkpoint: the store
 * contradicts an exported checkpoint.
 */
export type TamperKind = 'changed' | 'deleted' | 'inserted' | 'reordered' | 'head' | 'checkpoint';

export interface VerificationFailure {
  kind: TamperKind;
  streamId: string;
  /** The first bad position (for a checkpoint: the head position it recorded). */
  position: number;
  /** The hash the chain (or checkpoint) requires here. */
  expected: string | null;
  /** The hash found. */
  actual: string | null;
  message: string;
}

export interface VerificationReport {
  ok: boolean;
  streams: number;
  events: number;
  /** The checkpoint verified against, when one was given. */
  checkpoint?: { globalPosition: number; root: string };
  failure?: VerificationFailure;
}

/** A stream's head as a checkpoint records it. */
export interface StreamHead {
  streamId: string;
  position: number;
  hash: string;
}

/**
 * A Merkle root over every stream head at a global position. Appended to the store (stream
 * `$checkpoints`) and exported to a sink outside it (a JSON-lines file or a webhook).
 */
export interface StoreCheckpoint {
  /** Every event at or below this global position is covered. */
  globalPosition: number;
  /** When it was taken (ISO-8601 UTC). */
  takenAt: string;
  root: string;
  streams: number;
  /** The leaves, sorted by streamId: lets verify() name the stream that contradicts the root. */
  heads?: StreamHead[];
}

export interface VerifyOptions {
  againstCheckpoint?: StoreCheckpoint;
}

/** A store with hash chains (capabilities.hashChain). */
export interface AuditableEventStore extends EventStore {
  /** Recomputes the chains of one stream or of every stream (`'all'`), and the checkpoint's root. */
  verify(target: string, options?: VerifyOptions): Promise<VerificationReport>;
  /** Takes a checkpoint now: appends it to `$checkpoints` (or `checkpointStream`) and writes it to the configured sink. */
  checkpoint(): Promise<StoreCheckpoint>;
  /** The stream checkpoint() appends to, when not `$checkpoints` (KurrentDB reserves `$` names). */
  readonly checkpointStream?: string;
  /** The stream as stored, with hashes (for exports). */
  readChain(streamId: string): Promise<ChainedEvent[]>;
}

export function isAuditable(store: EventStore): store is AuditableEventStore {
  return store.capabilities.hashChain && typeof (store as Partial<AuditableEventStore>).verify === 'function';
}

/** A store on a Database that appends inside a transaction the caller owns (e.g. a row and its event together). */
export interface TransactionalEventStore extends EventStore {
  appendWithin(tx: Queryable, streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
}

export function canAppendWithin(store: EventStore): store is TransactionalEventStore {
  return typeof (store as Partial<TransactionalEventStore>).appendWithin === 'function';
}
