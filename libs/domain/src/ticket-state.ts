import type { CustomerIdentified, Quartet, Responsibility, TicketEvent, TicketType } from './events';
import type { Priority } from './severity';

export type TicketPhase =
  | 'identify'
  | 'queued'
  | 'understand'
  | 'fix'
  | 'awaitingApproval'
  | 'implementing'
  | 'confirm'
  | 'acceptance'
  | 'feedback'
  | 'closed'
  | 'refused'
  | 'cancelled';

export const TERMINAL_PHASES: readonly TicketPhase[] = ['closed', 'refused', 'cancelled'];

export interface TicketState {
  number: string;
  customerId: string;
  requester: string;
  title: string;
  severity: string;
  phase: TicketPhase;
  openedAt: string;
  updatedAt: string;
  /** Events folded so far: also the stream position the next append expects. */
  version: number;
  /** What identification established about the customer, as its CustomerIdentified event says. */
  customer?: { name: string } & Pick<
    CustomerIdentified['data'],
    'plan' | 'quartetTable' | 'presetId' | 'policy' | 'calendarId' | 'severityScheme' | 'clarificationOutcome'
  >;
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
  clarification?: {
    questions: string[];
    requestedAt: string;
    dueAt: string;
    reminderAt: string;
    reminded: boolean;
    expired: boolean;
  };
  workaround?: { description: string; at: string };
  proposal?: {
    id: number;
    description: string;
    status: 'awaitingApproval' | 'approved' | 'rejected' | 'implemented';
    rejectionReason?: string;
  };
  resolution?: {
    kind: 'fixed' | 'noCustomerResponse';
    solution: string;
    measures: string;
    prevention: string;
    at: string;
    acceptanceDueAt: string;
  };
  acceptance?: { by: 'customer' | 'timeout'; at: string; feedbackDueAt: string };
  reopenCount: number;
  feedback?: { score?: number; comment?: string };
  cancellation?: { reason: string; at: string };
  businessImpact?: string;
  notifications: number;
}

/**
 * Folds one event into the state. `at` is when it happened (the event's occurredAt metadata): the
 * state keeps the instants the SLA clocks and auditors need.
 */
export function evolve(state: TicketState | undefined, event: TicketEvent, at: string): TicketState {
  if (event.type === 'TicketOpened') {
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
      ...(quartet ? { quartet } : {}),
    };
  }
  if (!state) throw new Error(`${event.type} before TicketOpened`);
  const next: TicketState = { ...state, version: state.version + 1, updatedAt: at };
  switch (event.type) {
    case 'CustomerIdentified': {
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
      } = event.data;
      const customer = {
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
      const severity = severityScheme === 'quartet' ? priority : state.severity;
      return event.data.sequentialQueue
        ? { ...next, severity, phase: 'queued', queue: { ahead: [] }, priority, customer }
        : { ...next, severity, phase: 'understand', priority, customer };
    }
    case 'TicketQueued':
      return { ...next, phase: 'queued', queue: { ahead: event.data.ahead } };
    case 'AnalysisStarted':
      return { ...next, phase: 'understand', queue: undefined };
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
        ...next,
        phase: 'fix',
        severity: event.data.severity,
        priority: event.data.priority,
        workaround: { description: event.data.description, at },
      };
    case 'HotfixApplied':
      return { ...next, phase: 'confirm' };
    case 'FixProposed':
      return {
        ...next,
        phase: 'awaitingApproval',
        proposal: { id: event.data.proposalId, description: event.data.description, status: 'awaitingApproval' },
      };
    case 'FixApproved':
      return { ...next, phase: 'implementing', proposal: state.proposal && { ...state.proposal, status: 'approved' } };
    case 'FixRejected':
      return {
        ...next,
        phase: 'fix',
        proposal: state.proposal && { ...state.proposal, status: 'rejected', rejectionReason: event.data.reason },
      };
    case 'FixImplemented':
      return { ...next, phase: 'confirm', proposal: state.proposal && { ...state.proposal, status: 'implemented' } };
    case 'TicketResolved': {
      const { resolution, solution, measures, prevention, acceptanceDueAt } = event.data;
      return {
        ...next,
        phase: 'acceptance',
        clarification: undefined,
        resolution: { kind: resolution, solution, measures, prevention, at, acceptanceDueAt },
      };
    }
    case 'ResolutionAccepted':
      return {
        ...next,
        phase: 'feedback',
        acceptance: { by: event.data.by, at, feedbackDueAt: event.data.feedbackDueAt },
      };
    case 'TicketReopened':
      return {
        ...next,
        phase: 'fix',
        resolution: undefined,
        clarification: undefined,
        reopenCount: state.reopenCount + 1,
      };
    case 'FeedbackGiven':
      return { ...next, feedback: { ...event.data } };
    case 'TicketClosed':
      return { ...next, phase: 'closed' };
    case 'TicketCancelled':
      return { ...next, phase: 'cancelled', clarification: undefined, cancellation: { reason: event.data.reason, at } };
    case 'BusinessImpactRecorded':
      return { ...next, businessImpact: event.data.impact };
    case 'CustomerNotified':
      return { ...next, notifications: state.notifications + 1 };
    default: {
      const unknownEvent: never = event;
      throw new Error(`unknown ticket event ${JSON.stringify(unknownEvent)}`);
    }
  }
}

export interface DatedTicketEvent {
  event: TicketEvent;
  at: string;
}

export function foldTicket(events: readonly DatedTicketEvent[]): TicketState | undefined {
  return events.reduce<TicketState | undefined>((state, { event, at }) => evolve(state, event, at), undefined);
}

export const isTerminal = (state: TicketState): boolean => TERMINAL_PHASES.includes(state.phase);
