/**
 * How long a target allows, and in which measure:
 * - business: seconds of working time on the target's calendar;
 * - elapsed: wall seconds, 24x7;
 * - businessDays: until the close of the N-th business day after the start day;
 * - calendarDays / calendarMonths: the same local wall-clock time N days / months later.
 */
export type Span =
  | { measure: 'business'; seconds: number }
  | { measure: 'elapsed'; seconds: number }
  | { measure: 'businessDays'; days: number }
  | { measure: 'calendarDays'; days: number }
  | { measure: 'calendarMonths'; months: number };

export const businessMinutes = (minutes: number): Span => ({ measure: 'business', seconds: minutes * 60 });
export const businessHours = (hours: number): Span => ({ measure: 'business', seconds: hours * 3600 });
export const elapsedHours = (hours: number): Span => ({ measure: 'elapsed', seconds: hours * 3600 });
export const elapsedMinutes = (minutes: number): Span => ({ measure: 'elapsed', seconds: minutes * 60 });
export const businessDays = (days: number): Span => ({ measure: 'businessDays', days });
export const calendarDays = (days: number): Span => ({ measure: 'calendarDays', days });
export const calendarWeeks = (weeks: number): Span => ({ measure: 'calendarDays', days: weeks * 7 });
export const calendarMonths = (months: number): Span => ({ measure: 'calendarMonths', months });

/** Business-time spans pause with the calendar; the others run on the wall clock. */
export function countsBusinessTime(span: Span): boolean {
  return span.measure === 'business' || span.measure === 'businessDays';
}

export function describeSpan(span: Span): string {
  switch (span.measure) {
    case 'business':
      return `${span.seconds / 3600} business hours`;
    case 'elapsed':
      return `${span.seconds / 3600} hours 24x7`;
    case 'businessDays':
      return `${span.days} business day(s)`;
    case 'calendarDays':
      return `${span.days} calendar day(s)`;
    case 'calendarMonths':
      return `${span.months} calendar month(s)`;
  }
}
