import { upperBound } from '../time/binary-search';
import { EpochSeconds, SECONDS_PER_DAY } from '../time/instant';

/** Local wall time encoded as seconds since 1970-01-01T00:00 local ("as if UTC"). */
export type LocalSeconds = number;

export interface OffsetTable {
  validFrom: readonly number[];
  offsets: readonly number[];
}

export function offsetTableFromPairs(pairs: readonly number[]): OffsetTable {
  const validFrom: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    validFrom.push(pairs[i]);
    offsets.push(pairs[i + 1]);
  }
  return { validFrom, offsets };
}

export function offsetAt(table: OffsetTable, at: EpochSeconds): number {
  const index = upperBound(table.validFrom, at) - 1;
  return table.offsets[Math.max(index, 0)];
}

export function toLocal(table: OffsetTable, at: EpochSeconds): LocalSeconds {
  return at + offsetAt(table, at);
}

/**
 * The instant a local wall time denotes. In a backward shift (the wall time occurs twice) the
 * earlier instant; in a forward gap (it never occurs) the wall time is read with the offset from
 * before the gap, which lands just as far after the gap (02:30 in a 02:00->03:00 gap is 03:30).
 */
export function fromLocal(table: OffsetTable, local: LocalSeconds): EpochSeconds {
  const before = offsetAt(table, local - SECONDS_PER_DAY);
  const after = offsetAt(table, local + SECONDS_PER_DAY);
  const withBefore = local - before;
  const withAfter = local - after;
  const beforeFits = offsetAt(table, withBefore) === before;
  const afterFits = offsetAt(table, withAfter) === after;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (beforeFits) return withBefore;
  if (afterFits) return withAfter;
  return withBefore;
}

export function localDayNumber(table: OffsetTable, at: EpochSeconds): number {
  return Math.floor(toLocal(table, at) / SECONDS_PER_DAY);
}
