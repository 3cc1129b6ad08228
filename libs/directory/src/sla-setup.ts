import { businessDays, calendarDays, presetById, type CompiledCalendar, type Span } from '@caseflow/sla';
import { compileCalendarForYears } from '@caseflow/sla/compile';
import type { SlaSetup } from '@caseflow/contract';
import { calendarsInUse, findVersion, slaCatalogOf, type OwnSla, type VersionRef } from './sla-catalog';

/** Calendars are compiled from the ticket's opening year on, for this many years. */
export const CALENDAR_YEARS = 3;

export interface SlaSetupKey extends OwnSla {
  policy: { id: string; version: number };
  calendarId: string;
}

/**
 * The SLA setup a ticket keeps for life: its policy version, its compiled calendars and the
 * customer-side windows. The identify activity hands it to the workflow (the newest version of each
 * calendar); auditors rebuild it from the versions the ticket recorded (`pinned`) and compare hashes.
 * Policies and calendars come from the preset and the customer's own versions (`key.slaPolicies`,
 * `key.calendars`).
 */
export function buildSlaSetup(
  key: SlaSetupKey,
  openingYear: number,
  cache?: Map<string, CompiledCalendar>,
  pinned?: readonly VersionRef[],
): SlaSetup {
  const catalog = slaCatalogOf(key);
  if (!catalog) throw new Error(`unknown SLA preset ${key.presetId}`);
  const calendars = calendarsInUse(catalog, pinned).map((definition) => {
    // Content, not id@version: two customers may each have their own calendar of the same id and version.
    const cacheKey = `${JSON.stringify(definition)}/${openingYear}`;
    const cached = cache?.get(cacheKey);
    if (cached) return cached;
    const compiled = compileCalendarForYears(definition, openingYear, CALENDAR_YEARS);
    cache?.set(cacheKey, compiled);
    return compiled;
  });
  const own = (span: Span) => ({ span, calendar: key.calendarId });
  const policy = findVersion(catalog.policies, key.policy);
  const customerDeadlines = presetById(key.presetId)?.customerDeadlines;
  return {
    policies: policy ? [policy] : [],
    calendars,
    answerClarification: customerDeadlines?.answerClarification ?? own(businessDays(2)),
    acceptanceTesting: customerDeadlines?.acceptanceTesting ?? own(calendarDays(7)),
    feedbackWindow: own(calendarDays(7)),
  };
}
