import {
  evolve,
  isTerminal,
  slaEventsOf,
  type CustomerProfile,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import { buildSlaSetup } from '@caseflow/directory';
import type { RecordedEvent } from '@caseflow/event-store';
import {
  evolveSla,
  loadCalendar,
  projectSlaClocks,
  type CompiledCalendar,
  type SlaClocks,
  type SlaContext,
  type SlaState,
} from '@caseflow/sla';

/** Facts of the ticket that its domain state does not keep but a row shows. */
export interface TicketFacts {
  streamId: string;
  /** TicketOpened's event id: with the stream, it names where the sealed title was stored. */
  openedEventId: string;
  /** The requester's opaque subject id (the event's `dataSubject` metadata). */
  requesterSubject: string | null;
  /** The channel the ticket came in through, when its opening recorded one. */
  channel: string | null;
  /** Year of TicketOpened's occurredAt: the calendars are compiled from it, as the auditors' clocksAsOf does. */
  openingYear: number;
  /** The latest occurredAt folded (the SLA clocks are projected as of it). */
  lastAt: string;
  closedAt: string | null;
}

/**
 * A ticket folded so far, with the same fold the workflow and the auditors' CLI use: `evolve` for
 * the state and `slaEventsOf` + `evolveSla` for the SLA clocks' facts. Personal values in `state`
 * stay as the store sealed them (evolve only copies them).
 */
export interface TicketFold {
  state: TicketState;
  sla: SlaState | null;
  facts: TicketFacts;
}

const textOf = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The next fold, or an Error saying why this event cannot follow (a stream that is not a ticket's). */
export function foldEvent(fold: TicketFold | undefined, event: RecordedEvent): TicketFold {
  const at = event.metadata.occurredAt;
  const ticketEvent = { type: event.type, data: event.data } as TicketEvent;
  if (!fold) {
    if (event.type !== 'TicketOpened') throw new Error(`${event.type} before TicketOpened`);
    return {
      state: evolve(undefined, ticketEvent, at),
      sla: null,
      facts: {
        streamId: event.streamId,
        openedEventId: event.id,
        requesterSubject: textOf(event.metadata.dataSubject),
        channel: textOf(event.metadata.channel),
        openingYear: new Date(at).getUTCFullYear(),
        lastAt: at,
        closedAt: null,
      },
    };
  }
  const state = evolve(fold.state, ticketEvent, at);
  let sla = fold.sla;
  for (const slaEvent of slaEventsOf(fold.state, state, ticketEvent, at)) sla = evolveSla(sla ?? undefined, slaEvent);
  const lastAt = Date.parse(at) > Date.parse(fold.facts.lastAt) ? at : fold.facts.lastAt;
  const closedAt = isTerminal(state) ? (fold.facts.closedAt ?? at) : null;
  return { state, sla, facts: { ...fold.facts, lastAt, closedAt } };
}

/** SLA contexts by the ticket's preset, policy, calendar and opening year, compiled once per process. */
export class SlaContexts {
  private readonly contexts = new Map<string, SlaContext>();
  private readonly compiled = new Map<string, CompiledCalendar>();

  of(customer: CustomerProfile, openingYear: number): SlaContext {
    const key = `${customer.presetId}|${customer.policy.id}@${customer.policy.version}|${customer.calendarId}|${openingYear}`;
    let context = this.contexts.get(key);
    if (!context) {
      const setup = buildSlaSetup(customer, openingYear, this.compiled);
      context = { policies: setup.policies, calendars: setup.calendars.map((c) => loadCalendar(c)) };
      this.contexts.set(key, context);
    }
    return context;
  }
}

/** The clocks as of the last folded event: running ones are judged against now at query time. */
export function clocksOf(fold: TicketFold, contexts: SlaContexts): SlaClocks | null {
  if (!fold.sla || !fold.state.customer) return null;
  const lastEventAt = fold.sla.lastEventAt * 1000;
  const asOf = Math.max(Date.parse(fold.facts.lastAt), lastEventAt);
  return projectSlaClocks(
    fold.sla,
    new Date(asOf).toISOString(),
    contexts.of(fold.state.customer, fold.facts.openingYear),
  );
}
