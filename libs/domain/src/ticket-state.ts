import type { UpdateFrequency } from './escalation';
import type { CustomerIdentified, DeescalationCause, Quartet, Responsibility, TicketType } from './events';
import type { Priority } from './severity';
import type { Tier } from './tiers';

/** What identification established about the customer, as its CustomerIdentified event says. */
export type CustomerProfile = { name: string } & Pick<
  CustomerIdentified['data'],
  'plan' | 'quartetTable' | 'presetId' | 'policy' | 'calendarId' | 'severityScheme' | 'clarificationOutcome'
>;

export interface Clarification {
  questions: string[];
  requestedAt: string;
  dueAt: string;
  reminderAt: string;
  reminded: boolean;
  expired: boolean;
}

export interface FixProposal {
  id: number;
  description: string;
  status: 'awaitingApproval' | 'approved' | 'rejected' | 'implemented';
  rejectionReason?: string;
}

export interface Resolution {
  kind: 'fixed' | 'noCustomerResponse';
  solution: string;
  measures: string;
  prevention: string;
  at: string;
  acceptanceDueAt: string;
}

export interface Acceptance {
  by: 'customer' | 'timeout';
  at: string;
  feedbackDueAt: string;
}

/** 000: what the manager agreed when accepting an escalation. */
export interface EscalationAgreement {
  at: string;
  /** The severity before the escalation raised it (restored when the customer misses an agreed activity). */
  severityBefore: string;
  severity?: string;
  specialist?: string;
  actionPlan: string;
  channels: string[];
  updateFrequency: UpdateFrequency;
  participants: string[];
}

/** 000: the ticket's escalation: a request waiting for the manager, the agreement in force, the last outcome. */
export interface Escalation {
  /** Accepted escalations in force: 0 once lowered. */
  level: number;
  pending?: { reason: string; at: string };
  agreement?: EscalationAgreement;
  declined?: { reason: string; at: string };
  lowered?: { cause: DeescalationCause; reason: string; at: string };
}

/** The update cadence as a duty: for the cycle that started at `cycleStartedAt`, what was recorded. */
export interface UpdateDuty {
  cycleStartedAt: string;
  dueAt: string;
  reminded: boolean;
  overdue: boolean;
}

/**
 * The fields of a ticket in any phase. Those that only some phases are sure to have are optional
 * here; the phase types below make them required where the lifecycle guarantees them.
 */
interface TicketFields {
  number: string;
  customerId: string;
  requester: string;
  title: string;
  severity: string;
  openedAt: string;
  updatedAt: string;
  /** Events folded so far: also the stream position the next append expects. */
  version: number;
  customer?: CustomerProfile;
  priority?: Priority;
  ticketType: TicketType;
  responsibility: Responsibility;
  quartet?: Quartet;
  refusal?: { code: string; reason: string };
  /** 003: tickets of the same client ahead of this one while it waits its turn. */
  queue?: { ahead: string[] };
  firstResponseAt?: string;
  eta?: string;
  lastCustomerUpdateAt?: string;
  clarification?: Clarification;
  workaround?: { description: string; at: string };
  proposal?: FixProposal;
  resolution?: Resolution;
  acceptance?: Acceptance;
  reopenCount: number;
  feedback?: { score?: number; comment?: string };
  cancellation?: { reason: string; at: string };
  businessImpact?: string;
  notifications: number;
  /** 002/004: the tier working on the ticket, and who in it (named from identification on when the directory names people). */
  tier: Tier;
  assignee?: string;
  assignedAt?: string;
  /** 004: the customer's dedicated people (the pair), the default assignees. */
  dedicated?: string[];
  escalation?: Escalation;
  /**
   * Public comments so far. Texts stay in the stream, and internal notes are not even counted: this
   * state is what customers read, and a note must never reach them.
   */
  comments?: number;
  updateDuty?: UpdateDuty;
}

type Identified = { customer: CustomerProfile };

/** Opened; identification is running. */
export type IdentifyingTicket = TicketFields & { phase: 'identify' };
/** Identification said no: the ticket ends here. */
export type RefusedTicket = TicketFields & { phase: 'refused'; refusal: { code: string; reason: string } };
/** 003: identified, waiting for its turn in the customer's queue. */
export type QueuedTicket = TicketFields & Identified & { phase: 'queued'; queue: { ahead: string[] } };
/** Being worked on: understanding the problem, the fix loop, confirming a fix. */
export type WorkedOnTicket = TicketFields & Identified & { phase: 'understand' | 'fix' | 'confirm' };
/** A documented fix waits for the customer's approval, or is being implemented. */
export type FixProposedTicket = TicketFields &
  Identified & { phase: 'awaitingApproval' | 'implementing'; proposal: FixProposal };
/** Resolved: the customer's acceptance window runs. */
export type ResolvedTicket = TicketFields & Identified & { phase: 'acceptance'; resolution: Resolution };
/** Accepted: the feedback window runs, then the ticket is closed. */
export type AcceptedTicket = TicketFields &
  Identified & { phase: 'feedback' | 'closed'; resolution: Resolution; acceptance: Acceptance };
export type CancelledTicket = TicketFields & { phase: 'cancelled'; cancellation: { reason: string; at: string } };

/** A ticket as its events made it: the phase says which fields it is sure to have. */
export type TicketState =
  | IdentifyingTicket
  | RefusedTicket
  | QueuedTicket
  | WorkedOnTicket
  | FixProposedTicket
  | ResolvedTicket
  | AcceptedTicket
  | CancelledTicket;

export type TicketPhase = TicketState['phase'];

/** The ticket in one of the phases `P`, with every field those phases guarantee. */
export type TicketIn<P extends TicketPhase> = TicketState & { phase: P };

/** A ticket whose customer identification has established (every phase from queued to closed). */
export type IdentifiedTicket = TicketState & Identified;

export const TERMINAL_PHASES: readonly TicketPhase[] = ['closed', 'refused', 'cancelled'];

export function inPhase<P extends TicketPhase>(state: TicketState, phases: readonly P[]): state is TicketIn<P> {
  return (phases as readonly TicketPhase[]).includes(state.phase);
}

export function isIdentified(state: TicketState): state is IdentifiedTicket {
  return state.customer !== undefined;
}

export const isTerminal = (state: TicketState): boolean => TERMINAL_PHASES.includes(state.phase);
