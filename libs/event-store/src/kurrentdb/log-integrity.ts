import { verifyStreamChain } from '../integrity/verify-chain';
import type {
  ChainedEvent,
  StoreCheckpoint,
  StreamHead,
  VerificationFailure,
  VerificationReport,
  VerifyOptions,
} from '../port';
import { toChainedEvent, type LogEvent } from './chain';
import { checkpointFailure } from '../integrity/checkpoint-failure';
import { StreamHeads, checkpointOf, headAt } from './heads';

/** What the integrity checks need from KurrentDB; the adapter implements it over the client. */
export interface ChainLog {
  /** The stream as it reads now (truncated or deleted events are not returned), by position; [] if absent. */
  readStream(streamId: string): Promise<LogEvent[]>;
  /** The audited streams' events in $all, in commit order, page by page. */
  pagesOfAll(): AsyncIterable<LogEvent[]>;
}

/** Streams read at once while verifying every stream. */
const READ_AHEAD = 8;

export async function readChainOf(log: ChainLog, streamId: string): Promise<ChainedEvent[]> {
  return (await log.readStream(streamId)).map(toChainedEvent);
}

/**
 * The last event of every audited stream in $all, as of the last event read (or `upTo`). $all is
 * written in commit order, so a forward read is a consistent prefix even while others append.
 */
export async function scanHeads(log: ChainLog, upTo = Number.POSITIVE_INFINITY): Promise<StreamHeads> {
  const heads = new StreamHeads();
  for await (const page of log.pagesOfAll()) {
    for (const e of page) {
      const chained = toChainedEvent(e);
      if (chained.globalPosition > upTo) return heads;
      heads.add(chained);
    }
  }
  return heads;
}

/** A checkpoint of everything in $all now: Merkle root over every stream's last event. */
export async function takeCheckpoint(log: ChainLog, takenAt: string): Promise<StoreCheckpoint> {
  const heads = await scanHeads(log);
  return checkpointOf(heads.list(), heads.globalPosition, takenAt);
}

/**
 * verify() on KurrentDB. One stream: its chain as it reads now, the last event read being the head.
 * 'all': $all is read once for the streams and each one's last event there (the head as the log
 * recorded it, so events hidden since by a truncation or a deletion show as `deleted`), then each
 * stream is read and its chain checked up to the global position of that scan (later appends are
 * not part of this verification). Against a checkpoint, heads are taken from the streams as they
 * read now, as of the checkpoint's global position.
 */
export async function verifyLog(
  log: ChainLog,
  target: string,
  options: VerifyOptions = {},
): Promise<VerificationReport> {
  const cp = options.againstCheckpoint;
  const checkpoint = cp ? { checkpoint: { globalPosition: cp.globalPosition, root: cp.root } } : {};
  const result = target === 'all' ? await verifyAll(log, cp) : await verifyOne(log, target, cp);
  return {
    ok: !result.failure,
    streams: result.streams,
    events: result.events,
    ...checkpoint,
    ...(result.failure ? { failure: result.failure } : {}),
  };
}

interface Outcome {
  streams: number;
  events: number;
  failure?: VerificationFailure;
}

async function verifyOne(log: ChainLog, streamId: string, cp?: StoreCheckpoint): Promise<Outcome> {
  const rows = await readChainOf(log, streamId);
  let failure = verifyStreamChain(streamId, rows);
  if (!failure && cp) {
    const found = cp.heads ? present([headAt(rows, cp.globalPosition)]) : await readableHeadsAt(log, cp.globalPosition);
    failure = checkpointFailure(cp, streamId, found);
  }
  return { streams: rows.length ? 1 : 0, events: rows.length, failure };
}

async function verifyAll(log: ChainLog, cp?: StoreCheckpoint): Promise<Outcome> {
  const logHeads = await scanHeads(log);
  const upTo = logHeads.globalPosition;
  const outcome: Outcome = { streams: 0, events: 0 };
  const found: StreamHead[] = [];
  await forEachStream(log, logHeads.streamIds(), (streamId, rows) => {
    const covered = rows.filter((r) => r.globalPosition <= upTo);
    if (covered.length) outcome.streams++;
    outcome.events += covered.length;
    const head = logHeads.get(streamId)!;
    outcome.failure = verifyStreamChain(streamId, covered, head);
    if (cp) found.push(...present([headAt(rows, cp.globalPosition)]));
    return outcome.failure === undefined;
  });
  if (!outcome.failure && cp) outcome.failure = checkpointFailure(cp, 'all', found);
  return outcome;
}

/** Every audited stream's head as of a global position, from the streams as they read now. */
async function readableHeadsAt(log: ChainLog, globalPosition: number): Promise<StreamHead[]> {
  const streamIds = (await scanHeads(log, globalPosition)).streamIds();
  const found: StreamHead[] = [];
  await forEachStream(log, streamIds, (_, rows) => {
    found.push(...present([headAt(rows, globalPosition)]));
    return true;
  });
  return found;
}

/** Reads the streams a few at a time and hands them over in order until `visit` returns false. */
async function forEachStream(
  log: ChainLog,
  streamIds: readonly string[],
  visit: (streamId: string, rows: ChainedEvent[]) => boolean,
): Promise<void> {
  for (let i = 0; i < streamIds.length; i += READ_AHEAD) {
    const batch = streamIds.slice(i, i + READ_AHEAD);
    const read = await Promise.all(batch.map((id) => readChainOf(log, id)));
    for (let j = 0; j < batch.length; j++) {
      if (!visit(batch[j], read[j])) return;
    }
  }
}

function present(heads: ReadonlyArray<StreamHead | undefined>): StreamHead[] {
  return heads.filter((h): h is StreamHead => h !== undefined);
}
