/**
 * Messages and search attributes of the ticket workflow, shared by the workflow and the gateway.
 * Pure declarations only: this file is bundled into the workflow sandbox.
 */
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery } from '@temporalio/workflow';
import type { Severity, TicketState } from '../libs/domain/src';

export const TICKET_TASK_QUEUE = 'caseflow-tickets';

export interface OpenTicketInput {
  number: string;
  customerId: string;
  requester: string;
  title: string;
  description: string;
  severity: Severity;
}

/** Before its first event is recorded a ticket is only "opening". */
export type TicketView = TicketState | { number: string; phase: 'opening' };

export const ticketViewQuery = defineQuery<TicketView>('ticketView');

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
