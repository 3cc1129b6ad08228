import { ConcurrencyError, StreamDeletedError } from '../errors';
import type { AppendResult, ExpectedPosition, NewEvent } from '../port';
import { planAppend } from './append-plan';
import { toChainedEvent, type ChainedProposal, type LogEvent } from './chain';
import { TOMBSTONE_REVISION, positionOf } from './revision';
import { EMPTY_TIP, TipCache, advanceTip, afterWritten, type StreamTip } from './stream-tip';

/** What the server was told to expect: the stream's last revision (position - 1), or that it has none. */
export type ExpectedRevision = bigint | 'no_stream';

/** A refused append: the server's actual last revision when it said (WrongExpectedVersion). */
export type AppendOutcome = { written: true } | { written: false; actual?: bigint | 'no_stream' };

/** Why a stream's metadata may hide events that exist (`$tb`, soft delete, `$maxAge`/`$maxCount`). */
export type Hiding = 'soft-deleted' | 'truncated' | 'retention';

/** What the writer needs from KurrentDB (the adapter implements it over the client; names are the port's). */
export interface StreamLog {
  /** The stream's events from `fromRevision` on, as they read now; [] when absent or soft-deleted. */
  readFrom(streamId: string, fromRevision: bigint): Promise<LogEvent[]>;
  /** What the stream's metadata hides, if anything. */
  hiding(streamId: string): Promise<Hiding | undefined>;
  append(streamId: string, proposals: readonly ChainedProposal[], expected: ExpectedRevision): Promise<AppendOutcome>;
}

export interface StreamWriterOptions {
  deadlineMs: number;
  schemaVersionOf: (type: string) => number;
  /** Upper bound of the jittered pause between attempts after a lost race, in ms. */
  maxBackoffMs?: number;
}

/**
 * Appends with the hash chain on KurrentDB. Each stream's tip (last position, hash, the port ids
 * in it) is cached, so an append to a known stream sends its batch expecting the cached revision
 * without reading; when another writer moved the stream, the server refuses the batch
 * (WrongExpectedVersion) and only the events after the cached tip are read before planning again.
 * A stream not in the cache is read once, whole.
 *
 * A stream whose last events exist but do not read (soft-deleted, truncated or expired behind the
 * store) is refused with StreamDeletedError: its chain cannot be continued from a hash no one can
 * read, and KurrentDB would place the events after the hidden ones while the chain numbered them
 * from the last readable one (IndexWriter.CheckCommit, StorageWriterService soft undelete).
 */
export class StreamWriter {
  constructor(
    private readonly log: StreamLog,
    private readonly tips: TipCache,
    private readonly options: StreamWriterOptions,
  ) {}

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedPosition): Promise<AppendResult> {
    const giveUpAt = Date.now() + this.options.deadlineMs;
    const cached = this.tips.get(streamId);
    let tip = cached ?? (await this.readTip(streamId));
    let fresh = !cached;
    for (let attempt = 1; ; attempt++) {
      let plan;
      try {
        plan = planAppend(streamId, tip, events, expected, this.options.schemaVersionOf);
      } catch (error) {
        // A cached tip may be behind the stream: judge the caller's expectation on a fresh one.
        if (!(error instanceof ConcurrencyError) || fresh) throw error;
        tip = await this.catchUp(streamId, tip);
        fresh = true;
        continue;
      }
      if (!plan.proposals.length) return { positions: plan.positions, lastPosition: tip.position };
      const outcome = await this.log.append(streamId, plan.proposals, expectedRevision(tip.position));
      if (outcome.written) {
        const written = afterWritten(tip, plan.proposals);
        this.tips.set(streamId, written);
        return { positions: plan.positions, lastPosition: written.position };
      }
      // Someone else wrote first: read what they wrote (our events may be among it) and plan again.
      tip = await this.catchUp(streamId, tip, outcome.actual);
      fresh = true;
      if (Date.now() >= giveUpAt) throw new ConcurrencyError(streamId, expected, tip.position);
      await sleep(Math.random() * Math.min(this.options.maxBackoffMs ?? 50, 2 ** attempt));
    }
  }

  /** The whole stream as it reads now; refuses a stream that reads empty while its metadata hides events. */
  private async readTip(streamId: string): Promise<StreamTip> {
    const events = (await this.log.readFrom(streamId, 0n)).map(toChainedEvent);
    if (!events.length) {
      const hiding = await this.log.hiding(streamId);
      if (hiding === 'soft-deleted' || hiding === 'truncated') throw refused(streamId, hiding);
    }
    const tip = advanceTip(EMPTY_TIP, events);
    this.tips.set(streamId, tip);
    return tip;
  }

  /**
   * The tip after reading forward from `tip`. `actual`: the server's last revision from a refused
   * append; when reads end before it, the events in between exist but do not read (refused), or
   * reads lag the writer for a moment (no hiding metadata: tried again).
   */
  private async catchUp(streamId: string, tip: StreamTip, actual?: bigint | 'no_stream'): Promise<StreamTip> {
    if (actual === TOMBSTONE_REVISION) throw refused(streamId, 'hard-deleted');
    if (actual === 'no_stream' && tip.position > 0) {
      this.tips.delete(streamId);
      return this.readTip(streamId);
    }
    const more = (await this.log.readFrom(streamId, BigInt(tip.position))).map(toChainedEvent);
    const next = advanceTip(tip, more);
    if (typeof actual === 'bigint' && next.position < positionOf(actual)) {
      const hiding = await this.log.hiding(streamId);
      if (hiding) throw refused(streamId, hiding, positionOf(actual), next.position);
    }
    this.tips.set(streamId, next);
    return next;
  }
}

function expectedRevision(position: number): ExpectedRevision {
  return position === 0 ? 'no_stream' : BigInt(position - 1);
}

function refused(streamId: string, why: Hiding | 'hard-deleted', serverPosition?: number, readable = 0) {
  const where =
    serverPosition === undefined ? '' : ` (the server's last position is ${serverPosition}, reads end at ${readable})`;
  return new StreamDeletedError(
    streamId,
    `its last events exist but do not read: ${why}${where}; appending would break its hash chain, so nothing was written`,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
