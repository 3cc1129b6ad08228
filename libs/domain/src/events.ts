/** Ticket events: what happened, as a discriminated union. The stream `ticket-<number>` holds them. */
export type Severity = 'S1' | 'S2' | 'S3' | 'S4';
export const SEVERITIES: readonly Severity[] = ['S1', 'S2', 'S3', 'S4'];

export interface TicketOpened {
  type: 'TicketOpened';
  data: {
    number: string;
    customerId: string;
    requester: string;
    title: string;
    description: string;
    severity: Severity;
    openedAt: string;
  };
}

export type TicketEvent = TicketOpened;
export type TicketEventType = TicketEvent['type'];

export const ticketStreamId = (ticketNumber: string): string => `ticket-${ticketNumber}`;
