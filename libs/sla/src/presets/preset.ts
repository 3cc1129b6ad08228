import { CalendarDefinition, WorkingHours } from '../calendar/calendar-definition';
import { SlaPolicy } from '../policy/policy';
import { Span } from '../policy/span';

/** A vendor's process as configuration: its calendars, policy versions and what had to be assumed. */
export interface SlaPreset {
  id: string;
  vendor: string;
  source: string;
  calendars: readonly CalendarDefinition[];
  policies: readonly SlaPolicy[];
  /** Deadlines on the customer's side of the process (answer a clarification, accept a fix). */
  customerDeadlines?: Readonly<Record<string, { span: Span; calendar: string }>>;
  /** Every choice made where the document is silent, each labelled "assumed". */
  assumptions: readonly string[];
}

export const hours = (open: string, close: string): WorkingHours[] => [[open, close]];

export function weekdays(open: string, close: string): CalendarDefinition['week'] {
  const day = hours(open, close);
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
}
