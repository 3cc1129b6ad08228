import { createHash } from 'node:crypto';
import {
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  START,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
  type KurrentDBClient,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import type { AllStart, ReadAllPage } from './all-scan';
import { InvalidAllPosition } from './all-scan';
import type { ChainedProposal, LogEvent } from './chain';
import { collectWithin, withDeadline } from './deadline';
import type { StreamNames } from './stream-names';
import type { AppendOutcome, ExpectedRevision, Hiding, StreamLog } from './stream-writer';
import { isInvalidPosition, translate } from './translate';

/** The client calls the adapter makes (a stub stands in for it in unit specs). */
export type KurrentClient = Pick<
  KurrentDBClient,
  'readStream' | 'readAll' | 'appendToStream' | 'getStreamMetadata' | 'setStreamMetadata'
>;

/** How a read treats a tombstoned (hard-deleted) stream: as empty, or as the port's StreamDeletedError. */
type Tombstoned = 'empty' | 'refuse';

/**
 * KurrentDB through the client, in the port's stream names: every call within the deadline,
 * every vendor error as the port's (translate.ts).
 */
export class ClientLog implements StreamLog {
  constructor(
    private readonly client: KurrentClient,
    private readonly names: StreamNames,
    private readonly deadlineMs: number,
  ) {}

  /** Events from `fromRevision` on (at most `maxCount`); absent or soft-deleted reads as empty. */
  async readFrom(streamId: string, fromRevision: bigint, maxCount?: number, tombstoned: Tombstoned = 'refuse') {
    return this.read(streamId, fromRevision, maxCount, tombstoned);
  }

  /** The whole stream as it reads now (verify, readChain): absent, soft-deleted or tombstoned reads as empty. */
  readWhole(streamId: string): Promise<LogEvent[]> {
    return this.read(streamId, START, undefined, 'empty');
  }

  /**
   * What the stream's metadata hides. A soft delete sets `$tb` to EventNumber.DeletedStream
   * (long.MaxValue; JSON.parse makes it a number above 2^53); `$tb`, `$maxAge` and `$maxCount`
   * hide events that still count for the stream's last revision (IndexReader.cs).
   */
  async hiding(streamId: string): Promise<Hiding | undefined> {
    const name = this.names.toServer(streamId);
    const { metadata } = await this.call(this.client.getStreamMetadata(name), `the metadata of ${name}`, streamId);
    const tb = metadata?.truncateBefore;
    if (typeof tb === 'number' && tb >= Number.MAX_SAFE_INTEGER) return 'soft-deleted';
    if (typeof tb === 'number' && tb > 0) return 'truncated';
    return metadata?.maxAge !== undefined || metadata?.maxCount !== undefined ? 'retention' : undefined;
  }

  /**
   * Appends expecting the stream's last revision. A lost race comes back with the server's actual
   * revision (WrongExpectedVersionError.actualState). `success: false` (only when the connection
   * string sets `throwOnAppendFailure=false`, which the store refuses) is a lost race too, never a
   * success: the batch-append path even reports its revision wrongly (batchAppend.js converts
   * `hasCurrentStreamRevision()`, a boolean), so no actual revision is taken from it.
   */
  async append(
    streamId: string,
    proposals: readonly ChainedProposal[],
    expected: ExpectedRevision,
  ): Promise<AppendOutcome> {
    const name = this.names.toServer(streamId);
    const events = proposals.map((p) =>
      jsonEvent({ id: uuidFor(streamId, p.id), type: p.type, data: p.data as never, metadata: p.metadata as never }),
    );
    try {
      const result = await withDeadline(
        this.client.appendToStream(name, events, {
          streamState: expected === 'no_stream' ? NO_STREAM : expected,
          deadline: this.deadlineMs,
        }),
        this.deadlineMs,
        `an append to ${name}`,
      );
      return result.success === false ? { written: false } : { written: true };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualState;
        return { written: false, actual: typeof actual === 'bigint' ? actual : 'no_stream' };
      }
      throw translate(error, streamId);
    }
  }

  /** One `$all` page reader over the streams matching `regex` (filtered by the server), names without namespace. */
  allPages(regex: string): ReadAllPage {
    return async (start: AllStart, maxCount: number) => {
      const items = this.client.readAll({
        fromPosition: start === 'start' ? START : start,
        direction: FORWARDS,
        maxCount,
        filter: streamNameFilter({ regex }),
      });
      try {
        const resolved = await collectWithin(items, this.deadlineMs, 'a $all read');
        return resolved.flatMap((r) => (r.event?.position ? [this.named(r.event)] : []));
      } catch (error) {
        if (isInvalidPosition(error)) throw new InvalidAllPosition((error as Error).message);
        throw translate(error);
      }
    };
  }

  /** The last event in `$all` of the streams matching `regex` (filtered by the server), or undefined when none. */
  async lastOfAll(regex: string): Promise<LogEvent | undefined> {
    const items = this.client.readAll({
      fromPosition: END,
      direction: BACKWARDS,
      maxCount: 1,
      filter: streamNameFilter({ regex }),
    });
    try {
      const resolved = await collectWithin(items, this.deadlineMs, 'a $all read');
      return resolved.flatMap((r) => (r.event?.position ? [this.named(r.event)] : []))[0];
    } catch (error) {
      throw translate(error);
    }
  }

  /** Appends one plain JSON event (subscription progress); the server picks the revision. */
  async appendPlain(streamId: string, type: string, data: Record<string, unknown>): Promise<void> {
    const name = this.names.toServer(streamId);
    const event = jsonEvent({ type, data });
    await this.call(
      this.client.appendToStream(name, event, { deadline: this.deadlineMs }),
      `an append to ${name}`,
      streamId,
    );
  }

  /** Keeps only the last `maxCount` events of the stream readable (scavenge then drops the rest). */
  async setMaxCount(streamId: string, maxCount: number): Promise<void> {
    const name = this.names.toServer(streamId);
    const set = this.client.setStreamMetadata(name, { maxCount }, { deadline: this.deadlineMs });
    await this.call(set, `the metadata of ${name}`, streamId);
  }

  /** The stream's last event, or undefined when it has none. */
  async last(streamId: string): Promise<LogEvent | undefined> {
    const name = this.names.toServer(streamId);
    const items = this.client.readStream(name, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    const [event] = await this.drain(items, name, streamId, 'empty');
    return event;
  }

  private async read(streamId: string, from: ReadRevision, maxCount: number | undefined, tombstoned: Tombstoned) {
    const name = this.names.toServer(streamId);
    const items = this.client.readStream(name, { fromRevision: from, direction: FORWARDS, maxCount });
    return this.drain(items, name, streamId, tombstoned);
  }

  private async drain(
    items: AsyncIterable<{ event?: LogEvent }>,
    name: string,
    streamId: string,
    tombstoned: Tombstoned,
  ): Promise<LogEvent[]> {
    try {
      const resolved = await collectWithin(items, this.deadlineMs, `a read of ${name}`);
      return resolved.flatMap((r) => (r.event ? [this.named(r.event)] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      if (tombstoned === 'empty' && error instanceof ClientStreamDeletedError) return [];
      throw translate(error, streamId);
    }
  }

  private async call<T>(work: Promise<T>, what: string, streamId?: string): Promise<T> {
    try {
      return await withDeadline(work, this.deadlineMs, what);
    } catch (error) {
      throw translate(error, streamId);
    }
  }

  /** The event with the port's stream id (namespace removed). */
  private named<E extends { streamId: string }>(event: E): E {
    return { ...event, streamId: this.names.fromServer(event.streamId) };
  }
}

/** A stable UUID (v5 layout over SHA-1) for a port event id, so KurrentDB's own dedupe applies too. */
export function uuidFor(streamId: string, eventId: string): string {
  const h = createHash('sha1').update(`caseflow\u0000${streamId}\u0000${eventId}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
