import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { EventStoreError, InvalidEventError } from '../errors';
import type { CheckpointSink } from '../integrity/checkpoint-sink';
import { checkpointTakenEvent } from '../integrity/checkpoint-event';
import type {
  AppendOptions,
  AppendResult,
  AuditableEventStore,
  ChainedEvent,
  CheckpointStore,
  EventMetadata,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreCapabilities,
  StoreCheckpoint,
  SubscribeOptions,
  Subscription,
  VerificationReport,
  VerifyOptions,
} from '../port';
import { SchemaRegistry, type EventSchemas } from '../schemas';
import { startPollingSubscription } from '../subscription';
import { validateAppend } from '../validate-append';
import { pagesOfAll, scanPages, type Scan } from './all-scan';
import type { LogEvent } from './chain';
import { ClientLog } from './client-log';
import { splitEnvelope } from './envelope';
import { readChainOf, takeCheckpoint, verifyLog, type ChainLog } from './log-integrity';
import { progressStore } from './progress-store';
import { allRange, streamRange } from './read-options';
import { globalPositionOf, positionOf } from './revision';
import { KURRENT_CHECKPOINT_STREAM, StreamNames } from './stream-names';
import { TipCache } from './stream-tip';
import { StreamWriter } from './stream-writer';

export interface KurrentEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` (see docs/event-store.md). */
  connectionString: string;
  schemas?: EventSchemas;
  /** Deadline of every call in ms; default 10,000. */
  deadlineMs?: number;
  /** Prefix of the streams that hold subscription checkpoints; hidden from readAll. */
  checkpointStreamPrefix?: string;
  /** Where checkpoint() also writes each checkpoint, outside the store (a file or a webhook). */
  checkpointSink?: CheckpointSink;
  /**
   * Keeps this store's streams apart on a shared server: each is `<namespace>/<streamId>` there,
   * and readAll, subscriptions, verify('all') and checkpoints see only them. Letters, digits, - and _.
   */
  namespace?: string;
  /** Event ids the per-stream tip cache holds at most (least recently used streams go first); default 100,000. */
  tipCacheEvents?: number;
}

/** Events per `$all` page. */
const PAGE = 1000;

/**
 * The port on KurrentDB / EventStoreDB. Streams map one to one (under the namespace, if any);
 * positions are revision + 1; globalPosition is the event's commit position in `$all`. The port's
 * event id (any string), the stored schema version and the hash-chain links ride in the `$caseflow`
 * metadata envelope; the id is also turned into a deterministic UUID for KurrentDB's own dedupe.
 * Appends go through StreamWriter (stream-writer.ts): a cached tip per stream, the server's
 * WrongExpectedVersion as the signal to read forward. Every call has the deadline (deadline.ts).
 */
export class KurrentEventStore implements AuditableEventStore {
  readonly name = 'KurrentDB';
  readonly capabilities: StoreCapabilities = {
    concurrentWriters: true,
    interleavedTransactions: false,
    contiguousGlobalPositions: false,
    asOfRecorded: true,
    groupCommit: false,
    // The PostgreSQL chain definition, links in the $caseflow envelope; verify/checkpoint/readChain
    // read $all and the streams (src/kurrentdb/log-integrity.ts). Unit-tested against a test double
    // of the server (fake-log.ts); against a server only where CASEFLOW_KURRENTDB_URL points at one.
    hashChain: true,
  };
  readonly checkpointStream = KURRENT_CHECKPOINT_STREAM;
  readonly checkpoints: CheckpointStore;
  private readonly client: KurrentDBClient;
  private readonly log: ClientLog;
  private readonly writer: StreamWriter;
  private readonly registry: SchemaRegistry;
  private readonly names: StreamNames;
  private readonly checkpointSink?: CheckpointSink;
  private readonly subscriptions = new Set<Subscription>();
  private readonly chainLog: ChainLog;

  constructor(options: KurrentEventStoreOptions) {
    this.names = new StreamNames(options.namespace, options.checkpointStreamPrefix ?? 'caseflow-checkpoint-');
    this.client = KurrentDBClient.connectionString(options.connectionString);
    refuseAppendFailuresAsResults(this.client);
    this.registry = new SchemaRegistry(options.schemas);
    const deadlineMs = options.deadlineMs ?? 10_000;
    this.checkpointSink = options.checkpointSink;
    this.log = new ClientLog(this.client, this.names, deadlineMs);
    this.writer = new StreamWriter(this.log, new TipCache(options.tipCacheEvents), {
      deadlineMs,
      schemaVersionOf: (type) => this.registry.currentVersion(type),
    });
    this.checkpoints = progressStore(this.log, (id) => this.names.subscriptionPrefix + id);
    const audited = this.log.allPages(this.names.auditedStreamsRegex());
    this.chainLog = {
      readStream: (streamId) => this.log.readWhole(streamId),
      pagesOfAll: async function* () {
        for await (const page of pagesOfAll(audited, 0, PAGE)) yield page.events;
      },
    };
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    validateAppend(streamId, events, options.expectedPosition);
    if (this.names.isReserved(streamId)) throw new InvalidEventError(`Stream name "${streamId}" is reserved`);
    return this.writer.append(streamId, events, options.expectedPosition ?? 'any');
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { from, to } = streamRange(options);
    if (to !== undefined && to < from) return [];
    const asOf = options.asOfRecorded === undefined ? undefined : Date.parse(options.asOfRecorded);
    if (asOf !== undefined && Number.isNaN(asOf))
      throw new InvalidEventError(`asOfRecorded is not an ISO-8601 instant: ${options.asOfRecorded}`);
    const count = to === undefined ? undefined : to - from + 1;
    const read = await this.log.readFrom(streamId, BigInt(from - 1), count, 'empty');
    const events = read.map((e) => this.toRecorded(e));
    return asOf === undefined ? events : events.filter((e) => Date.parse(e.recordedAt) <= asOf);
  }

  /** `fromGlobalPosition` (inclusive): a globalPosition this store returned, or one plus it (all-scan.ts). */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { from, limit } = allRange(options);
    return (await this.scan(from, limit, options.types)).events.map((e) => this.toRecorded(e));
  }

  /** Recomputes one stream's chain (or every stream's: 'all') and, if given, a checkpoint's heads. */
  verify(target: string, options: VerifyOptions = {}): Promise<VerificationReport> {
    return verifyLog(this.chainLog, target, options);
  }

  /** The stream as stored, with its hashes (personal data stays ciphertext; no upcasting). */
  readChain(streamId: string): Promise<ChainedEvent[]> {
    return readChainOf(this.chainLog, streamId);
  }

  /**
   * A Merkle root over every stream's last event in $all now: appended to `checkpointStream` (its
   * id names the global position, so taking it twice at one position is a no-op) and written to
   * the sink, if configured.
   */
  async checkpoint(): Promise<StoreCheckpoint> {
    const cp = await takeCheckpoint(this.chainLog, new Date().toISOString());
    await this.writer.append(KURRENT_CHECKPOINT_STREAM, [checkpointTakenEvent(cp)], 'any');
    if (this.checkpointSink) await this.checkpointSink.write(cp);
    return cp;
  }

  subscribe(options: SubscribeOptions): Subscription {
    // KurrentDB's log is written in commit order, so a plain read from the checkpoint is safe; the
    // checkpoint moves to the last record scanned, delivered or filtered out by type.
    const subscription = startPollingSubscription(
      options,
      {
        read: async (from, limit, types) => {
          const { events, scannedTo } = await this.scan(from, limit, types);
          return { events: events.map((e) => this.toRecorded(e)), horizon: Number.MAX_SAFE_INTEGER, scannedTo };
        },
        head: () => this.headPosition(),
      },
      this.checkpoints,
    );
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  /** The commit position of the last event in the callers' streams (0 when there is none). */
  async headPosition(): Promise<number> {
    const last = await this.log.lastOfAll(this.names.callerStreamsRegex());
    return last?.position ? globalPositionOf(last.position.commit) : 0;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /** The callers' events in $all from `from` (inclusive), at most `limit`, of the given types. */
  private scan(from: number, limit = Number.POSITIVE_INFINITY, types?: readonly string[]): Promise<Scan> {
    const pageSize = types ? PAGE : Math.min(PAGE, limit + 1);
    const pages = pagesOfAll(this.log.allPages(this.names.callerStreamsRegex()), from, pageSize);
    return scanPages(pages, limit, types);
  }

  private toRecorded(event: LogEvent): RecordedEvent {
    const { envelope, metadata } = splitEnvelope(event.metadata ?? {});
    const upcast = this.registry.upcast(event.type, envelope.v ?? 1, event.data, metadata as EventMetadata);
    return {
      id: envelope.id ?? event.id,
      type: event.type,
      data: upcast.data,
      metadata: metadata as EventMetadata,
      streamId: event.streamId,
      position: positionOf(event.revision),
      globalPosition: event.position ? globalPositionOf(event.position.commit) : 0,
      recordedAt: event.created.toISOString(),
      schemaVersion: upcast.schemaVersion,
    };
  }
}

/**
 * With `throwOnAppendFailure=false` in the connection string the client resolves a lost race as
 * `{ success: false }` instead of throwing WrongExpectedVersionError (append.js, batchAppend.js),
 * and its batch path reports the stream's revision wrongly; the store needs the error, so it
 * refuses the setting rather than read a lost race as success.
 */
function refuseAppendFailuresAsResults(client: KurrentDBClient): void {
  // A public getter at runtime, `protected` only in the client's typings.
  if ((client as unknown as { throwOnAppendFailure?: boolean }).throwOnAppendFailure !== false) return;
  void client.dispose();
  throw new EventStoreError(
    'EVENT_STORE_CONFIG',
    'KurrentDB connection string sets throwOnAppendFailure=false; the store needs lost races as errors: remove it',
  );
}

/** Connects to KurrentDB and checks it answers (fails loudly otherwise). */
export async function createKurrentEventStore(options: KurrentEventStoreOptions): Promise<KurrentEventStore> {
  const store = new KurrentEventStore(options);
  try {
    await store.readStream('caseflow-connection-check');
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
