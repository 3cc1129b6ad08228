import { createHash } from 'node:crypto';
import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
  type AppendStreamState,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { ConcurrencyError, EventStoreError, InvalidEventError, StoreUnavailableError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  CheckpointStore,
  EventMetadata,
  EventStore,
  ExpectedPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreCapabilities,
  SubscribeOptions,
  Subscription,
} from '../port';
import { assertNoCredentials } from '../integrity/credentials';
import { SchemaRegistry, type EventSchemas } from '../schemas';
import { startPollingSubscription } from '../subscription';

export interface KurrentEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` (see docs/event-store.md). */
  connectionString: string;
  schemas?: EventSchemas;
  /** Deadline of every call in ms; default 10,000. */
  deadlineMs?: number;
  /** Prefix of the streams that hold subscription checkpoints; hidden from readAll. */
  checkpointStreamPrefix?: string;
}

/** Key in each event's KurrentDB metadata under which the port's own fields travel. */
const ENVELOPE = '$caseflow';
interface Envelope {
  id: string;
  v: number;
}

type KurrentMetadata = EventMetadata & { [ENVELOPE]?: Envelope };

const MAX_ATTEMPTS = 5;

/**
 * The port on KurrentDB / EventStoreDB. Streams map one to one; positions are revision + 1;
 * globalPosition is the event's commit position in `$all`. The port's event id (any string) is
 * kept in the metadata envelope and also turned into a deterministic UUID for KurrentDB's own
 * dedupe. KurrentDB dedupes only when the expected revision matches, so this adapter reads the
 * stream's ids first and appends with the revision it saw (retrying on a race when 'any').
 */
export class KurrentEventStore implements EventStore {
  readonly name = 'KurrentDB';
  readonly capabilities: StoreCapabilities = {
    concurrentWriters: true,
    interleavedTransactions: false,
    contiguousGlobalPositions: false,
    asOfRecorded: true,
    groupCommit: false,
    // Not implemented: the chain would ride in the $caseflow envelope (the append path already
    // reads the stream, so the previous hash is at hand), but no server runs here to prove it,
    // and an unproven tamper check is worse than a declared gap. See docs/event-store.md.
    hashChain: false,
  };
  readonly checkpoints: CheckpointStore;
  private readonly client: KurrentDBClient;
  private readonly registry: SchemaRegistry;
  private readonly deadline: number;
  private readonly checkpointPrefix: string;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: KurrentEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
    this.registry = new SchemaRegistry(options.schemas);
    this.deadline = options.deadlineMs ?? 10_000;
    this.checkpointPrefix = options.checkpointStreamPrefix ?? 'caseflow-checkpoint-';
    this.checkpoints = {
      load: async (subscriptionId) => {
        const last = await this.collect(
          this.client.readStream(this.checkpointPrefix + subscriptionId, { direction: BACKWARDS, fromRevision: END, maxCount: 1, deadline: this.deadline }),
        );
        const data = last[0]?.event?.data as { globalPosition?: number } | undefined;
        return data?.globalPosition;
      },
      save: async (subscriptionId, globalPosition) => {
        await this.call(() =>
          this.client.appendToStream(this.checkpointPrefix + subscriptionId, jsonEvent({ type: 'checkpoint', data: { globalPosition } }), {
            deadline: this.deadline,
          }),
        );
      },
    };
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (!streamId) throw new InvalidEventError('streamId must be a non-empty string');
    if (streamId.startsWith('$') || streamId.startsWith(this.checkpointPrefix)) throw new InvalidEventError(`Stream name "${streamId}" is reserved`);
    for (const e of events) assertNoCredentials(streamId, e);
    const expected = options.expectedPosition ?? 'any';
    for (let attempt = 1; ; attempt++) {
      const existing = await this.readStreamIds(streamId);
      const current = existing.size;
      const positions: number[] = [];
      const fresh: NewEvent[] = [];
      const inCall = new Map<string, number>();
      for (const e of events) {
        const known = existing.get(e.id) ?? inCall.get(e.id);
        if (known !== undefined) positions.push(known);
        else {
          const position = current + fresh.length + 1;
          inCall.set(e.id, position);
          fresh.push(e);
          positions.push(position);
        }
      }
      if (!fresh.length) return { positions, lastPosition: current };
      if (!holds(expected, current)) throw new ConcurrencyError(streamId, expected, current);
      const streamState: AppendStreamState = current === 0 ? NO_STREAM : BigInt(current - 1);
      try {
        await this.client.appendToStream(
          streamId,
          fresh.map((e) =>
            jsonEvent({
              id: uuidFor(streamId, e.id),
              type: e.type,
              data: (e.data ?? null) as never,
              metadata: { ...e.metadata, [ENVELOPE]: { id: e.id, v: this.registry.currentVersion(e.type) } } as never,
            }),
          ),
          { streamState, deadline: this.deadline },
        );
        return { positions, lastPosition: current + fresh.length };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw translate(error);
        // Someone else wrote first: re-check (our events may now be there: idempotent), or report.
        if (attempt >= MAX_ATTEMPTS) throw translate(error);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(1, options.from ?? 1);
    const to = options.to ?? Number.MAX_SAFE_INTEGER;
    if (to < from) return [];
    const asOf = options.asOfRecorded === undefined ? undefined : Date.parse(options.asOfRecorded);
    if (asOf !== undefined && Number.isNaN(asOf)) throw new InvalidEventError(`asOfRecorded is not an ISO-8601 instant: ${options.asOfRecorded}`);
    const resolved = await this.collect(
      this.client.readStream(streamId, {
        fromRevision: BigInt(from - 1),
        direction: FORWARDS,
        maxCount: to === Number.MAX_SAFE_INTEGER ? undefined : to - from + 1,
        deadline: this.deadline,
      }),
    );
    const events = resolved.flatMap((r) => (r.event ? [this.toRecorded(r.event)] : []));
    return asOf === undefined ? events : events.filter((e) => Date.parse(e.recordedAt) <= asOf);
  }

  /** `fromGlobalPosition` (inclusive) should be a globalPosition this store returned. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromGlobalPosition ?? 0;
    return this.scanAll(from <= 0 ? 0 : from, from, options.limit, options.types);
  }

  /**
   * Reads $all from the record at `startAt` (a position the store returned, or 0 for the start),
   * keeping events whose commit position is >= `minCommit`.
   */
  private async scanAll(startAt: number, minCommit: number, limit = Number.POSITIVE_INFINITY, typeList?: readonly string[]): Promise<RecordedEvent[]> {
    const types = typeList ? new Set(typeList) : undefined;
    const out: RecordedEvent[] = [];
    const page = 1000;
    let position: ReadPosition = startAt <= 0 ? START : { commit: BigInt(startAt), prepare: BigInt(startAt) };
    for (;;) {
      const resolved = await this.collect(
        this.client.readAll({
          fromPosition: position,
          direction: FORWARDS,
          maxCount: page,
          // Hides system streams ($…) and checkpoint streams.
          filter: streamNameFilter({ regex: `^(?!\\$|${escapeRegex(this.checkpointPrefix)})` }),
          deadline: this.deadline,
        }),
      );
      let lastSeen: { commit: bigint; prepare: bigint } | undefined;
      for (const r of resolved) {
        const event = r.event;
        if (!event?.position) continue;
        lastSeen = event.position;
        if (Number(event.position.commit) < minCommit) continue;
        if (types && !types.has(event.type)) continue;
        out.push(this.toRecorded(event));
        if (out.length >= limit) return out;
      }
      if (resolved.length < page || lastSeen === undefined) return out;
      // The next page starts at the last record read (inclusive), which minCommit then skips.
      position = lastSeen;
      minCommit = Math.max(minCommit, Number(lastSeen.commit) + 1);
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    // KurrentDB's log is written in commit order, so a plain read from the checkpoint is safe.
    // The reader gets last handled + 1: start at that exact record, skip it.
    const subscription = startPollingSubscription(
      options,
      {
        read: async (from, limit, types) => ({ events: await this.scanAll(from - 1, from, limit, types), horizon: Number.MAX_SAFE_INTEGER }),
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

  /** id → position of every event in the stream (one read; tickets' streams are short). */
  private async readStreamIds(streamId: string): Promise<Map<string, number>> {
    const resolved = await this.collect(this.client.readStream(streamId, { fromRevision: START, direction: FORWARDS, deadline: this.deadline }));
    const ids = new Map<string, number>();
    for (const r of resolved) {
      if (!r.event) continue;
      const envelope = (r.event.metadata as KurrentMetadata | undefined)?.[ENVELOPE];
      ids.set(envelope?.id ?? r.event.id, Number(r.event.revision) + 1);
    }
    return ids;
  }

  private toRecorded(event: {
    streamId: string;
    id: string;
    revision: bigint;
    type: string;
    created: Date;
    data: unknown;
    metadata: unknown;
    position?: { commit: bigint; prepare: bigint };
  }): RecordedEvent {
    const { [ENVELOPE]: envelope, ...metadata } = (event.metadata ?? {}) as KurrentMetadata;
    const upcast = this.registry.upcast(event.type, envelope?.v ?? 1, event.data, metadata as EventMetadata);
    return {
      id: envelope?.id ?? event.id,
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

  /** Drains an async iteration; a missing stream reads as empty; vendor errors become the port's. */
  private async collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    try {
      for await (const item of iterable) out.push(item);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
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

function holds(expected: ExpectedPosition, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === 0;
  return expected === current;
}

function translate(error: unknown): Error {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) + 1 : 0;
    const expected = typeof error.expectedState === 'bigint' ? Number(error.expectedState) + 1 : error.expectedState === NO_STREAM ? 'no_stream' : 'any';
    return new ConcurrencyError(error.streamName, expected, actual, { cause: error });
  }
  const message = (error as Error)?.message ?? String(error);
  if (error instanceof UnavailableError || error instanceof DeadlineExceededError || error instanceof TimeoutError || error instanceof CancelledError) {
    return new StoreUnavailableError(`KurrentDB unavailable: ${message}`, { cause: error });
  }
  return new EventStoreError('EVENT_STORE_FAILURE', `KurrentDB failure: ${message}`, { cause: error });
}

/** A stable UUID (v5 layout over SHA-1) for a port event id, so KurrentDB's own dedupe applies too. */
function uuidFor(streamId: string, eventId: string): string {
  const h = createHash('sha1').update(`caseflow\u0000${streamId}\u0000${eventId}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
