import type { Severity, TicketEvent } from './events';

export type TicketPhase = 'identify';

export interface TicketState {
  number: string;
  customerId: string;
  requester: string;
  title: string;
  severity: Severity;
  phase: TicketPhase;
  openedAt: string;
  updatedAt: string;
  /** Events folded so far: also the stream position the next append expects. */
  version: number;
}

export function evolve(_state: TicketState | undefined, event: TicketEvent): TicketState {
  switch (event.type) {
    case 'TicketOpened': {
      const { number, customerId, requester, title, severity, openedAt } = event.data;
      return { number, customerId, requester, title, severity, phase: 'identify', openedAt, updatedAt: openedAt, version: 1 };
    }
    default: {
      const unknownEvent: never = event.type;
      throw new Error(`unknown ticket event ${String(unknownEvent)}`);
    }
  }
}

export function foldTicket(events: readonly TicketEvent[]): TicketState | undefined {
  return events.reduce<TicketState | undefined>(evolve, undefined);
}
