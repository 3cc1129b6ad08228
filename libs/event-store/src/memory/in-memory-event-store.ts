import { ConcurrencyError, EventStoreError, InvalidEventError } from '../errors';
import { canonicalJson, eventHashOfCanonical } from '../integrity/canonical';
import { checkpointTakenEvent } from '../integrity/checkpoint-event';
import { checkpointFailure } from '../integrity/checkpoint-failure';
import type { CheckpointSink } from '../integrity/checkpoint-sink';
import { merkleRoot } from '../integrity/merkle';
import { verifyStreamChain } from '../integrity/verify-chain';
import type {
  AppendOptions,
  AppendResult,
  AuditableEventStore,
  ChainedEvent,
  CheckpointStore,
  NewEvent,
  ReadAllBatchesOptions,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreCapabilities,
  StoreCheckpoint,
  StreamHead,
  SubscribeOptions,
  Subscription,
  VerificationFailure,
  VerificationReport,
  VerifyOptions,
} from '../port';
import { DEFAULT_BATCH_SIZE } from '../read-all-batches';
import { SchemaRegistry, type EventSchemas } from '../schemas';
import { startPollingSubscription } from '../subscription';
import { expectationHolds, validateAppend } from '../validate-append';
import { InMemoryEventLog, type MemoryRecord } from './in-memory-event-log';

export interface InMemoryEventStoreOptions {
  /** The data; share one log between store instances to model several processes (default: a new one). */
  log?: InMemoryEventLog;
  schemas?: EventSchemas;
  /** Where checkpoint() also writes each checkpoint (a file or a webhook). */
  checkpointSink?: CheckpointSink;
  /** The store's clock for recordedAt and checkpoints (default the system clock). */
  now?: () => Date;
}

/** The stream checkpoint() appends to, as on PostgreSQL. */
export const IN_MEMORY_CHECKPOINT_STREAM = '$checkpoints';

/**
 * The port in process memory: for fast tests and throwaway tools, never for data that must
 * survive the process. Every append runs to completion in one turn of the event loop, so it is
 * atomic and appends are totally ordered; global positions are contiguous. Events are kept as
 * canonical JSON text and parsed on every read, so a caller can never change what was stored.
 * Hash chains, checkpoints and verify() follow the PostgreSQL adapter: a head per stream, the
 * same chain encoding, the same verdicts.
 */
export class InMemoryEventStore implements AuditableEventStore {
  readonly name = 'in-memory';
  readonly capabilities: StoreCapabilities = {
    // Appends are serialised by the event loop; there is no second connection to write through.
    concurrentWriters: false,
    interleavedTransactions: false,
    contiguousGlobalPositions: true,
    asOfRecorded: true,
    groupCommit: false,
    hashChain: true,
  };
  readonly checkpointStream = IN_MEMORY_CHECKPOINT_STREAM;
  readonly checkpoints: CheckpointStore;
  private readonly log: InMemoryEventLog;
  private readonly registry: SchemaRegistry;
  private readonly checkpointSink?: CheckpointSink;
  private readonly now: () => Date;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.log = options.log ?? new InMemoryEventLog();
    this.registry = new SchemaRegistry(options.schemas);
    this.checkpointSink = options.checkpointSink;
    this.now = options.now ?? (() => new Date());
    const positions = this.log.subscriptionCheckpoints;
    this.checkpoints = {
      load: async (subscriptionId) => positions.get(subscriptionId),
      save: async (subscriptionId, globalPosition) => void positions.set(subscriptionId, globalPosition),
    };
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) throw new EventStoreError('EVENT_STORE_CLOSED', 'Event store is closed');
    validateAppend(streamId, events, options.expectedPosition);
    const expected = options.expectedPosition ?? 'any';
    const head = this.log.tipOf(streamId);
    const known = new Map(this.log.rowsOf(streamId).map((r) => [r.id, r.position]));
    const positions: number[] = [];
    const fresh: NewEvent[] = [];
    for (const e of events) {
      const repeat = known.get(e.id);
      if (repeat !== undefined) {
        positions.push(repeat);
        continue;
      }
      known.set(e.id, head.position + fresh.length + 1);
      positions.push(head.position + fresh.length + 1);
      fresh.push(e);
    }
    if (!fresh.length) return { positions, lastPosition: head.position };
    if (!expectationHolds(expected, head.position)) throw new ConcurrencyError(streamId, expected, head.position);
    this.log.write(this.chain(streamId, head, fresh));
    return { positions, lastPosition: head.position + fresh.length };
  }

  /** The new events as stored: canonical JSON, chained after the stream's head. */
  private chain(streamId: string, head: { position: number; hash: string }, events: NewEvent[]): MemoryRecord[] {
    const recordedAt = this.log.nextRecordedAt(this.now());
    let prevHash = head.hash;
    return events.map((e, i) => {
      const position = head.position + i + 1;
      const schemaVersion = this.registry.currentVersion(e.type);
      const dataJson = canonicalJson(e.data ?? null);
      const metadataJson = canonicalJson(e.metadata);
      const hash = eventHashOfCanonical(
        { streamId, position, id: e.id, type: e.type, schemaVersion, dataJson, metadataJson },
        prevHash,
      );
      const record: MemoryRecord = {
        streamId,
        position,
        globalPosition: 0, // given by the log as it writes
        id: e.id,
        type: e.type,
        schemaVersion,
        dataJson,
        metadataJson,
        recordedAt,
        prevHash,
        hash,
      };
      prevHash = hash;
      return record;
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.from ?? 1;
    const to = options.to ?? Number.MAX_SAFE_INTEGER;
    const asOf = options.asOfRecorded === undefined ? undefined : Date.parse(options.asOfRecorded);
    if (asOf !== undefined && Number.isNaN(asOf))
      throw new InvalidEventError(`asOfRecorded is not an ISO-8601 instant: ${options.asOfRecorded}`);
    return this.log
      .rowsOf(streamId)
      .filter((r) => r.position >= from && r.position <= to && (asOf === undefined || Date.parse(r.recordedAt) <= asOf))
      .map((r) => this.toRecorded(r));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.scan(options.fromGlobalPosition ?? 1, options.limit ?? Number.POSITIVE_INFINITY, options.types);
  }

  async *readAllBatches(options: ReadAllBatchesOptions = {}): AsyncGenerator<RecordedEvent[]> {
    const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let from = options.fromGlobalPosition ?? 1;
    for (;;) {
      const batch = this.scan(from, size, options.types);
      if (!batch.length) return;
      yield batch;
      from = batch[batch.length - 1].globalPosition + 1;
    }
  }

  private scan(from: number, limit: number, types?: readonly string[]): RecordedEvent[] {
    const wanted = types ? new Set(types) : undefined;
    const out: RecordedEvent[] = [];
    for (const r of this.log.recordsFrom(from)) {
      if (out.length >= limit) break;
      if (!wanted || wanted.has(r.type)) out.push(this.toRecorded(r));
    }
    return out;
  }

  subscribe(options: SubscribeOptions): Subscription {
    // Nothing commits late here: whatever is in the log is visible, in global order.
    const subscription = startPollingSubscription(
      options,
      {
        read: async (from, limit, types) => ({ events: this.scan(from, limit, types), horizon: this.log.lastGlobal() }),
        head: () => this.headPosition(),
      },
      this.checkpoints,
    );
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return this.log.lastGlobal();
  }

  /** Stops this instance's subscriptions; the log (and other instances on it) stay. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  async readChain(streamId: string): Promise<ChainedEvent[]> {
    return this.log.rowsOf(streamId).map(({ dataJson, metadataJson, ...rest }) => ({
      ...rest,
      data: JSON.parse(dataJson) as unknown,
      metadata: JSON.parse(metadataJson) as unknown,
    }));
  }

  /** Recomputes one stream's chain (or every stream's: 'all') against its head and, if given, a checkpoint. */
  async verify(target: string, options: VerifyOptions = {}): Promise<VerificationReport> {
    const streamIds = target === 'all' ? this.log.streamIds() : [target];
    let streams = 0;
    let events = 0;
    let failure: VerificationFailure | undefined;
    for (const streamId of streamIds) {
      const rows = this.log.rowsOf(streamId);
      const head = this.log.headOf(streamId);
      if (!rows.length && !head?.position) continue;
      if (rows.length) streams++;
      events += rows.length;
      // Verifying everything, a stream with events but no head is one the store never wrote.
      failure = verifyStreamChain(streamId, rows, target === 'all' ? (head ?? { position: 0, hash: null }) : head);
      if (failure) break;
    }
    const cp = options.againstCheckpoint;
    if (!failure && cp) failure = checkpointFailure(cp, target, this.headsAt(cp.globalPosition));
    return {
      ok: !failure,
      streams,
      events,
      ...(cp ? { checkpoint: { globalPosition: cp.globalPosition, root: cp.root } } : {}),
      ...(failure ? { failure } : {}),
    };
  }

  /** A Merkle root over every stream head now, appended to `$checkpoints` and written to the sink. */
  async checkpoint(): Promise<StoreCheckpoint> {
    const heads = this.log
      .streamIds()
      .map((streamId) => ({ streamId, ...this.log.tipOf(streamId) }))
      .filter((h) => h.position > 0);
    const cp: StoreCheckpoint = {
      globalPosition: this.log.lastGlobal(),
      takenAt: this.now().toISOString(),
      root: merkleRoot(heads),
      streams: heads.length,
      heads,
    };
    await this.append(IN_MEMORY_CHECKPOINT_STREAM, [checkpointTakenEvent(cp)]);
    if (this.checkpointSink) await this.checkpointSink.write(cp);
    return cp;
  }

  /** Every stream's last event at or below a global position, as the events read now. */
  private headsAt(globalPosition: number): StreamHead[] {
    return this.log.streamIds().flatMap((streamId) => {
      const last = this.log
        .rowsOf(streamId)
        .filter((r) => r.globalPosition <= globalPosition)
        .at(-1);
      return last ? [{ streamId, position: last.position, hash: last.hash ?? '' }] : [];
    });
  }

  private toRecorded(r: MemoryRecord): RecordedEvent {
    const metadata = JSON.parse(r.metadataJson) as RecordedEvent['metadata'];
    const upcast = this.registry.upcast(r.type, r.schemaVersion, JSON.parse(r.dataJson), metadata);
    return {
      id: r.id,
      type: r.type,
      data: upcast.data,
      metadata,
      streamId: r.streamId,
      position: r.position,
      globalPosition: r.globalPosition,
      recordedAt: r.recordedAt,
      schemaVersion: upcast.schemaVersion,
    };
  }
}
