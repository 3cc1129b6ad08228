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
import type { TicketSla } from './ticket-clocks';

/** The windows the customer gets when one starts: to answer a clarification, to accept, to give feedback. */
export interface CustomerWindows {
  /** When a clarification asked at the start is due, and when its reminder goes out. */
  clarificationWindow: { dueAt: string; reminderAt: string };
  acceptanceDueAt: string;
  feedbackDueAt: string;
}

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

/** The customer-side windows that would start at `start`, each on the calendar the ticket's setup names for it. */
export function customerWindows(sla: TicketSla, start: string): CustomerWindows {
  const { answerClarification, acceptanceTesting, feedbackWindow } = sla.setup;
  const clarificationCalendar = calendarOf(sla, answerClarification.calendar);
  const dueAt = spanEnd(clarificationCalendar, start, answerClarification.span);
  const businessTime =
    answerClarification.span.measure === 'business' || answerClarification.span.measure === 'businessDays';
  return {
    clarificationWindow: { dueAt, reminderAt: halfwayInstant(clarificationCalendar, start, dueAt, businessTime) },
    acceptanceDueAt: spanEnd(calendarOf(sla, acceptanceTesting.calendar), start, acceptanceTesting.span),
    feedbackDueAt: spanEnd(calendarOf(sla, feedbackWindow.calendar), start, feedbackWindow.span),
  };
}

function calendarOf(sla: TicketSla, id: string): BusinessCalendar {
  const calendar = sla.context.calendars.find((candidate) => candidate.id === id);
  if (!calendar) throw new Error(`calendar "${id}" is not among the ticket's compiled calendars`);
  return calendar;
}
