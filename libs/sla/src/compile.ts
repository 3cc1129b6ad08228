/**
 * Activity-side entry: everything in the workflow entry plus compiling calendars from their
 * definitions with the host's tzdata and the offline date-holidays data.
 */
import { CalendarDefinition } from './calendar/calendar-definition';
import { compileCalendar } from './calendar/compile-calendar';
import { CompiledCalendar } from './calendar/compiled-calendar';
import { publicHolidayDays } from './calendar/holiday-source';

export * from './index';
export { compileCalendar } from './calendar/compile-calendar';
export type { CompileOptions } from './calendar/compile-calendar';
export { publicHolidayDays } from './calendar/holiday-source';

/** Compiles [fromYear-01-01, (fromYear + years)-01-01) with the country's public holidays. */
export function compileCalendarForYears(
  definition: CalendarDefinition,
  fromYear: number,
  years: number,
): CompiledCalendar {
  return compileCalendar(definition, {
    from: `${fromYear}-01-01`,
    to: `${fromYear + years}-01-01`,
    holidays: publicHolidayDays(definition, fromYear - 1, fromYear + years),
  });
}
