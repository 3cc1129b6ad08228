import { businessDays, calendarDays, presetById, type CompiledCalendar, type Span } from '@caseflow/sla';
import { compileCalendarForYears } from '@caseflow/sla/compile';
import type { SlaSetup } from '@caseflow/contract';

/** Calendars are compiled from the ticket's opening year on, for this many years. */
export const CALENDAR_YEARS = 3;

export interface SlaSetupKey {
  presetId: string;
  policy: { id: string; version: number };
  calendarId: string;
}

/**
 * The SLA setup a ticket keeps for life: its policy, its compiled calendars and the customer-side
 * windows. The identify activity hands it to the workflow; auditors rebuild it the same way and
 * compare calendar hashes.
 */
export function buildSlaSetup(key: SlaSetupKey, openingYear: number, cache?: Map<string, CompiledCalendar>): SlaSetup {
  const preset = presetById(key.presetId);
  if (!preset) throw new Error(`unknown SLA preset ${key.presetId}`);
  const calendars = preset.calendars.map((definition) => {
    const cacheKey = `${definition.id}@${definition.version}/${openingYear}`;
    const cached = cache?.get(cacheKey);
    if (cached) return cached;
    const compiled = compileCalendarForYears(definition, openingYear, CALENDAR_YEARS);
    cache?.set(cacheKey, compiled);
    return compiled;
  });
  const own = (span: Span) => ({ span, calendar: key.calendarId });
  return {
    policies: preset.policies.filter((policy) => policy.id === key.policy.id && policy.version === key.policy.version),
    calendars,
    answerClarification: preset.customerDeadlines?.answerClarification ?? own(businessDays(2)),
    acceptanceTesting: preset.customerDeadlines?.acceptanceTesting ?? own(calendarDays(7)),
    feedbackWindow: own(calendarDays(7)),
  };
}
