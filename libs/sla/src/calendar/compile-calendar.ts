import { SlaError } from '../errors';
import { daysFromCivil, isoDateOfDay, parseIsoDate, weekdayOfDay } from '../time/civil-date';
import { SECONDS_PER_DAY, SECONDS_PER_MINUTE } from '../time/instant';
import { CalendarDefinition, HolidayDay, WEEKDAYS, WorkingHours } from './calendar-definition';
import { CompiledCalendar, CompiledCalendarContent } from './compiled-calendar';
import { hashCompiledContent } from './content-hash';
import { fromLocal, offsetTableFromPairs } from './local-time';
import { dayMinuteRanges, validateCalendarDefinition } from './validate-calendar';
import { offsetTransitions } from './zone-offsets';

export interface CompileOptions {
  /** First local date of the horizon, YYYY-MM-DD. */
  from: string;
  /** Local date the horizon ends before (exclusive), YYYY-MM-DD. */
  to: string;
  /** Holidays resolved for the horizon (see holiday-source.ts); the definition's overrides still win. */
  holidays?: readonly HolidayDay[];
}

/**
 * Compile step (runs in an activity: it reads the host's tzdata through Intl). The result is the
 * calendar's frozen identity for every ticket that receives it.
 */
export function compileCalendar(definition: CalendarDefinition, options: CompileOptions): CompiledCalendar {
  validateCalendarDefinition(definition);
  const firstDay = dayNumberOf(options.from, 'from');
  const endDay = dayNumberOf(options.to, 'to');
  if (endDay <= firstDay)
    throw new SlaError('INVALID_CALENDAR', `horizon end ${options.to} is not after start ${options.from}`);

  const margin = 2 * SECONDS_PER_DAY;
  const offsetPairs = offsetTransitions(
    definition.timeZone,
    firstDay * SECONDS_PER_DAY - margin,
    endDay * SECONDS_PER_DAY + margin,
  );
  const offsets = offsetTableFromPairs(offsetPairs);
  const hoursByDate = specialDays(definition, options.holidays ?? []);

  const intervals: number[] = [];
  let previousClose: number | undefined;
  for (let day = firstDay; day < endDay; day++) {
    const date = isoDateOfDay(day);
    const hours = hoursByDate.get(date) ?? definition.week[WEEKDAYS[weekdayOfDay(day)]] ?? [];
    for (const [fromMinute, toMinute] of dayMinuteRanges(hours, `calendar "${definition.id}" ${date}`)) {
      const open = fromLocal(offsets, day * SECONDS_PER_DAY + fromMinute * SECONDS_PER_MINUTE);
      const close = fromLocal(offsets, day * SECONDS_PER_DAY + toMinute * SECONDS_PER_MINUTE);
      if (close <= open) continue; // an interval swallowed whole by a DST gap
      if (previousClose === undefined) intervals.push(open, close - open);
      else intervals.push(open - previousClose, close - open);
      previousClose = close;
    }
  }
  const content: CompiledCalendarContent = {
    format: 1,
    id: definition.id,
    version: definition.version,
    timeZone: definition.timeZone,
    horizon: [fromLocal(offsets, firstDay * SECONDS_PER_DAY), fromLocal(offsets, endDay * SECONDS_PER_DAY)],
    offsets: offsetPairs,
    intervals,
  };
  return { ...content, hash: hashCompiledContent(content) };
}

function dayNumberOf(text: string, field: string): number {
  const date = parseIsoDate(text);
  if (!date) throw new SlaError('INVALID_CALENDAR', `horizon ${field} "${text}" is not YYYY-MM-DD`);
  return daysFromCivil(date);
}

/** Holidays first (shortest hours win when two fall on one date), then the definition's overrides. */
function specialDays(
  definition: CalendarDefinition,
  holidays: readonly HolidayDay[],
): Map<string, readonly WorkingHours[]> {
  const byDate = new Map<string, readonly WorkingHours[]>();
  for (const holiday of holidays) {
    const known = byDate.get(holiday.date);
    if (!known || holiday.hours.length < known.length) byDate.set(holiday.date, holiday.hours);
  }
  for (const override of definition.overrides ?? []) byDate.set(override.date, override.hours);
  return byDate;
}
