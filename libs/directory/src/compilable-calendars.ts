import Holidays from 'date-holidays';
import { compileCalendarForYears } from '@caseflow/sla/compile';
import type { CustomerRecord } from './customer';
import type { FieldProblem } from './validate-customer';

const countries = new Holidays().getCountries();

/**
 * The customer's own calendars that are new since `before` must compile now, not when the identify
 * activity first needs them and a mistake would refuse tickets: a country (and state) the offline
 * holiday data knows, and a year's table from the definition.
 */
export function uncompilableCalendars(
  next: CustomerRecord,
  before: CustomerRecord | undefined,
  at: string,
): FieldProblem[] {
  const known = new Set((before?.calendars ?? []).map((c) => `${c.id}@${c.version}`));
  const year = new Date(at).getUTCFullYear();
  return (next.calendars ?? []).flatMap((calendar, i) => {
    if (known.has(`${calendar.id}@${calendar.version}`)) return [];
    const field = `calendars[${i}]`;
    const holidays = calendar.publicHolidays;
    if (holidays && !(holidays.country in countries))
      return [
        { field: `${field}.publicHolidays.country`, rule: `no public holiday data for country ${holidays.country}` },
      ];
    if (holidays?.state && !(holidays.state in (new Holidays().getStates(holidays.country) ?? {})))
      return [
        {
          field: `${field}.publicHolidays.state`,
          rule: `no public holiday data for ${holidays.country}-${holidays.state}`,
        },
      ];
    try {
      compileCalendarForYears(calendar, year, 1);
      return [];
    } catch (error) {
      return [{ field, rule: `does not compile: ${error instanceof Error ? error.message : String(error)}` }];
    }
  });
}
