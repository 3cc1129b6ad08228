import { Inject, Injectable } from '@nestjs/common';
import { clocksAsOf, customerStreamId, ownSlaVersions } from '@caseflow/directory';
import { isAuditable, type ChainedEvent, type EventStore } from '@caseflow/event-store';
import { EVENT_STORE } from '@caseflow/persistence';
import type { SlaClocks } from '@caseflow/sla';
import { TicketAccess, ticketNotFound } from '../auth';
import { isTicketNumber } from '../tickets/ticket-number';

/** A ticket's stream as stored: hash-chained, personal fields still sealed. */
export interface TicketStream {
  streamId: string;
  events: ChainedEvent[];
}

export const ticketStreamId = (number: string): string => `ticket-${number}`;

/**
 * What the audit store says of one ticket, without Temporal: the SLA clocks folded from its events
 * (the auditors' CLI's fold), and its stream as stored. Answers for closed tickets, for tickets
 * whose workflow is gone, and when no worker runs.
 */
@Injectable()
export class TicketHistory {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: TicketAccess,
  ) {}

  /** The clocks as of `now`; null while the ticket is not identified yet (as the workflow answers). */
  async clocks(number: string, now: Date): Promise<SlaClocks | null> {
    const events = isTicketNumber(number) ? await this.store.readStream(ticketStreamId(number)) : [];
    if (events.length === 0) await this.requireKnown(number);
    // A customer's own policy and calendar versions live on its stream (the auditors' CLI reads them so too).
    const customerId = (events[0]?.data as { customerId?: unknown } | undefined)?.customerId;
    const own =
      typeof customerId === 'string' ? ownSlaVersions(await this.store.readStream(customerStreamId(customerId))) : {};
    return clocksAsOf(events, now.toISOString(), own)?.slaClocks ?? null;
  }

  async stream(number: string): Promise<TicketStream> {
    if (!isTicketNumber(number)) throw ticketNotFound(number);
    if (!isAuditable(this.store)) throw new Error(`the audit store ${this.store.name} keeps no hash chains`);
    const streamId = ticketStreamId(number);
    const events = await this.store.readChain(streamId);
    if (events.length === 0) await this.requireKnown(number);
    return { streamId, events };
  }

  /** A number the gateway allocated whose first event is not recorded yet exists; any other is a 404. */
  private async requireKnown(number: string): Promise<void> {
    if (!isTicketNumber(number) || !(await this.access.ownerOf(number))) throw ticketNotFound(number);
  }
}
