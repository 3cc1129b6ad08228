import { EpochSeconds } from '../time/instant';

/**
 * A calendar version compiled for a horizon: plain JSON (it travels as a Temporal activity result),
 * delta-encoded to stay small. Its `hash` covers every other field, so a later tzdata or holiday
 * data change produces a different identity and never alters a ticket holding this table.
 */
export interface CompiledCalendar {
  format: 1;
  id: string;
  version: number;
  timeZone: string;
  /** [from, to) in epoch seconds; operations outside it throw HORIZON_EXCEEDED. */
  horizon: [EpochSeconds, EpochSeconds];
  /**
   * UTC offsets as pairs [validFrom0, offsetSeconds0, validFrom1, offsetSeconds1, ...];
   * the first offset also applies before validFrom0.
   */
  offsets: number[];
  /** Working intervals as [open0, length0, gap1, length1, gap2, length2, ...] in seconds. */
  intervals: number[];
  hash: string;
}

export type CompiledCalendarContent = Omit<CompiledCalendar, 'hash'>;
