/** The activities' contract as the workflow sees it: types only, the implementations live in apps/worker. */
import type { TicketEvent } from '../libs/domain/src';

export interface EventEnvelopeMetadata {
  actor: string;
  occurredAt: string;
  correlationId: string;
  causationId?: string;
  policyVersion?: string;
}

export interface AppendTicketEventInput {
  ticketNumber: string;
  /** The stream's last position the workflow knows of: its own count of recorded events. */
  expectedPosition: number;
  eventId: string;
  event: TicketEvent;
  metadata: EventEnvelopeMetadata;
}

export interface TicketActivities {
  appendTicketEvent(input: AppendTicketEventInput): Promise<{ position: number }>;
}
