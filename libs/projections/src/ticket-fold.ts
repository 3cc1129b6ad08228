import {
  evolve,
  isTerminal,
  slaEventsOf,
  type CustomerIdentified,
  type CustomerProfile,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import { buildSlaSetup, customerStreamId, ownSlaVersions, type CustomerRecord } from '@caseflow/directory';
import type { EventStore, RecordedEvent } from '@caseflow/event-store';
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
  /** The calendar versions identification pinned (absent on tickets opened before they were recorded). */
  calendars?: PinnedCalendars;
}

type PinnedCalendars = NonNullable<CustomerIdentified['data']['calendars']>;

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
  const pinned = event.type === 'CustomerIdentified' ? (event.data as CustomerIdentified['data']).calendars : undefined;
  return { state, sla, facts: { ...fold.facts, lastAt, closedAt, ...(pinned ? { calendars: pinned } : {}) } };
}

/** A customer's own SLA policy and calendar versions (every version its stream ever held). */
export type OwnSlaVersions = Pick<CustomerRecord, 'slaPolicies' | 'calendars'>;
export type OwnSlaVersionsOf = (customerId: string) => Promise<OwnSlaVersions>;

/** Own versions as the customer's stream holds them (what the auditors' CLI reads too). */
export const ownSlaVersionsIn =
  (store: Pick<EventStore, 'readStream'>): OwnSlaVersionsOf =>
  async (customerId) =>
    ownSlaVersions(await store.readStream(customerStreamId(customerId)));

/**
 * SLA contexts by the ticket's customer, preset, policy, pinned calendars and opening year, compiled
 * once per process. A customer's own versions (issue 14's directory management) are read with
 * `prepare` before a batch is folded: versions never change, but a customer may gain new ones, so a
 * customer whose ticket is identified in the batch is read again.
 */
export class SlaContexts {
  private readonly contexts = new Map<string, SlaContext>();
  private readonly compiled = new Map<string, CompiledCalendar>();
  private readonly own = new Map<string, OwnSlaVersions>();

  constructor(private readonly ownVersionsOf: OwnSlaVersionsOf = async () => ({})) {}

  async prepare(customerIds: Iterable<string>, refresh: ReadonlySet<string>): Promise<void> {
    for (const id of new Set(customerIds)) {
      if (this.own.has(id) && !refresh.has(id)) continue;
      this.own.set(id, await this.ownVersionsOf(id));
    }
  }

  of(customerId: string, customer: CustomerProfile, openingYear: number, pinned?: PinnedCalendars): SlaContext {
    const own = this.own.get(customerId) ?? {};
    const versions = [...(own.slaPolicies ?? []), ...(own.calendars ?? [])].map((v) => `${v.id}@${v.version}`);
    const key = [
      customer.presetId,
      `${customer.policy.id}@${customer.policy.version}`,
      customer.calendarId,
      openingYear,
      pinned?.map((c) => `${c.id}@${c.version}`).join() ?? '',
      versions.length ? `${customerId}:${versions.join()}` : '',
    ].join('|');
    let context = this.contexts.get(key);
    if (!context) {
      const setup = buildSlaSetup({ ...customer, ...own }, openingYear, this.compiled, pinned);
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
    contexts.of(fold.state.customerId, fold.state.customer, fold.facts.openingYear, fold.facts.calendars),
  );
}
