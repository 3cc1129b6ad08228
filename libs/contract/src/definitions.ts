/**
 * Messages and search attributes of the ticket workflow, shared by the workflow and the gateway.
 * Pure declarations only: this file is bundled into the workflow sandbox.
 */
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, SlaSetup, TicketCommand, TicketOpened, TicketState } from '@caseflow/domain';
import type { SlaClocks, SlaEvent } from '@caseflow/sla';

export const TICKET_TASK_QUEUE = 'caseflow-tickets';

/** What a ticket is opened with: its TicketOpened event, less the instant the workflow records. */
export type OpenTicketInput = Omit<TicketOpened['data'], 'openedAt'>;

/**
 * What one run hands the next when it continues as new: the fold so far (its version is the
 * stream position the next append expects), the SLA clocks' events and setup (deadlines are
 * absolute instants in both), and what the run learned on the way.
 */
export interface ContinuedTicket {
  state: TicketState;
  slaEvents: SlaEvent[];
  sla: SlaSetup;
  /**
   * Subject ids by e-mail, as the first runs carried them (b318896). Still read, so their histories
   * replay; no longer written: the next run looks them up again, keeping addresses out of its input.
   */
  subjects?: Array<[string, string]>;
  inQueue: boolean;
  queueTurn?: QueueTurn;
  /** The queue's reorders that reached the run after its last loop (signals delivered just before it continued). */
  prioritizations?: QueuePrioritization[];
  /** Tickets identified before assignment was recorded: the engineer who last acted. */
  lastEngineer?: string;
  /** Ids of the latest updates handled: a client retrying one after continue-as-new gets the state, not a second event. */
  handledUpdates: string[];
  /** Runs so far (1 for the first). */
  run: number;
}

export interface TicketRunOptions {
  continued?: ContinuedTicket;
  /** Continue as new once the history holds this many events (or when the server suggests it). */
  continueAsNewAfter?: number;
}

/** The ticket workflow's type name and signature: clients start it by name, never by importing workflows/. */
export const TICKET_WORKFLOW_TYPE = 'ticketWorkflow';
export type TicketWorkflow = (input: OpenTicketInput, options?: TicketRunOptions) => Promise<TicketState>;

/**
 * The one line Temporal UI shows for a ticket (its static summary): number, customer and severity,
 * never the title or anyone's name, which are personal data.
 */
export const ticketSummary = ({
  number,
  customerId,
  severity,
}: Pick<OpenTicketInput, 'number' | 'customerId' | 'severity'>): string => `${number} · ${customerId} · ${severity}`;

/** Before its first event is recorded a ticket is only "opening". */
export type TicketView = TicketState | { number: string; phase: 'opening' };

export interface TicketCommandRequest {
  actor: Actor;
  command: TicketCommand;
}

export const ticketViewQuery = defineQuery<TicketView>('ticketView');
/** The live SLA clocks (null before the customer is identified). */
export const slaClocksQuery = defineQuery<SlaClocks | null>('slaClocks');
/** Every change a person makes: validated synchronously (phase, role, shape), then one event. */
export const ticketCommandUpdate = defineUpdate<TicketState, [TicketCommandRequest]>('ticketCommand');

/** 003 BPMSoft's sequential queue: one customer-queue workflow per client, `queue-<customerId>`. */
export const customerQueueId = (customerId: string): string => `queue-${customerId}`;
export interface QueueTurn {
  turn: boolean;
  /** Tickets ahead of this one when it has to wait. */
  ahead: string[];
  /** Staff moved this ticket to the front: who, the agreement with the client (a sealed reference), the queue's update id. */
  prioritized?: Omit<QueuePrioritization, 'ahead'>;
}
/** 003: the queue moved a waiting ticket to the front; the ticket records it as TicketPrioritized. */
export interface QueuePrioritization {
  actor: Actor;
  /** The agreement with the client, a sealed reference. */
  reason: string;
  /** What still goes first. */
  ahead: string[];
  /** The queue's update that moved it: a retried update (a later queue run) records nothing twice. */
  updateId?: string;
}
export interface QueueState {
  active?: string;
  waiting: string[];
}
export interface PrioritizeRequest {
  ticket: string;
  actor: Actor;
  /** The agreement with the client to change the order (003 BPMSoft); a sealed reference from the gateway. */
  reason: string;
}
/** Queue → ticket: your turn, or who is ahead of you. */
export const queueTurnSignal = defineSignal<[QueueTurn]>('queueTurn');
/** Ticket → queue. */
export const enqueueSignal = defineSignal<[string]>('enqueue');
export const releaseSignal = defineSignal<[string]>('release');
export const queueStateQuery = defineQuery<QueueState>('queueState');
export const prioritizeUpdate = defineUpdate<QueueState, [PrioritizeRequest]>('prioritize');

export const searchAttributes = {
  customer: defineSearchAttributeKey('CaseflowCustomer', 'KEYWORD'),
  severity: defineSearchAttributeKey('CaseflowSeverity', 'KEYWORD'),
  priority: defineSearchAttributeKey('CaseflowPriority', 'KEYWORD'),
  phase: defineSearchAttributeKey('CaseflowPhase', 'KEYWORD'),
  assignee: defineSearchAttributeKey('CaseflowAssignee', 'KEYWORD'),
  tier: defineSearchAttributeKey('CaseflowTier', 'KEYWORD'),
  slaStatus: defineSearchAttributeKey('CaseflowSlaStatus', 'KEYWORD'),
  nextDeadline: defineSearchAttributeKey('CaseflowNextDeadline', 'DATETIME'),
} as const;
