/**
 * The read side's port: what the gateway's read routes ask of the projections. The projector
 * (fed by the event store's subscription) keeps the tables behind it; nothing here talks to Temporal.
 */
import type { TicketPhase } from '@caseflow/domain';

/** The worst SLA status of a ticket as of the moment asked, from stored deadlines compared with now. */
export type SlaStatusFilter = 'none' | 'running' | 'warned' | 'breached' | 'paused' | 'met';

/** One ticket as lists and `GET /v1/tickets/:number` show it. Personal values are opened on read. */
export interface TicketSummary {
  number: string;
  customerId: string;
  /** The requester's opaque subject id (never the address). */
  requesterSubject: string;
  /** Opened from its sealed form on read; '[erased]' once the requester was erased. */
  title: string;
  type: string;
  severity: string;
  priority: string | null;
  phase: TicketPhase;
  assignee: string | null;
  tier: string | null;
  responsibility: string;
  channel: string | null;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  reopenCount: number;
  /** As of now: computed from the stored warning and due instants, never a stale column. */
  sla: { status: SlaStatusFilter; nextDeadline: string | null };
  csat: number | null;
  /** The ticket stream's last position folded into this row (read-your-writes compares with it). */
  version: number;
}

export interface TicketFilter {
  customerId?: string;
  phase?: TicketPhase[];
  severity?: string[];
  priority?: string[];
  type?: string[];
  assignee?: string;
  tier?: string;
  slaStatus?: SlaStatusFilter[];
  deadlineBefore?: string;
  deadlineAfter?: string;
  openedFrom?: string;
  openedTo?: string;
  /** Free text on the title (case-insensitive words). */
  text?: string;
}

export interface PageRequest {
  /** 1..200, default 50. */
  limit?: number;
  /** Opaque, from the previous page's nextCursor. */
  cursor?: string;
}

export interface TicketPage {
  items: TicketSummary[];
  /** null on the last page. The order is stable: openedAt descending, then number descending. */
  nextCursor: string | null;
}

/** A customer-visible (or, for staff, any) entry of a ticket's timeline. */
export interface TimelineEntry {
  position: number;
  at: string;
  type: string;
  /** `customer-contact:<subject>`, `engineer:eve`, `system`… */
  actor: string;
  visibility: 'public' | 'internal';
  /** What the entry says, personal text opened on read ('[erased]' after erasure). */
  summary: string;
  details: Record<string, unknown>;
}

export type TimelineAudience = 'customer' | 'staff';

export interface ProjectionLag {
  /** Global position of the last event the projector applied (checkpoint). */
  position: number;
  /** The store's highest committed global position. */
  head: number;
  /** head − position while a ticket event waits beyond the checkpoint; 0 when none does. */
  lag: number;
}

export interface TicketReadModel {
  list(filter: TicketFilter, page: PageRequest, now: Date): Promise<TicketPage>;
  get(number: string, now: Date): Promise<TicketSummary | undefined>;
  /** Customer audience: public entries only; internal notes never appear. */
  timeline(number: string, audience: TimelineAudience): Promise<TimelineEntry[]>;
  /** Resolves true once the ticket's row has folded at least `version`, false after `timeoutMs`. */
  waitForVersion(number: string, version: number, timeoutMs: number): Promise<boolean>;
  lag(): Promise<ProjectionLag>;
}

/** Nest token of the TicketReadModel (libs/projections' ProjectionsModule provides it). */
export const TICKET_READ_MODEL = Symbol('TICKET_READ_MODEL');
