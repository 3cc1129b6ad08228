/**
 * Ticket events: what happened, as a discriminated union. The stream `ticket-<number>` holds them,
 * one per transition; who did it is in the event's metadata.
 */
import type { Priority, SeverityScheme } from './severity';

export type TicketType = 'incident' | 'serviceRequest' | 'imac' | 'change';
export type Responsibility = 'vendor' | 'partner' | 'clientProject' | 'clientInfrastructure';
export type NotificationKind =
  | 'refused'
  | 'firstResponse'
  | 'update'
  | 'clarificationRequested'
  | 'clarificationReminder'
  | 'fixProposed'
  | 'resolved'
  | 'acceptedByTimeout'
  | 'cancelled'
  | 'closed';

export interface Quartet {
  service: string;
  category: string;
  item: string;
  impact?: string;
}

export interface TicketOpened {
  type: 'TicketOpened';
  data: {
    number: string;
    customerId: string;
    requester: string;
    title: string;
    description: string;
    severity: string;
    openedAt: string;
    product?: string;
    productVersion?: string;
    quartet?: Quartet;
    intake?: Record<string, string | number | boolean>;
    relatedTo?: string;
  };
}

export interface CustomerIdentified {
  type: 'CustomerIdentified';
  data: {
    customerName: string;
    contractId: string;
    plan?: string;
    /** 004 IL helpdesk: the customer's own quartet table in the policy (the directory's `quartetTable`). */
    quartetTable?: string;
    presetId: string;
    policy: { id: string; version: number };
    calendarId: string;
    severityScheme: SeverityScheme;
    priority: Priority;
    clarificationOutcome: 'resolveNoResponse' | 'keepWaiting';
    /** 003 BPMSoft: one request at a time per client; the ticket waits its turn in the customer's queue. */
    sequentialQueue?: boolean;
    /** Identities of the compiled calendars the ticket runs on (absent on tickets opened before they were recorded). */
    calendars?: Array<{ id: string; version: number; hash: string }>;
  };
}

/** 003 BPMSoft: another request of this client is being worked on; analysis starts when it is resolved. */
export interface TicketQueued {
  type: 'TicketQueued';
  data: { ahead: string[] };
}

export interface AnalysisStarted {
  type: 'AnalysisStarted';
  data: { waitedFor: string[] };
}

export interface TicketRefused {
  type: 'TicketRefused';
  data: { code: string; reason: string };
}

export interface TicketClassified {
  type: 'TicketClassified';
  data: {
    severity: string;
    priority: Priority;
    ticketType: TicketType;
    responsibility: Responsibility;
    quartet?: Quartet;
    reason: string;
  };
}

export interface FirstResponseSent {
  type: 'FirstResponseSent';
  data: { message: string; eta?: string };
}

export interface CustomerUpdateSent {
  type: 'CustomerUpdateSent';
  data: { message: string; eta?: string };
}

export interface ClarificationRequested {
  type: 'ClarificationRequested';
  data: { questions: string[]; dueAt: string; reminderAt: string };
}

export interface ClarificationReminderSent {
  type: 'ClarificationReminderSent';
  data: { dueAt: string };
}

export interface ClarificationAnswered {
  type: 'ClarificationAnswered';
  data: { answer: string };
}

export interface ClarificationExpired {
  type: 'ClarificationExpired';
  data: { dueAt: string; outcome: 'resolveNoResponse' | 'keepWaiting' };
}

export interface WorkaroundProvided {
  type: 'WorkaroundProvided';
  data: { description: string; severity: string; priority: Priority };
}

export interface HotfixApplied {
  type: 'HotfixApplied';
  data: { description: string };
}

export interface FixProposed {
  type: 'FixProposed';
  data: { proposalId: number; description: string };
}

export interface FixApproved {
  type: 'FixApproved';
  data: { proposalId: number };
}

export interface FixRejected {
  type: 'FixRejected';
  data: { proposalId: number; reason: string };
}

export interface FixImplemented {
  type: 'FixImplemented';
  data: { proposalId: number; note: string };
}

export interface TicketResolved {
  type: 'TicketResolved';
  data: {
    resolution: 'fixed' | 'noCustomerResponse';
    solution: string;
    measures: string;
    prevention: string;
    acceptanceDueAt: string;
  };
}

export interface ResolutionAccepted {
  type: 'ResolutionAccepted';
  data: { by: 'customer' | 'timeout'; feedbackDueAt: string };
}

export interface TicketReopened {
  type: 'TicketReopened';
  data: { reason: string };
}

export interface FeedbackGiven {
  type: 'FeedbackGiven';
  data: { score?: number; comment?: string };
}

export interface TicketClosed {
  type: 'TicketClosed';
  data: { feedback: 'given' | 'windowExpired' };
}

/** 000 Balasys: for a critical case the engineer asks for, and records, the business impact. */
export interface BusinessImpactRecorded {
  type: 'BusinessImpactRecorded';
  data: { impact: string };
}

export interface TicketCancelled {
  type: 'TicketCancelled';
  data: { reason: string };
}

/** The outbox: a notification is an event first, delivered by an activity keyed by its position. */
export interface CustomerNotified {
  type: 'CustomerNotified';
  data: { kind: NotificationKind; to: string; subject: string };
}

export type TicketEvent =
  | TicketOpened
  | CustomerIdentified
  | TicketQueued
  | AnalysisStarted
  | TicketRefused
  | TicketClassified
  | FirstResponseSent
  | CustomerUpdateSent
  | ClarificationRequested
  | ClarificationReminderSent
  | ClarificationAnswered
  | ClarificationExpired
  | WorkaroundProvided
  | HotfixApplied
  | FixProposed
  | FixApproved
  | FixRejected
  | FixImplemented
  | TicketResolved
  | ResolutionAccepted
  | TicketReopened
  | FeedbackGiven
  | TicketClosed
  | TicketCancelled
  | BusinessImpactRecorded
  | CustomerNotified;

export type TicketEventType = TicketEvent['type'];

export const ticketStreamId = (ticketNumber: string): string => `ticket-${ticketNumber}`;
