/**
 * Messages and search attributes of the ticket workflow, shared by the workflow and the gateway.
 * Pure declarations only: this file is bundled into the workflow sandbox.
 */
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, TicketCommand, TicketOpened, TicketState } from '@caseflow/domain';
import type { SlaClocks } from '@caseflow/sla';

export const TICKET_TASK_QUEUE = 'caseflow-tickets';

/** What a ticket is opened with: its TicketOpened event, less the instant the workflow records. */
export type OpenTicketInput = Omit<TicketOpened['data'], 'openedAt'>;

/** The ticket workflow's type name and signature: clients start it by name, never by importing workflows/. */
export const TICKET_WORKFLOW_TYPE = 'ticketWorkflow';
export type TicketWorkflow = (input: OpenTicketInput) => Promise<TicketState>;

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
}
export interface QueueState {
  active?: string;
  waiting: string[];
}
export interface PrioritizeRequest {
  ticket: string;
  actor: Actor;
  /** The agreement with the client to change the order (003 BPMSoft). */
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
