import { InvalidEventError } from '../errors';
import type { LogEvent } from './chain';
import { globalPositionOf, isTombstone } from './revision';

/** Where a `$all` read starts: the beginning, or a record's own position (inclusive). */
export type AllStart = 'start' | { commit: bigint; prepare: bigint };

/**
 * Reads up to `maxCount` events of `$all` from `start` on (inclusive), tombstones included, as the
 * server returns them; throws InvalidAllPosition when `start` is not where a record begins.
 */
export type ReadAllPage = (start: AllStart, maxCount: number) => Promise<LogEvent[]>;

/** The server refused a start position inside a record (StorageReaderWorker.AllFiltered.cs: InvalidPosition). */
export class InvalidAllPosition extends Error {}

export interface AllPage {
  /** The events of the page (tombstones dropped), at or after the scan's `from`. */
  events: LogEvent[];
  /** The global position of the last record the server returned (tombstones count). */
  lastSeen: number;
}

/**
 * `$all` from the port's `fromGlobalPosition` (inclusive), in pages. A forward `$all` read seeks
 * the raw log position it is given (ReaderIndex/AllReader.cs: `cursor.Position = pos.CommitPosition`,
 * then reads the record there), so it must be where a record begins; `from` is what the port pages
 * with, `last.globalPosition + 1`, one byte into the record after the last one returned. So the
 * scan starts at `from - 1` (the record returned last) and drops what is below `from`. A caller who
 * passes a returned globalPosition itself gets InvalidPosition there; then the scan starts at `from`.
 * An event's prepare position equals its commit position for everything written over gRPC (each
 * event is its own committed prepare record: StorageWriterService.cs sets IsCommitted per prepare).
 * Later pages start at the last record of the page before, which they return again: skipped.
 */
export async function* pagesOfAll(readPage: ReadAllPage, from: number, pageSize: number): AsyncGenerator<AllPage> {
  let records = await firstPage(readPage, from, pageSize);
  let after = from <= 1 ? -1n : BigInt(from) - 1n;
  for (;;) {
    const events: LogEvent[] = [];
    let last: LogEvent | undefined;
    for (const record of records) {
      if (!record.position) continue;
      last = record;
      if (record.position.commit <= after || isTombstone(record)) continue;
      events.push(record);
    }
    if (last?.position) yield { events, lastSeen: globalPositionOf(last.position.commit) };
    if (records.length < pageSize || !last?.position) return;
    after = last.position.commit;
    records = await readPage({ commit: after, prepare: last.position.prepare ?? after }, pageSize);
  }
}

async function firstPage(readPage: ReadAllPage, from: number, pageSize: number): Promise<LogEvent[]> {
  if (from <= 1) return readPage('start', pageSize);
  for (const at of [from - 1, from]) {
    try {
      return await readPage({ commit: BigInt(at), prepare: BigInt(at) }, pageSize);
    } catch (error) {
      if (!(error instanceof InvalidAllPosition)) throw error;
    }
  }
  throw new InvalidEventError(
    `fromGlobalPosition ${from} is not a position KurrentDB can read from: pass a globalPosition this store ` +
      'returned, or one plus it (page with last.globalPosition + 1)',
    { field: 'fromGlobalPosition' },
  );
}

export interface Scan {
  events: LogEvent[];
  /** The global position of the last record looked at, delivered or not (where a subscription may resume). */
  scannedTo?: number;
}

/** Up to `limit` events of the given types from the pages; stops reading once it has them. */
export async function scanPages(
  pages: AsyncIterable<AllPage>,
  limit: number,
  types?: readonly string[],
): Promise<Scan> {
  if (limit <= 0) return { events: [] };
  const wanted = types ? new Set(types) : undefined;
  const events: LogEvent[] = [];
  let scannedTo: number | undefined;
  for await (const page of pages) {
    for (const event of page.events) {
      scannedTo = globalPositionOf(event.position!.commit);
      if (wanted && !wanted.has(event.type)) continue;
      events.push(event);
      if (events.length >= limit) return { events, scannedTo };
    }
    scannedTo = Math.max(scannedTo ?? 0, page.lastSeen);
  }
  return { events, scannedTo };
}
