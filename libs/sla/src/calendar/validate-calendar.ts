import { SlaError } from '../errors';
import { parseIsoDate } from '../time/civil-date';
import { CalendarDefinition, WEEKDAYS, WorkingHours } from './calendar-definition';

const WALL_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function wallTimeToMinutes(text: string, where: string): number {
  const match = WALL_TIME.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || minutes > 24 * 60) {
    throw new SlaError('INVALID_CALENDAR', `${where}: "${text}" is not a wall time HH:MM between 00:00 and 24:00`);
  }
  return minutes;
}

/** Minute ranges of one day, checked: each open before its close, no overlaps. */
export function dayMinuteRanges(hours: readonly WorkingHours[], where: string): Array<[number, number]> {
  const ranges = hours.map(([open, close], index): [number, number] => {
    const from = wallTimeToMinutes(open, `${where} interval ${index + 1}`);
    const to = wallTimeToMinutes(close, `${where} interval ${index + 1}`);
    if (to <= from) {
      throw new SlaError('INVALID_CALENDAR', `${where} interval ${index + 1}: end ${close} is not after start ${open}`);
    }
    return [from, to];
  });
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i][0] < ranges[i - 1][1]) {
      throw new SlaError(
        'INVALID_CALENDAR',
        `${where}: working intervals overlap (${formatRange(ranges[i - 1])} and ${formatRange(ranges[i])})`,
      );
    }
  }
  return ranges;
}

function formatRange([from, to]: [number, number]): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(from)}-${hhmm(to)}`;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function validateCalendarDefinition(definition: CalendarDefinition): void {
  const name = `calendar "${definition.id}" v${definition.version}`;
  if (!definition.id) throw new SlaError('INVALID_CALENDAR', 'calendar id is empty');
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new SlaError('INVALID_CALENDAR', `${name}: version must be a positive integer`);
  }
  if (!isKnownTimeZone(definition.timeZone)) {
    throw new SlaError('INVALID_CALENDAR', `${name}: unknown time zone "${definition.timeZone}"`);
  }
  for (const key of Object.keys(definition.week)) {
    if (!WEEKDAYS.includes(key as never))
      throw new SlaError('INVALID_CALENDAR', `${name}: "${key}" is not a weekday (sun..sat)`);
  }
  let workingMinutes = 0;
  for (const day of WEEKDAYS) {
    for (const [from, to] of dayMinuteRanges(definition.week[day] ?? [], `${name} ${day}`)) workingMinutes += to - from;
  }
  if (workingMinutes === 0) throw new SlaError('INVALID_CALENDAR', `${name}: the weekly schedule has no working time`);
  const seen = new Set<string>();
  for (const override of definition.overrides ?? []) {
    if (!parseIsoDate(override.date))
      throw new SlaError('INVALID_CALENDAR', `${name}: override date "${override.date}" is not YYYY-MM-DD`);
    if (seen.has(override.date))
      throw new SlaError('INVALID_CALENDAR', `${name}: override ${override.date} is given twice`);
    seen.add(override.date);
    dayMinuteRanges(override.hours, `${name} override ${override.date}`);
  }
  for (const hours of [definition.publicHolidays?.eveHours ?? []]) dayMinuteRanges(hours, `${name} holiday eve hours`);
}
