/** What the world may ask of a running ticket: its view, its SLA clocks, commands; and the queue's word. */
import { currentUpdateInfo, setHandler } from '@temporalio/workflow';
import {
  decide,
  decideContextAt,
  DomainError,
  isIdentified,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import {
  domainErrorToFailure,
  queueTurnSignal,
  slaClocksQuery,
  ticketCommandUpdate,
  ticketViewQuery,
  type TicketCommandRequest,
  type TicketView,
} from '@caseflow/contract';
import { recordWithFollowUps } from './recording';
import {
  HANDLED_UPDATES_KEPT,
  isIdentifiedRun,
  liveClocks,
  nowIso,
  requesterSubjectOf,
  type TicketRun,
} from './ticket-run';

export function listenForQueueTurns(run: TicketRun): void {
  setHandler(queueTurnSignal, (turn) => {
    run.queueTurn = turn;
    if (turn.prioritized) run.prioritizations.push({ ...turn.prioritized, ahead: turn.ahead });
  });
}

export function answerQueries(run: TicketRun): void {
  setHandler(ticketViewQuery, (): TicketView => run.state ?? { number: run.input.number, phase: 'opening' });
  setHandler(slaClocksQuery, () => liveClocks(run));
}

/**
 * Commands are updates: the validator decides them synchronously (wrong phase, role or input reject
 * the update and nothing is recorded); accepted ones run one at a time under the lock. An update
 * handled before (a client's retry reaching a later run, where Temporal's own dedupe is gone) is
 * answered with the state and records nothing.
 */
export function handleCommands(run: TicketRun): void {
  setHandler(ticketCommandUpdate, (request) => run.lock.run(() => runCommand(run, request)), {
    validator: (request) => {
      if (!handledBefore(run)) decideNow(run, request, nowIso());
    },
  });
}

async function runCommand(run: TicketRun, request: TicketCommandRequest): Promise<TicketState> {
  if (handledBefore(run) && run.state) return run.state;
  const at = nowIso();
  // Decided again under the lock: an earlier update may have changed the state since validation.
  const event = decideNow(run, request, at);
  const state = await recordWithFollowUps(run, event, request.actor, at);
  const id = currentUpdateInfo()?.id;
  if (id) run.handledUpdates.push(id);
  if (run.handledUpdates.length > 2 * HANDLED_UPDATES_KEPT) run.handledUpdates.splice(0, HANDLED_UPDATES_KEPT);
  return state;
}

function handledBefore(run: TicketRun): boolean {
  const id = currentUpdateInfo()?.id;
  return id !== undefined && run.handledUpdates.includes(id);
}

/** The command's event, or the DomainError saying why not as the update's failure. */
function decideNow(run: TicketRun, { actor, command }: TicketCommandRequest, at: string): TicketEvent {
  if (!isIdentifiedRun(run) || !isIdentified(run.state))
    throw domainErrorToFailure(
      new DomainError('COMMAND_REJECTED', `ticket ${run.input.number} is still being identified`),
    );
  try {
    const requesterSubject = requesterSubjectOf(run);
    return decide(command, actor, run.state, {
      ...decideContextAt(run.sla, run.state, at),
      ...(requesterSubject ? { requesterSubject } : {}),
    });
  } catch (error) {
    throw error instanceof DomainError ? domainErrorToFailure(error) : error;
  }
}
