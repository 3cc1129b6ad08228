/**
 * Ticket events: what happened, as a discriminated union. The stream `ticket-<number>` holds them,
 * one per transition; who did it is in the event's metadata.
 */
import type { Priority, SeverityScheme } from './severity';
import type { SecondLevelBrief, Tier } from './tiers';
import type { UpdateFrequency } from './escalation';

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
  | 'closed'
  | 'comment'
  | 'escalationAccepted'
  | 'escalationDeclined'
  | 'escalationLowered'
  | 'handedOver';

/** What staff are told (the assignee, or every manager for an escalation request). */
export type StaffNotificationKind =
  'escalationRequested' | 'assigned' | 'customerComment' | 'updateDue' | 'updateOverdue';

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
    /**
     * Who works on it first (the directory's support block): the entry tier, and the customer's
     * dedicated people (004: the dedicated pair), the first of them the assignee. Absent on tickets
     * identified before assignment was recorded: tier L1, unassigned.
     */
    support?: { tier: Tier; assignee?: string; dedicated?: string[] };
  };
}

/** 003 BPMSoft: another request of this client is being worked on; analysis starts when it is resolved. */
export interface TicketQueued {
  type: 'TicketQueued';
  data: { ahead: string[] };
}

/**
 * 003 BPMSoft: the client and the vendor agreed to change the order; staff moved this waiting
 * ticket to the front of the customer's queue (`ahead`: what still goes first, the active one).
 */
export interface TicketPrioritized {
  type: 'TicketPrioritized';
  data: { ahead: string[]; reason: string };
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

/** The outbox towards staff: `to` is a staff id, or `role:manager` for every manager. */
export interface StaffNotified {
  type: 'StaffNotified';
  data: { kind: StaffNotificationKind; to: string; subject: string };
}

/** 000: the customer asks to raise the severity, giving the reason. */
export interface EscalationRequested {
  type: 'EscalationRequested';
  data: { reason: string };
}

/**
 * 000: the responsible manager accepts: raises the severity and/or puts a specialist on the case,
 * with the agreed action plan, communication channels, update frequency and participants.
 */
export interface EscalationAccepted {
  type: 'EscalationAccepted';
  data: {
    level: number;
    severity?: string;
    priority?: Priority;
    specialist?: string;
    actionPlan: string;
    channels: string[];
    updateFrequency: UpdateFrequency;
    participants: string[];
  };
}

export interface EscalationDeclined {
  type: 'EscalationDeclined';
  data: { reason: string };
}

/** Why an escalation ends (000): the severity dropped, or the customer missed an agreed activity. */
export type DeescalationCause = 'severityDropped' | 'customerMissedActivity';

/** 000: the escalation is lowered; with a severity when the escalation's raise is undone too. */
export interface EscalationLowered {
  type: 'EscalationLowered';
  data: { cause: DeescalationCause; reason: string; severity?: string; priority?: Priority };
}

/** Someone else in the same tier takes the ticket. */
export interface TicketAssigned {
  type: 'TicketAssigned';
  data: { assignee: string; reason: string };
}

/** 002/004: the ticket moves to another tier; from L1 to L2 with 002's brief. */
export interface TicketHandedOver {
  type: 'TicketHandedOver';
  data: { from: Tier; to: Tier; assignee: string; reason: string; brief?: SecondLevelBrief };
}

/** A comment from either side, or an internal note (`internal`), which customers never see. */
export interface CommentAdded {
  type: 'CommentAdded';
  data: { text: string; visibility: 'public' | 'internal'; author: 'customer' | 'staff' };
}

/** 000's cadence as a duty: the assignee is reminded before the next customer update is due. */
export interface UpdateReminderSent {
  type: 'UpdateReminderSent';
  data: { cycleStartedAt: string; dueAt: string };
}

/** The customer update of the cycle that started at `cycleStartedAt` was not sent by `dueAt`. */
export interface UpdateOverdue {
  type: 'UpdateOverdue';
  data: { cycleStartedAt: string; dueAt: string };
}

export type TicketEvent =
  | TicketOpened
  | CustomerIdentified
  | TicketQueued
  | TicketPrioritized
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
  | CustomerNotified
  | StaffNotified
  | EscalationRequested
  | EscalationAccepted
  | EscalationDeclined
  | EscalationLowered
  | TicketAssigned
  | TicketHandedOver
  | CommentAdded
  | UpdateReminderSent
  | UpdateOverdue;

export type TicketEventType = TicketEvent['type'];

export const ticketStreamId = (ticketNumber: string): string => `ticket-${ticketNumber}`;
