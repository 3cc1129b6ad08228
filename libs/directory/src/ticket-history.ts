import {
  foldTicket,
  type CustomerIdentified,
  type DatedTicketEvent,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import type { RecordedEvent } from '@caseflow/event-store';
import { loadCalendar, type SlaClocks } from '@caseflow/sla';
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

/** The SLA clocks as of `at`, from the same events and the same compiled calendars the ticket used. */
export function clocksAsOf(recorded: readonly RecordedEvent[], at: string): ClocksReport | null {
  const dated = datedEvents(recorded).filter((e) => Date.parse(e.at) <= Date.parse(at));
  const opened = dated.find((e) => e.event.type === 'TicketOpened');
  const identified = dated.find((e) => e.event.type === 'CustomerIdentified')?.event as CustomerIdentified | undefined;
  if (!opened || !identified) return null;
  const setup = buildSlaSetup(identified.data, new Date(opened.at).getUTCFullYear());
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
