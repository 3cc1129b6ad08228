import { slaClocksAsOf, type SlaClocks, type SlaEvent } from '@caseflow/sla';
import {
  subjectOfReference,
  ticketSlaOf,
  type Actor,
  type TicketSla,
  type TicketState,
  type WakeUp,
} from '@caseflow/domain';
import type { ContinuedTicket, OpenTicketInput, QueuePrioritization, QueueTurn } from '@caseflow/contract';
import { SerialLock } from './serial-lock';

/** What one run of the ticket workflow holds: the fold of its events and what it learned on the way. */
export interface TicketRun {
  readonly input: OpenTicketInput;
  /** The fold of every recorded event; none before TicketOpened is recorded. */
  state?: TicketState;
  /** What the SLA clocks know of the ticket (the ticket's events mapped by `slaEventsOf`). */
  readonly slaEvents: SlaEvent[];
  /** The SLA setup identification returned (calendars loaded); none before. */
  sla?: TicketSla;
  /** Tickets identified before assignment was recorded: the engineer who last acted (the assignee attribute). */
  lastEngineer?: string;
  /** 003: whether this ticket holds or waits for a place in its customer's queue, and the queue's word. */
  inQueue: boolean;
  queueTurn?: QueueTurn;
  /** 003: the queue moved this ticket to the front; recorded as TicketPrioritized in the lifecycle loop. */
  readonly prioritizations: QueuePrioritization[];
  /** Subject ids of the people who act on the ticket, by normalized e-mail (resolved once each). */
  readonly subjects: Map<string, string>;
  /** Commands and timers change the ticket one at a time. */
  readonly lock: SerialLock;
  /** The latest update ids handled, oldest first (carried across continue-as-new). */
  readonly handledUpdates: string[];
  /** What the workflow waits for next (Temporal UI's current details). */
  nextWake?: WakeUp;
  /** This run's number in the ticket's chain of runs (1 for the first). */
  readonly runNumber: number;
}

/** From identification on: the ticket has a state and an SLA setup. */
export type IdentifiedRun = TicketRun & { state: TicketState; sla: TicketSla };

export const SYSTEM: Actor = { id: 'caseflow', role: 'system' };

/** How many handled update ids a run keeps (and hands on). */
export const HANDLED_UPDATES_KEPT = 500;

export const nowIso = (): string => new Date(Date.now()).toISOString();

export function newTicketRun(input: OpenTicketInput, continued?: ContinuedTicket): TicketRun {
  if (!continued)
    return {
      input,
      slaEvents: [],
      inQueue: false,
      prioritizations: [],
      subjects: new Map(),
      lock: new SerialLock(),
      handledUpdates: [],
      runNumber: 1,
    };
  return {
    input,
    state: continued.state,
    slaEvents: [...continued.slaEvents],
    sla: ticketSlaOf(continued.sla),
    ...(continued.lastEngineer ? { lastEngineer: continued.lastEngineer } : {}),
    inQueue: continued.inQueue,
    prioritizations: [...(continued.prioritizations ?? [])],
    ...(continued.queueTurn ? { queueTurn: continued.queueTurn } : {}),
    // Subject ids are looked up again (idempotently) rather than carried: no e-mail address in the next run's input.
    subjects: new Map(continued.subjects ?? []),
    lock: new SerialLock(),
    handledUpdates: [...continued.handledUpdates],
    runNumber: continued.run + 1,
  };
}

/** What the next run needs to go on where this one stops. */
export function carryOver(run: IdentifiedRun): ContinuedTicket {
  return {
    state: run.state,
    slaEvents: run.slaEvents,
    sla: run.sla.setup,
    inQueue: run.inQueue,
    ...(run.queueTurn ? { queueTurn: run.queueTurn } : {}),
    ...(run.prioritizations.length ? { prioritizations: run.prioritizations } : {}),
    ...(run.lastEngineer ? { lastEngineer: run.lastEngineer } : {}),
    handledUpdates: run.handledUpdates.slice(-HANDLED_UPDATES_KEPT),
    run: run.runNumber,
  };
}

export function isIdentifiedRun(run: TicketRun): run is IdentifiedRun {
  return run.state !== undefined && run.sla !== undefined;
}

/** The SLA clocks as of now (none before identification). */
export const liveClocks = (run: TicketRun): SlaClocks | null =>
  run.sla ? (slaClocksAsOf(run.slaEvents, nowIso(), run.sla.context) ?? null) : null;

/**
 * The requester's subject id: named by the sealed requester reference (docs/codec.md), or, for a
 * ticket opened with an e-mail address, as resolved when its first event was recorded.
 */
export const requesterSubjectOf = (run: TicketRun): string | undefined =>
  subjectOfReference(run.input.requester) ?? run.subjects.get(run.input.requester.trim().toLowerCase());
