import Holidays from 'date-holidays';
import { daysFromCivil, isoDateOfDay, parseIsoDate, weekdayOfDay } from '../time/civil-date';
import { CalendarDefinition, HolidayDay, WEEKDAYS } from './calendar-definition';

/**
 * Public holidays from the offline `date-holidays` data. Compile step only: never import this
 * from workflow code (the workflow receives the compiled table instead).
 */
export function publicHolidayDays(definition: CalendarDefinition, fromYear: number, toYear: number): HolidayDay[] {
  const source = definition.publicHolidays;
  if (!source) return [];
  const holidays = source.state ? new Holidays(source.country, source.state) : new Holidays(source.country);
  const closedDays = new Map<number, string>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const first = daysFromCivil(parseIsoDate(holiday.date.slice(0, 10))!);
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86400000));
      for (let day = first; day < first + length; day++) closedDays.set(day, holiday.name);
    }
  }
  const result: HolidayDay[] = [];
  for (const [day, name] of closedDays) {
    result.push({ date: isoDateOfDay(day), hours: [], reason: `public holiday: ${name}` });
    const eveIsWorkingDay = (definition.week[WEEKDAYS[weekdayOfDay(day - 1)]] ?? []).length > 0;
    if (source.eveHours && eveIsWorkingDay && !closedDays.has(day - 1)) {
      result.push({ date: isoDateOfDay(day - 1), hours: source.eveHours, reason: `eve of ${name}` });
    }
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}
