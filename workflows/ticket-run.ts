import type { SlaClocks } from '@caseflow/sla';
import { clocksAt, type Actor, type DatedTicketEvent, type TicketSla, type TicketState } from '@caseflow/domain';
import type { OpenTicketInput, QueueTurn } from '@caseflow/contract';
import { SerialLock } from './serial-lock';

/** What one run of the ticket workflow holds: the fold of its events and what it learned on the way. */
export interface TicketRun {
  readonly input: OpenTicketInput;
  /** The fold of every recorded event; none before TicketOpened is recorded. */
  state?: TicketState;
  readonly events: DatedTicketEvent[];
  /** The SLA setup identification returned (calendars loaded); none before. */
  sla?: TicketSla;
  /** The engineer who last acted on the ticket (a search attribute). */
  assignee?: string;
  /** 003: whether this ticket holds or waits for a place in its customer's queue, and the queue's word. */
  inQueue: boolean;
  queueTurn?: QueueTurn;
  /** Subject ids of the people who act on the ticket, by normalized e-mail (resolved once each). */
  readonly subjects: Map<string, string>;
  /** Commands and timers change the ticket one at a time. */
  readonly lock: SerialLock;
}

/** From identification on: the ticket has a state and an SLA setup. */
export type IdentifiedRun = TicketRun & { state: TicketState; sla: TicketSla };

export const SYSTEM: Actor = { id: 'caseflow', role: 'system' };

export const nowIso = (): string => new Date(Date.now()).toISOString();

export function newTicketRun(input: OpenTicketInput): TicketRun {
  return { input, events: [], inQueue: false, subjects: new Map(), lock: new SerialLock() };
}

export function isIdentifiedRun(run: TicketRun): run is IdentifiedRun {
  return run.state !== undefined && run.sla !== undefined;
}

/** The SLA clocks as of now (none before identification). */
export const liveClocks = (run: TicketRun): SlaClocks | null =>
  run.sla ? clocksAt(run.events, run.sla.context, nowIso()) : null;
