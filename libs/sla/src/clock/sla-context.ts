import { BusinessCalendar } from '../calendar/business-calendar';
import { SlaError } from '../errors';
import { PolicyRef, SlaPolicy } from '../policy/policy';

/** The policies and loaded calendars a ticket's clocks may refer to. */
export interface SlaContext {
  policies: readonly SlaPolicy[];
  calendars: readonly BusinessCalendar[];
}

export function policyOf(context: SlaContext, ref: PolicyRef): SlaPolicy {
  const policy = context.policies.find((candidate) => candidate.id === ref.id && candidate.version === ref.version);
  if (!policy) throw new SlaError('UNKNOWN_POLICY', `policy "${ref.id}" v${ref.version} is not in the SLA context`);
  return policy;
}

export function calendarOf(context: SlaContext, id: string): BusinessCalendar {
  const calendar = context.calendars.find((candidate) => candidate.id === id);
  if (!calendar)
    throw new SlaError(
      'UNKNOWN_CALENDAR',
      `calendar "${id}" is not in the SLA context (load its compiled table first)`,
    );
  return calendar;
}
