/** Local wall-clock time "HH:MM" (24:00 allowed as a closing time). */
export type WallTime = string;

/** One working interval of a local day, half-open: [open, close). */
export type WorkingHours = readonly [open: WallTime, close: WallTime];

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A day whose hours differ from the weekly schedule: a holiday ([]), a half day, a transferred working Saturday. */
export interface DayOverride {
  date: string; // local date YYYY-MM-DD
  hours: readonly WorkingHours[];
  reason: string;
}

/** Public holidays pulled from the offline `date-holidays` data when the calendar is compiled. */
export interface PublicHolidaySource {
  country: string; // ISO 3166-1 alpha-2, e.g. "HU"
  state?: string;
  /** Hours on the working day before each public holiday (Israeli holiday eves); omitted = normal hours. */
  eveHours?: readonly WorkingHours[];
}

export interface CalendarDefinition {
  id: string;
  version: number;
  timeZone: string; // IANA
  week: Partial<Record<Weekday, readonly WorkingHours[]>>;
  publicHolidays?: PublicHolidaySource;
  /** Explicit days, applied after public holidays (they win). */
  overrides?: readonly DayOverride[];
  notes?: readonly string[];
}

/** A resolved holiday day handed to the compiler (from date-holidays or tests). */
export interface HolidayDay {
  date: string; // local date YYYY-MM-DD
  hours: readonly WorkingHours[]; // [] = closed all day
  reason: string;
}
