/**
 * The ticket's own clock, as pure functions of its state and an instant: what the passing of time
 * makes due (one event or none), when that next happens (one instant or none), and what the
 * workflow records right after an event (its notification, or closing after feedback).
 */
import type { CustomerWindows } from './customer-deadlines';
import type { CustomerNotified, NotificationKind, TicketEvent } from './events';
import type { TicketState } from './ticket-state';

export interface DueContext {
  /** 003: the customer's queue has given this ticket its turn. */
  queueTurn: boolean;
  /** The customer-side windows that would start at an instant (computed only when an event needs them). */
  windowsFrom: (start: string) => CustomerWindows;
}

/** Instants compare as numbers: ISO strings with and without milliseconds do not sort alike. */
const reached = (instant: string, now: string): boolean => Date.parse(now) >= Date.parse(instant);

/**
 * The event that is due at `now` without anyone asking: the queue's turn, a clarification's
 * expiry or reminder, silent acceptance, the end of the feedback window. At most one at a time.
 */
export function dueEvent(state: TicketState, now: string, context: DueContext): TicketEvent | undefined {
  if (state.phase === 'queued') return context.queueTurn ? analysisStarted(state.queue.ahead) : undefined;
  if (state.phase === 'understand' || state.phase === 'fix') {
    const c = state.clarification;
    if (!c || c.expired) return undefined;
    if (reached(c.dueAt, now)) {
      if (state.customer.clarificationOutcome === 'keepWaiting')
        return { type: 'ClarificationExpired', data: { dueAt: c.dueAt, outcome: 'keepWaiting' } };
      return resolvedForNoResponse(context.windowsFrom(now).acceptanceDueAt);
    }
    if (!c.reminded && reached(c.reminderAt, now))
      return { type: 'ClarificationReminderSent', data: { dueAt: c.dueAt } };
    return undefined;
  }
  if (state.phase === 'acceptance' && reached(state.resolution.acceptanceDueAt, now))
    return {
      type: 'ResolutionAccepted',
      data: { by: 'timeout', feedbackDueAt: context.windowsFrom(now).feedbackDueAt },
    };
  if (state.phase === 'feedback' && reached(state.acceptance.feedbackDueAt, now))
    return { type: 'TicketClosed', data: { feedback: 'windowExpired' } };
  return undefined;
}

/**
 * The earliest instant after `now` at which something becomes due, or the SLA clocks change
 * (`slaChangeAt`); none when only a person can move the ticket on.
 */
export function nextWakeUp(state: TicketState, now: string, slaChangeAt?: string | null): string | undefined {
  const candidates: string[] = [];
  const c = state.clarification;
  if (c && !c.expired) candidates.push(c.reminded ? c.dueAt : c.reminderAt);
  if (state.phase === 'acceptance') candidates.push(state.resolution.acceptanceDueAt);
  if (state.phase === 'feedback') candidates.push(state.acceptance.feedbackDueAt);
  if (slaChangeAt) candidates.push(slaChangeAt);
  // Only future instants: anything due was recorded already, and a past one would spin.
  return candidates.filter((at) => Date.parse(at) > Date.parse(now)).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/** What follows an event at once: the customer's notification (the outbox), or closing after feedback. */
export function followUp(event: TicketEvent, state: TicketState): TicketEvent | undefined {
  const notify = (kind: NotificationKind, subject: string): CustomerNotified => ({
    type: 'CustomerNotified',
    data: { kind, to: state.requester, subject: `Ticket ${state.number}${subject}` },
  });
  switch (event.type) {
    case 'TicketRefused':
      return notify('refused', ` refused: ${event.data.reason}`);
    case 'FirstResponseSent':
      return notify('firstResponse', ': first answer');
    case 'CustomerUpdateSent':
      return notify('update', ': update');
    case 'ClarificationRequested':
      return notify('clarificationRequested', `: please answer by ${event.data.dueAt}`);
    case 'ClarificationReminderSent':
      return notify('clarificationReminder', `: reminder, please answer by ${event.data.dueAt}`);
    case 'FixProposed':
      return notify('fixProposed', ': a fix awaits your approval');
    case 'TicketResolved':
      return notify('resolved', `: resolved; please accept by ${event.data.acceptanceDueAt}`);
    case 'ResolutionAccepted':
      return event.data.by === 'timeout'
        ? notify('acceptedByTimeout', ': accepted (no answer within the acceptance window)')
        : undefined;
    case 'FeedbackGiven':
      return { type: 'TicketClosed', data: { feedback: 'given' } };
    case 'TicketClosed':
      return notify('closed', ': closed');
    case 'TicketCancelled':
      return notify('cancelled', ': cancelled');
    default:
      return undefined;
  }
}

const analysisStarted = (waitedFor: string[]): TicketEvent => ({ type: 'AnalysisStarted', data: { waitedFor } });

const resolvedForNoResponse = (acceptanceDueAt: string): TicketEvent => ({
  type: 'TicketResolved',
  data: {
    resolution: 'noCustomerResponse',
    solution: 'No answer to the clarification questions in time.',
    measures: 'none',
    prevention: 'none',
    acceptanceDueAt,
  },
});
