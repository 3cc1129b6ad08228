import {
  foldTicket,
  type CustomerIdentified,
  type DatedTicketEvent,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import type { RecordedEvent } from '@caseflow/event-store';
import { loadCalendar, type CalendarDefinition, type SlaClocks, type SlaPolicy } from '@caseflow/sla';
import type { CustomerRecord } from './customer';
import { buildSlaSetup } from './sla-setup';
import { clocksAt } from '@caseflow/domain';

export const datedEvents = (recorded: readonly RecordedEvent[]): DatedTicketEvent[] =>
  recorded.map((e) => ({ event: { type: e.type, data: e.data } as TicketEvent, at: e.metadata.occurredAt }));

/** Domain time: the events that had happened by `at` (occurredAt), folded like the workflow does. */
export function stateAt(recorded: readonly RecordedEvent[], at: string): TicketState | undefined {
  return foldTicket(datedEvents(recorded).filter((e) => Date.parse(e.at) <= Date.parse(at)));
}

export interface ClocksReport {
  slaClocks: SlaClocks | null;
  /** Whether the calendars rebuilt today hash the same as those the ticket recorded when it opened. */
  calendars: { recorded: string[] | 'not recorded'; rebuilt: string[]; identical: boolean | 'unknown' };
}

/**
 * The SLA clocks as of `at`, from the same events and the same compiled calendars the ticket used.
 * A ticket on the customer's own policy or calendar versions needs them (`own`: the customer's record).
 */
export function clocksAsOf(
  recorded: readonly RecordedEvent[],
  at: string,
  own: Pick<CustomerRecord, 'slaPolicies' | 'calendars'> = {},
): ClocksReport | null {
  const dated = datedEvents(recorded).filter((e) => Date.parse(e.at) <= Date.parse(at));
  const opened = dated.find((e) => e.event.type === 'TicketOpened');
  const identified = dated.find((e) => e.event.type === 'CustomerIdentified')?.event as CustomerIdentified | undefined;
  if (!opened || !identified) return null;
  const { presetId, policy, calendarId, calendars: pinned } = identified.data;
  const key = { presetId, policy, calendarId, slaPolicies: own.slaPolicies, calendars: own.calendars };
  const setup = buildSlaSetup(key, new Date(opened.at).getUTCFullYear(), undefined, pinned);
  const rebuilt = setup.calendars.map((c) => `${c.id}@${c.version}#${c.hash}`);
  const recordedIds = identified.data.calendars?.map((c) => `${c.id}@${c.version}#${c.hash}`);
  const context = { policies: setup.policies, calendars: setup.calendars.map((c) => loadCalendar(c)) };
  return {
    slaClocks: clocksAt(dated, context, at),
    calendars: {
      recorded: recordedIds ?? 'not recorded',
      rebuilt,
      identical: recordedIds ? recordedIds.join() === rebuilt.join() : 'unknown',
    },
  };
}

/**
 * Every own policy and calendar version a customer's stream ever held (versions are immutable, so
 * none is lost to later changes): what clocksAsOf needs for a ticket on one of them.
 */
export function ownSlaVersions(
  customerEvents: readonly RecordedEvent[],
): Pick<CustomerRecord, 'slaPolicies' | 'calendars'> {
  const policies = new Map<string, SlaPolicy>();
  const calendars = new Map<string, CalendarDefinition>();
  const collect = (record: Partial<CustomerRecord> | undefined) => {
    for (const policy of record?.slaPolicies ?? []) policies.set(`${policy.id}@${policy.version}`, policy);
    for (const calendar of record?.calendars ?? []) calendars.set(`${calendar.id}@${calendar.version}`, calendar);
  };
  for (const event of customerEvents) {
    const data = event.data as Record<string, unknown>;
    collect(data.record as Partial<CustomerRecord> | undefined);
    collect(data.after as Partial<CustomerRecord> | undefined);
    if (event.type === 'SlaPolicyVersionAdded') collect({ slaPolicies: [data.policy as SlaPolicy] });
    if (event.type === 'CalendarVersionAdded') collect({ calendars: [data.calendar as CalendarDefinition] });
  }
  return { slaPolicies: [...policies.values()], calendars: [...calendars.values()] };
}

export function describeEvent(event: RecordedEvent): string {
  const data = event.data as Record<string, unknown>;
  const pick = [
    'severity',
    'priority',
    'reason',
    'message',
    'description',
    'kind',
    'resolution',
    'by',
    'code',
    'answer',
    'dueAt',
    'acceptanceDueAt',
  ];
  const parts = pick.filter((key) => data[key] !== undefined).map((key) => `${key}=${JSON.stringify(data[key])}`);
  return parts.join(' ');
}
