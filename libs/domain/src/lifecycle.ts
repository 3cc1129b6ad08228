/**
 * The ticket's own clock, as pure functions of its state and an instant: what the passing of time
 * makes due (one event or none) and when that next happens (one instant or none, with what for).
 * What the workflow records right after an event is `followUps` (follow-ups.ts).
 */
import type { CustomerWindows } from './customer-deadlines';
import type { TicketEvent } from './events';
import { OPEN } from './command-rules';
import { inPhase, type TicketState } from './ticket-state';

/** The SLA update clock as the duty needs it: the cycle's start, its due instant and status. */
export interface UpdateClockView {
  startedAt: string;
  dueAt: string | null;
  status: 'met' | 'running' | 'paused' | 'warned' | 'breached';
}

export interface DueContext {
  /** 003: the customer's queue has given this ticket its turn. */
  queueTurn: boolean;
  /** The customer-side windows that would start at an instant (computed only when an event needs them). */
  windowsFrom: (start: string) => CustomerWindows;
  /** 000's cadence as a duty: the live update clock (absent: the duty is not kept, e.g. on tickets started before it). */
  updateClock?: UpdateClockView;
}

/** An instant the workflow wakes at, and what for (the timer's summary in Temporal UI). */
export interface WakeUp {
  at: string;
  what: string;
}

/** Instants compare as numbers: ISO strings with and without milliseconds do not sort alike. */
const reached = (instant: string, now: string): boolean => Date.parse(now) >= Date.parse(instant);

/**
 * The event that is due at `now` without anyone asking: the queue's turn, a clarification's
 * expiry or reminder, silent acceptance, the end of the feedback window. At most one at a time.
 */
export function dueEvent(state: TicketState, now: string, context: DueContext): TicketEvent | undefined {
  return phaseDue(state, now, context) ?? updateDutyDue(state, context.updateClock);
}

function phaseDue(state: TicketState, now: string, context: DueContext): TicketEvent | undefined {
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
 * 000: the assignee is reminded when the update clock warns, and the missed update is recorded
 * once it is breached; each once per cycle (a customer-visible update starts the next cycle).
 */
function updateDutyDue(state: TicketState, clock: UpdateClockView | undefined): TicketEvent | undefined {
  if (!clock?.dueAt || !inPhase(state, OPEN)) return undefined;
  const duty = state.updateDuty?.cycleStartedAt === clock.startedAt ? state.updateDuty : undefined;
  const data = { cycleStartedAt: clock.startedAt, dueAt: clock.dueAt };
  if (clock.status === 'breached') return duty?.overdue ? undefined : { type: 'UpdateOverdue', data };
  if (clock.status === 'warned') return duty?.reminded ? undefined : { type: 'UpdateReminderSent', data };
  return undefined;
}

/**
 * The earliest instant after `now` at which something becomes due, or the SLA clocks change
 * (`slaChangeAt`); none when only a person can move the ticket on.
 */
export function nextWakeUp(state: TicketState, now: string, slaChangeAt?: string | null): string | undefined {
  return nextWake(state, now, slaChangeAt ? { at: slaChangeAt, what: 'SLA clocks change' } : null)?.at;
}

/** The next wake-up with what it is for; `slaChange` is the SLA clocks' next change, named. */
export function nextWake(state: TicketState, now: string, slaChange?: WakeUp | null): WakeUp | undefined {
  const candidates: WakeUp[] = [];
  const c = state.clarification;
  if (c && !c.expired)
    candidates.push(
      c.reminded
        ? { at: c.dueAt, what: 'clarification answer due' }
        : { at: c.reminderAt, what: 'clarification reminder' },
    );
  if (state.phase === 'acceptance')
    candidates.push({ at: state.resolution.acceptanceDueAt, what: 'acceptance window ends' });
  if (state.phase === 'feedback') candidates.push({ at: state.acceptance.feedbackDueAt, what: 'feedback window ends' });
  if (slaChange) candidates.push(slaChange);
  // Only future instants: anything due was recorded already, and a past one would spin.
  return candidates
    .filter(({ at }) => Date.parse(at) > Date.parse(now))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
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
