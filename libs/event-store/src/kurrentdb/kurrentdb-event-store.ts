import { createHash } from 'node:crypto';
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
  type AppendStreamState,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { InvalidEventError } from '../errors';
import type { CheckpointSink } from '../integrity/checkpoint-sink';
import { checkpointTakenEvent } from '../integrity/checkpoint-event';
import { assertNoCredentials } from '../integrity/credentials';
import { assertPrintableNames } from '../names';
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
import { planAppend } from './append-plan';
import { toChainedEvent, type LogEvent } from './chain';
import { splitEnvelope } from './envelope';
import { readChainOf, takeCheckpoint, verifyLog, type ChainLog } from './log-integrity';
import { KURRENT_CHECKPOINT_STREAM, StreamNames } from './stream-names';
import { translate } from './translate';

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
}

const RETRY_BACKOFF_MAX_MS = 50;
const PAGE = 1000;

/**
 * The port on KurrentDB / EventStoreDB. Streams map one to one (under the namespace, if any);
 * positions are revision + 1; globalPosition is the event's commit position in `$all`. The port's
 * event id (any string), the stored schema version and the hash-chain links ride in the `$caseflow`
 * metadata envelope; the id is also turned into a deterministic UUID for KurrentDB's own dedupe.
 * Appends read the stream first (ids for idempotency, the last hash for the chain) and write with
 * the revision they read, retrying on a race.
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
    // read $all and the streams (src/kurrentdb/log-integrity.ts). The pure parts are unit-tested;
    // against a server it has run only where CASEFLOW_KURRENTDB_URL points at one (docs/event-store.md).
    hashChain: true,
  };
  readonly checkpointStream = KURRENT_CHECKPOINT_STREAM;
  readonly checkpoints: CheckpointStore;
  private readonly client: KurrentDBClient;
  private readonly registry: SchemaRegistry;
  private readonly deadline: number;
  private readonly names: StreamNames;
  private readonly checkpointSink?: CheckpointSink;
  private readonly subscriptions = new Set<Subscription>();
  private readonly chainLog: ChainLog = {
    readStream: (streamId) => this.readLog(streamId),
    pagesOfAll: () => this.pagesOfAll(0, this.names.auditedStreamsRegex()),
  };

  constructor(options: KurrentEventStoreOptions) {
    this.names = new StreamNames(options.namespace, options.checkpointStreamPrefix ?? 'caseflow-checkpoint-');
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.registry = new SchemaRegistry(options.schemas);
    this.deadline = options.deadlineMs ?? 10_000;
    this.checkpointSink = options.checkpointSink;
    const progressStream = (subscriptionId: string) =>
      this.names.toServer(this.names.subscriptionPrefix + subscriptionId);
    this.checkpoints = {
      load: async (subscriptionId) => {
        const last = await this.collect(
          this.client.readStream(progressStream(subscriptionId), {
            direction: BACKWARDS,
            fromRevision: END,
            maxCount: 1,
            deadline: this.deadline,
          }),
        );
        const data = last[0]?.event?.data as { globalPosition?: number } | undefined;
        return data?.globalPosition;
      },
      save: async (subscriptionId, globalPosition) => {
        await this.call(() =>
          this.client.appendToStream(
            progressStream(subscriptionId),
            jsonEvent({ type: 'checkpoint', data: { globalPosition } }),
            {
              deadline: this.deadline,
            },
          ),
        );
      },
    };
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (!streamId) throw new InvalidEventError('streamId must be a non-empty string');
    if (this.names.isReserved(streamId)) throw new InvalidEventError(`Stream name "${streamId}" is reserved`);
    for (const e of events) assertNoCredentials(streamId, e);
    assertPrintableNames(streamId, events);
    return this.appendChained(streamId, events, options);
  }

  /** Reads the stream, chains the new events after its last hash, appends expecting the revision read. */
  private async appendChained(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const expected = options.expectedPosition ?? 'any';
    const giveUpAt = Date.now() + this.deadline;
    for (let attempt = 1; ; attempt++) {
      const stored = (await this.readLog(streamId)).map(toChainedEvent);
      const plan = planAppend(streamId, stored, events, expected, (type) => this.registry.currentVersion(type));
      if (!plan.proposals.length) return { positions: plan.positions, lastPosition: plan.readPosition };
      const streamState: AppendStreamState = plan.readPosition === 0 ? NO_STREAM : BigInt(plan.readPosition - 1);
      try {
        await this.client.appendToStream(
          this.names.toServer(streamId),
          plan.proposals.map((p) =>
            jsonEvent({
              id: uuidFor(streamId, p.id),
              type: p.type,
              data: p.data as never,
              metadata: p.metadata as never,
            }),
          ),
          { streamState, deadline: this.deadline },
        );
        return { positions: plan.positions, lastPosition: plan.readPosition + plan.proposals.length };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw translate(error, streamId);
        // Someone else wrote first: re-read (our events may now be there: idempotent; the tip moved)
        // and chain again. Under 'any' many writers may race: retry within the deadline, jittered.
        if (Date.now() >= giveUpAt) throw translate(error, streamId);
        await sleep(Math.random() * Math.min(RETRY_BACKOFF_MAX_MS, 2 ** attempt));
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(1, options.from ?? 1);
    const to = options.to ?? Number.MAX_SAFE_INTEGER;
    if (to < from) return [];
    const asOf = options.asOfRecorded === undefined ? undefined : Date.parse(options.asOfRecorded);
    if (asOf !== undefined && Number.isNaN(asOf))
      throw new InvalidEventError(`asOfRecorded is not an ISO-8601 instant: ${options.asOfRecorded}`);
    const resolved = await this.collect(
      this.client.readStream(this.names.toServer(streamId), {
        fromRevision: BigInt(from - 1),
        direction: FORWARDS,
        maxCount: to === Number.MAX_SAFE_INTEGER ? undefined : to - from + 1,
        deadline: this.deadline,
      }),
    );
    const events = resolved.flatMap((r) => (r.event ? [this.toRecorded(this.named(r.event))] : []));
    return asOf === undefined ? events : events.filter((e) => Date.parse(e.recordedAt) <= asOf);
  }

  /** `fromGlobalPosition` (inclusive) should be a globalPosition this store returned. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromGlobalPosition ?? 0;
    return this.scanAll(from <= 0 ? 0 : from, from, options.limit, options.types);
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
    await this.appendChained(KURRENT_CHECKPOINT_STREAM, [checkpointTakenEvent(cp)], {});
    if (this.checkpointSink) await this.checkpointSink.write(cp);
    return cp;
  }

  /**
   * Reads the callers' streams in $all from the record at `startAt` (a position the store
   * returned, or 0 for the start), keeping events whose commit position is >= `minCommit`.
   */
  private async scanAll(
    startAt: number,
    minCommit: number,
    limit = Number.POSITIVE_INFINITY,
    typeList?: readonly string[],
  ): Promise<RecordedEvent[]> {
    const types = typeList ? new Set(typeList) : undefined;
    const out: RecordedEvent[] = [];
    for await (const page of this.pagesOfAll(startAt, this.names.callerStreamsRegex())) {
      for (const event of page) {
        if (Number(event.position!.commit) < minCommit) continue;
        if (types && !types.has(event.type)) continue;
        out.push(this.toRecorded(event));
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** $all from the record at `startAt` (0: the start), streams matching `regex`, in pages; names without namespace. */
  private async *pagesOfAll(startAt: number, regex: string): AsyncGenerator<LogEvent[]> {
    let position: ReadPosition = startAt <= 0 ? START : { commit: BigInt(startAt), prepare: BigInt(startAt) };
    let after: bigint | undefined;
    for (;;) {
      const resolved = await this.collect(
        this.client.readAll({
          fromPosition: position,
          direction: FORWARDS,
          maxCount: PAGE,
          filter: streamNameFilter({ regex }),
          deadline: this.deadline,
        }),
      );
      const page: LogEvent[] = [];
      let lastSeen: { commit: bigint; prepare: bigint } | undefined;
      for (const r of resolved) {
        const event = r.event;
        if (!event?.position) continue;
        lastSeen = event.position;
        // A page starts at the last record of the one before (inclusive): skip it.
        if (after !== undefined && event.position.commit <= after) continue;
        page.push(this.named(event));
      }
      if (page.length) yield page;
      if (resolved.length < PAGE || lastSeen === undefined) return;
      position = lastSeen;
      after = lastSeen.commit;
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    // KurrentDB's log is written in commit order, so a plain read from the checkpoint is safe.
    // The reader gets last handled + 1: start at that exact record, skip it.
    const subscription = startPollingSubscription(
      options,
      {
        read: async (from, limit, types) => ({
          events: await this.scanAll(from - 1, from, limit, types),
          horizon: Number.MAX_SAFE_INTEGER,
        }),
        head: async () => 0,
      },
      this.checkpoints,
    );
    this.subscriptions.add(subscription);
    const forget = () => this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /** The whole stream as it reads now; absent, soft-deleted or tombstoned reads as empty. */
  private async readLog(streamId: string): Promise<LogEvent[]> {
    const resolved = await this.collect(
      this.client.readStream(this.names.toServer(streamId), {
        fromRevision: START,
        direction: FORWARDS,
        deadline: this.deadline,
      }),
      true,
    );
    return resolved.flatMap((r) => (r.event ? [this.named(r.event)] : []));
  }

  /** The event with the port's stream id (namespace removed). */
  private named<E extends { streamId: string }>(event: E): E {
    return { ...event, streamId: this.names.fromServer(event.streamId) };
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
      position: Number(event.revision) + 1,
      globalPosition: event.position ? Number(event.position.commit) : 0,
      recordedAt: event.created.toISOString(),
      schemaVersion: upcast.schemaVersion,
    };
  }

  /** Drains an async iteration; a missing (or, if asked, deleted) stream reads as empty; vendor errors become the port's. */
  private async collect<T>(iterable: AsyncIterable<T>, deletedIsEmpty = false): Promise<T[]> {
    const out: T[] = [];
    try {
      for await (const item of iterable) out.push(item);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      if (deletedIsEmpty && error instanceof StreamDeletedError) return [];
      throw translate(error);
    }
    return out;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw translate(error);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A stable UUID (v5 layout over SHA-1) for a port event id, so KurrentDB's own dedupe applies too. */
function uuidFor(streamId: string, eventId: string): string {
  const h = createHash('sha1').update(`caseflow\u0000${streamId}\u0000${eventId}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
