/** The activities' contract as the workflow sees it: types only, the implementations live in libs/worker. */
import type { CustomerIdentified, Quartet, SlaSetup, TicketEvent } from '@caseflow/domain';

export type { SlaSetup };

export interface EventEnvelopeMetadata {
  /** `role:id`; a customer is `customer-contact:<subject id>`, never an e-mail address. */
  actor: string;
  /** The ticket requester's opaque subject id: the store seals the event's personal fields under its key. */
  dataSubject: string;
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

export interface IdentifyTicketInput {
  customerId: string;
  requester: string;
  severity: string;
  product?: string;
  productVersion?: string;
  quartet?: Quartet;
  intake?: Record<string, unknown>;
  at: string;
}

export type IdentifyTicketResult =
  { ok: true; identified: CustomerIdentified['data']; sla: SlaSetup } | { ok: false; code: string; reason: string };

export interface DeliverNotificationInput {
  ticketNumber: string;
  /** Stream position of the CustomerNotified (or StaffNotified) event: the delivery's idempotency key. */
  position: number;
  /** Absent: the customer (notifications recorded before staff were notified too). */
  audience?: 'customer' | 'staff';
  kind: string;
  to: string;
  subject: string;
}

export interface ResolveDataSubjectInput {
  /** A person's e-mail address. */
  email: string;
}

export interface TicketActivities {
  /** The person's opaque subject id (created on first use), kept in a mutable table outside the log. */
  resolveDataSubject(input: ResolveDataSubjectInput): Promise<{ subjectId: string }>;
  appendTicketEvent(input: AppendTicketEventInput): Promise<{ position: number }>;
  identifyTicket(input: IdentifyTicketInput): Promise<IdentifyTicketResult>;
  deliverNotification(input: DeliverNotificationInput): Promise<void>;
}
