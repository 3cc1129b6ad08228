import { EventStoreError } from '../errors';

/**
 * The event number of a hard delete's tombstone: KurrentDB writes a `$streamDeleted` record into
 * the deleted stream itself at `EventNumber.DeletedStream` = long.MaxValue (src/KurrentDB.Core/Data/
 * EventNumber.cs; StorageWriterService.cs, WriteDelete), and `$all` reads return it like any event
 * (ReaderIndex/AllReader.cs keeps prepares flagged Data or StreamDelete).
 */
export const TOMBSTONE_REVISION = 2n ** 63n - 1n;
export const TOMBSTONE_TYPE = '$streamDeleted';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A hard delete's tombstone, as `$all` returns it: never an event of the port. */
export function isTombstone(event: { revision: bigint; type: string }): boolean {
  return event.revision === TOMBSTONE_REVISION || event.type === TOMBSTONE_TYPE;
}

/** The port's position (1-based) of a KurrentDB revision (0-based); refuses what a number cannot hold exactly. */
export function positionOf(revision: bigint): number {
  if (revision < 0n || revision + 1n > MAX_SAFE) throw outOfRange('revision', revision);
  return Number(revision) + 1;
}

/**
 * What the server sends for an event without a log position (`Position.End`: commit -1 as ulong,
 * Services/Transport/Common/Position.cs; Streams.Read.cs `ConvertToRecordedEvent` uses it when a
 * stream read has none, e.g. an event written in an explicit transaction).
 */
export const NO_POSITION = 2n ** 64n - 1n;

/** The port's globalPosition of a commit position (0: the server gave none); refuses what a number cannot hold exactly. */
export function globalPositionOf(commit: bigint): number {
  if (commit === NO_POSITION) return 0;
  if (commit < 0n || commit > MAX_SAFE) throw outOfRange('commit position', commit);
  return Number(commit);
}

function outOfRange(what: string, value: bigint): EventStoreError {
  return new EventStoreError(
    'EVENT_STORE_FAILURE',
    `KurrentDB returned a ${what} of ${value}, outside what the port's positions hold exactly (0 … 2^53 - 1)`,
  );
}
