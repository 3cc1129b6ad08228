import type { TicketEventType } from '@caseflow/domain';
import type { RecordedEvent } from '@caseflow/event-store';

/** A `projection_timeline` row as the projector writes it: the event's data as stored (sealed). */
export interface TimelineRow {
  number: string;
  position: number;
  stream_id: string;
  event_id: string;
  at: string;
  type: string;
  actor: string;
  visibility: 'public' | 'internal';
  data: unknown;
}

/**
 * Staff-only entries: what staff are told, the update duty's reminders, and internal notes. Every
 * other event is an action the customer may see (004's transparent timeline: who handles it,
 * since when, who is responsible, the service window).
 */
const INTERNAL_TYPES: ReadonlySet<string> = new Set<TicketEventType>([
  'StaffNotified',
  'UpdateReminderSent',
  'UpdateOverdue',
]);

/** Fields a customer is not shown in an entry it may see: 002's second-level brief, delivery addresses, contract internals. */
export const HIDDEN_FROM_CUSTOMERS: Readonly<Partial<Record<TicketEventType, readonly string[]>>> = {
  TicketHandedOver: ['brief'],
  CustomerNotified: ['to'],
  CustomerIdentified: ['calendars', 'quartetTable'],
};

export function visibilityOf(event: Pick<RecordedEvent, 'type' | 'data'>): 'public' | 'internal' {
  if (INTERNAL_TYPES.has(event.type)) return 'internal';
  if (event.type === 'CommentAdded' && (event.data as { visibility?: unknown }).visibility !== 'public')
    return 'internal';
  return 'public';
}

export function timelineRow(number: string, event: RecordedEvent): TimelineRow {
  return {
    number,
    position: event.position,
    stream_id: event.streamId,
    event_id: event.id,
    at: event.metadata.occurredAt,
    type: event.type,
    actor: typeof event.metadata.actor === 'string' ? event.metadata.actor : 'unknown',
    visibility: visibilityOf(event),
    data: event.data,
  };
}

type Data = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

const SUMMARIES: Partial<Record<TicketEventType, (d: Data) => string>> = {
  TicketOpened: (d) => `Opened: ${text(d.title)} (severity ${text(d.severity)})`,
  CustomerIdentified: (d) => `Identified: ${text(d.customerName)}, priority ${text(d.priority)}`,
  TicketQueued: (d) => `Queued behind ${(d.ahead as unknown[] | undefined)?.length ?? 0} ticket(s) of the customer`,
  TicketPrioritized: (d) => `Moved to the front of the customer's queue, as agreed: ${text(d.reason)}`,
  AnalysisStarted: () => 'Analysis started',
  TicketRefused: (d) => `Refused (${text(d.code)}): ${text(d.reason)}`,
  TicketClassified: (d) =>
    `Classified: severity ${text(d.severity)}, priority ${text(d.priority)}, ${text(d.ticketType)}`,
  FirstResponseSent: (d) => `First response: ${text(d.message)}`,
  CustomerUpdateSent: (d) => `Update: ${text(d.message)}`,
  ClarificationRequested: (d) => `Clarification requested: ${((d.questions as unknown[]) ?? []).map(text).join(' / ')}`,
  ClarificationReminderSent: (d) => `Clarification reminder (answer due ${text(d.dueAt)})`,
  ClarificationAnswered: (d) => `Clarification answered: ${text(d.answer)}`,
  ClarificationExpired: (d) => `Clarification not answered by ${text(d.dueAt)}`,
  WorkaroundProvided: (d) => `Workaround: ${text(d.description)}`,
  HotfixApplied: (d) => `Hotfix applied: ${text(d.description)}`,
  FixProposed: (d) => `Fix proposed: ${text(d.description)}`,
  FixApproved: () => 'Fix approved',
  FixRejected: (d) => `Fix rejected: ${text(d.reason)}`,
  FixImplemented: (d) => `Fix implemented: ${text(d.note)}`,
  TicketResolved: (d) => `Resolved: ${text(d.solution)}`,
  ResolutionAccepted: (d) => `Resolution accepted (${text(d.by)})`,
  TicketReopened: (d) => `Reopened: ${text(d.reason)}`,
  FeedbackGiven: (d) =>
    `Feedback${typeof d.score === 'number' ? ` ${d.score}/5` : ''}${d.comment ? `: ${text(d.comment)}` : ''}`,
  TicketClosed: () => 'Closed',
  TicketCancelled: (d) => `Cancelled: ${text(d.reason)}`,
  BusinessImpactRecorded: (d) => `Business impact: ${text(d.impact)}`,
  CustomerNotified: (d) => `Customer notified (${text(d.kind)}): ${text(d.subject)}`,
  StaffNotified: (d) => `Staff notified (${text(d.kind)}) ${text(d.to)}: ${text(d.subject)}`,
  EscalationRequested: (d) => `Escalation requested: ${text(d.reason)}`,
  EscalationAccepted: (d) => `Escalation accepted (level ${text(d.level)}): ${text(d.actionPlan)}`,
  EscalationDeclined: (d) => `Escalation declined: ${text(d.reason)}`,
  EscalationLowered: (d) => `Escalation lowered: ${text(d.reason)}`,
  TicketAssigned: (d) => `Assigned to ${text(d.assignee)}: ${text(d.reason)}`,
  TicketHandedOver: (d) => `Handed over ${text(d.from)} → ${text(d.to)} (${text(d.assignee)}): ${text(d.reason)}`,
  CommentAdded: (d) => `${d.visibility === 'internal' ? 'Internal note' : 'Comment'}: ${text(d.text)}`,
  UpdateReminderSent: (d) => `Customer update due ${text(d.dueAt)}`,
  UpdateOverdue: (d) => `Customer update overdue since ${text(d.dueAt)}`,
};

/** One line saying what happened, from the entry's opened data. */
export function summaryOf(type: string, data: unknown): string {
  const describe = SUMMARIES[type as TicketEventType];
  return describe ? describe((data ?? {}) as Data) : type;
}

/** The entry's details for its audience: customers do not see the fields HIDDEN_FROM_CUSTOMERS names. */
export function detailsFor(type: string, data: unknown, audience: 'customer' | 'staff'): Record<string, unknown> {
  const details = { ...((data ?? {}) as Data) };
  if (audience === 'customer')
    for (const field of HIDDEN_FROM_CUSTOMERS[type as TicketEventType] ?? []) delete details[field];
  return details;
}
