import { SlaError } from '../errors';
import { SECONDS_PER_DAY } from '../time/instant';
import { CompiledCalendar } from './compiled-calendar';
import { hashCompiledContent } from './content-hash';
import { OffsetTable, offsetTableFromPairs, toLocal } from './local-time';

/** A compiled calendar unpacked for binary searches; build it once per calendar with loadCalendar. */
export interface BusinessCalendar {
  readonly id: string;
  readonly version: number;
  readonly timeZone: string;
  readonly hash: string;
  readonly horizonStart: number;
  readonly horizonEnd: number;
  readonly offsets: OffsetTable;
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  /** Business seconds from the horizon start to each interval's close. */
  readonly businessAtClose: Float64Array;
  /** Close of the last interval of every business day, ascending. */
  readonly businessDayEnds: Float64Array;
}

export function loadCalendar(compiled: CompiledCalendar, options: { verifyHash?: boolean } = {}): BusinessCalendar {
  if (compiled.format !== 1)
    throw new SlaError('INVALID_CALENDAR', `compiled calendar format ${String(compiled.format)} is not supported`);
  if (options.verifyHash !== false) {
    const { hash, ...content } = compiled;
    if (hashCompiledContent(content) !== hash) {
      throw new SlaError(
        'CALENDAR_TAMPERED',
        `compiled calendar "${compiled.id}" v${compiled.version} does not match its hash ${hash}`,
      );
    }
  }
  const count = compiled.intervals.length / 2;
  const opens = new Float64Array(count);
  const closes = new Float64Array(count);
  const businessAtClose = new Float64Array(count);
  let cursor = 0;
  let business = 0;
  for (let i = 0; i < count; i++) {
    const open = cursor + compiled.intervals[2 * i];
    const close = open + compiled.intervals[2 * i + 1];
    opens[i] = open;
    closes[i] = close;
    business += close - open;
    businessAtClose[i] = business;
    cursor = close;
  }
  const offsets = offsetTableFromPairs(compiled.offsets);
  return {
    id: compiled.id,
    version: compiled.version,
    timeZone: compiled.timeZone,
    hash: compiled.hash,
    horizonStart: compiled.horizon[0],
    horizonEnd: compiled.horizon[1],
    offsets,
    opens,
    closes,
    businessAtClose,
    businessDayEnds: businessDayEndsOf(opens, closes, offsets),
  };
}

/** Intervals never cross local midnight (a day ends at 24:00 at the latest), so a day is the local date of its opens. */
function businessDayEndsOf(opens: Float64Array, closes: Float64Array, offsets: OffsetTable): Float64Array {
  const ends: number[] = [];
  let currentDay = NaN;
  for (let i = 0; i < opens.length; i++) {
    const day = Math.floor(toLocal(offsets, opens[i]) / SECONDS_PER_DAY);
    if (day === currentDay) ends[ends.length - 1] = closes[i];
    else ends.push(closes[i]);
    currentDay = day;
  }
  return Float64Array.from(ends);
}
