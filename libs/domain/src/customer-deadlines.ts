import {
  addBusinessDays,
  addBusinessDuration,
  addCalendarDays,
  addCalendarMonths,
  businessElapsed,
  toEpochSeconds,
  type BusinessCalendar,
  type Span,
} from '@caseflow/sla';

/** Full ISO-8601 with milliseconds, like every other instant in ticket events. */
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** The instant a span started at `startIso` ends, on the given calendar. */
export function spanEnd(calendar: BusinessCalendar, startIso: string, span: Span): string {
  const start = toEpochSeconds(startIso);
  switch (span.measure) {
    case 'business':
      return iso(addBusinessDuration(calendar, start, span.seconds));
    case 'elapsed':
      return iso(start + span.seconds);
    case 'businessDays':
      return iso(addBusinessDays(calendar, start, span.days));
    case 'calendarDays':
      return iso(addCalendarDays(calendar, start, span.days));
    case 'calendarMonths':
      return iso(addCalendarMonths(calendar, start, span.months));
  }
}

/** Halfway through the customer's window, in business time when the window is business time. */
export function halfwayInstant(
  calendar: BusinessCalendar,
  startIso: string,
  dueIso: string,
  businessTime: boolean,
): string {
  const start = toEpochSeconds(startIso);
  const due = toEpochSeconds(dueIso);
  if (!businessTime) return iso(start + Math.floor((due - start) / 2));
  return iso(addBusinessDuration(calendar, start, Math.floor(businessElapsed(calendar, start, due) / 2)));
}
