import { evolveAround } from './evolve-around';
import type { CustomerIdentified, TicketEvent, TicketOpened } from './events';
import { ENTRY_TIER } from './tiers';
import type {
  Acceptance,
  CustomerProfile,
  FixProposal,
  IdentifyingTicket,
  Resolution,
  TicketState,
} from './ticket-state';

export interface DatedTicketEvent {
  event: TicketEvent;
  at: string;
}

/**
 * Folds one event into the state. `at` is when it happened (the event's occurredAt metadata): the
 * state keeps the instants the SLA clocks and auditors need.
 */
export function evolve(state: TicketState | undefined, event: TicketEvent, at: string): TicketState {
  if (event.type === 'TicketOpened') return opened(event);
  if (!state) throw new Error(`${event.type} before TicketOpened`);
  const next = { ...state, version: state.version + 1, updatedAt: at };
  switch (event.type) {
    case 'CustomerIdentified':
      return identifiedBy(next, event, at);
    case 'TicketQueued':
      return { ...identified(next), phase: 'queued', queue: { ahead: event.data.ahead } };
    case 'TicketPrioritized':
      return next.phase === 'queued' ? { ...next, queue: { ahead: event.data.ahead } } : next;
    case 'AnalysisStarted':
      return { ...identified(next), phase: 'understand', queue: undefined };
    case 'TicketRefused':
      return { ...next, phase: 'refused', refusal: { ...event.data } };
    case 'TicketClassified': {
      const { severity, priority, ticketType, responsibility, quartet } = event.data;
      return { ...next, severity, priority, ticketType, responsibility, ...(quartet ? { quartet } : {}) };
    }
    case 'FirstResponseSent':
      return {
        ...next,
        firstResponseAt: at,
        lastCustomerUpdateAt: at,
        ...(event.data.eta ? { eta: event.data.eta } : {}),
      };
    case 'CustomerUpdateSent':
      return { ...next, lastCustomerUpdateAt: at, ...(event.data.eta ? { eta: event.data.eta } : {}) };
    case 'ClarificationRequested':
      return { ...next, clarification: { ...event.data, requestedAt: at, reminded: false, expired: false } };
    case 'ClarificationReminderSent':
      return { ...next, clarification: state.clarification && { ...state.clarification, reminded: true } };
    case 'ClarificationAnswered':
      return { ...next, clarification: undefined };
    case 'ClarificationExpired':
      // "keep waiting": the question stays open, only marked overdue.
      return { ...next, clarification: state.clarification && { ...state.clarification, expired: true } };
    case 'WorkaroundProvided':
      return {
        ...identified(next),
        phase: 'fix',
        severity: event.data.severity,
        priority: event.data.priority,
        workaround: { description: event.data.description, at },
      };
    case 'HotfixApplied':
      return { ...identified(next), phase: 'confirm' };
    case 'FixProposed':
      return {
        ...identified(next),
        phase: 'awaitingApproval',
        proposal: { id: event.data.proposalId, description: event.data.description, status: 'awaitingApproval' },
      };
    case 'FixApproved': {
      const proposing = withProposal(identified(next));
      return { ...proposing, phase: 'implementing', proposal: { ...proposing.proposal, status: 'approved' } };
    }
    case 'FixRejected':
      return {
        ...identified(next),
        phase: 'fix',
        proposal: state.proposal && { ...state.proposal, status: 'rejected', rejectionReason: event.data.reason },
      };
    case 'FixImplemented':
      return {
        ...identified(next),
        phase: 'confirm',
        proposal: state.proposal && { ...state.proposal, status: 'implemented' },
      };
    case 'TicketResolved': {
      const { resolution, solution, measures, prevention, acceptanceDueAt } = event.data;
      return {
        ...identified(next),
        phase: 'acceptance',
        clarification: undefined,
        resolution: { kind: resolution, solution, measures, prevention, at, acceptanceDueAt },
      };
    }
    case 'ResolutionAccepted':
      return {
        ...withResolution(identified(next)),
        phase: 'feedback',
        acceptance: { by: event.data.by, at, feedbackDueAt: event.data.feedbackDueAt },
      };
    case 'TicketReopened':
      return {
        ...identified(next),
        phase: 'fix',
        resolution: undefined,
        clarification: undefined,
        reopenCount: state.reopenCount + 1,
      };
    case 'FeedbackGiven':
      return { ...next, feedback: { ...event.data } };
    case 'TicketClosed':
      return { ...withAcceptance(withResolution(identified(next))), phase: 'closed' };
    case 'TicketCancelled':
      return { ...next, phase: 'cancelled', clarification: undefined, cancellation: { reason: event.data.reason, at } };
    case 'BusinessImpactRecorded':
      return { ...next, businessImpact: event.data.impact };
    case 'CustomerNotified':
      return { ...next, notifications: state.notifications + 1 };
    case 'StaffNotified':
      return next;
    case 'EscalationRequested':
    case 'EscalationAccepted':
    case 'EscalationDeclined':
    case 'EscalationLowered':
    case 'TicketAssigned':
    case 'TicketHandedOver':
    case 'CommentAdded':
    case 'UpdateReminderSent':
    case 'UpdateOverdue':
      return evolveAround(identified(next), event, at);
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown ticket event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export function foldTicket(events: readonly DatedTicketEvent[]): TicketState | undefined {
  return events.reduce<TicketState | undefined>((state, { event, at }) => evolve(state, event, at), undefined);
}

function opened(event: TicketOpened): IdentifyingTicket {
  const { number, customerId, requester, title, severity, openedAt, quartet } = event.data;
  return {
    number,
    customerId,
    requester,
    title,
    severity,
    phase: 'identify',
    openedAt,
    updatedAt: openedAt,
    version: 1,
    ticketType: 'incident',
    responsibility: 'vendor',
    reopenCount: 0,
    notifications: 0,
    tier: ENTRY_TIER,
    ...(quartet ? { quartet } : {}),
  };
}

function identifiedBy(next: TicketState, event: CustomerIdentified, at: string): TicketState {
  const {
    customerName,
    plan,
    quartetTable,
    presetId,
    policy,
    calendarId,
    severityScheme,
    priority,
    clarificationOutcome,
    support,
  } = event.data;
  const customer: CustomerProfile = {
    name: customerName,
    plan,
    ...(quartetTable ? { quartetTable } : {}),
    presetId,
    policy,
    calendarId,
    severityScheme,
    clarificationOutcome,
  };
  // 003: a client's requests are analysed one at a time; the ticket starts in the queue.
  // 004: with a quartet the table's priority is the ticket's severity too.
  const severity = severityScheme === 'quartet' ? priority : next.severity;
  const assignment = support && {
    tier: support.tier,
    ...(support.assignee ? { assignee: support.assignee, assignedAt: at } : {}),
    ...(support.dedicated ? { dedicated: support.dedicated } : {}),
  };
  const known = { ...next, ...assignment, severity, priority, customer };
  return event.data.sequentialQueue
    ? { ...known, phase: 'queued', queue: { ahead: [] } }
    : { ...known, phase: 'understand' };
}

/*
 * A stream where these fail is not a ticket's: an event that needs an earlier one came without it
 * (work before CustomerIdentified, an approval before a proposal, acceptance before resolution).
 */
function identified<T extends TicketState>(state: T): T & { customer: CustomerProfile } {
  if (!state.customer) throw outOfOrder(state, 'its customer is not identified');
  return { ...state, customer: state.customer };
}

function withProposal<T extends TicketState>(state: T): T & { proposal: FixProposal } {
  if (!state.proposal) throw outOfOrder(state, 'no fix was proposed');
  return { ...state, proposal: state.proposal };
}

function withResolution<T extends TicketState>(state: T): T & { resolution: Resolution } {
  if (!state.resolution) throw outOfOrder(state, 'it is not resolved');
  return { ...state, resolution: state.resolution };
}

function withAcceptance<T extends TicketState>(state: T): T & { acceptance: Acceptance } {
  if (!state.acceptance) throw outOfOrder(state, 'its resolution is not accepted');
  return { ...state, acceptance: state.acceptance };
}

const outOfOrder = (state: TicketState, why: string): Error =>
  new Error(`ticket ${state.number} (phase ${state.phase}, version ${state.version}): ${why}`);
