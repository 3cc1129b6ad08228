import { allHandlersFinished, condition, upsertSearchAttributes } from '@temporalio/workflow';
import {
  customerWindows,
  dueEvent,
  isTerminal,
  nextWakeUp,
  ticketSlaOf,
  type TicketOpened,
  type TicketState,
} from '@caseflow/domain';
import { searchAttributes, type IdentifyTicketResult, type OpenTicketInput } from '@caseflow/contract';
import { identifyTicket } from './activities';
import { joinCustomerQueue } from './customer-queue-client';
import { answerQueries, handleCommands, listenForQueueTurns } from './handlers';
import { record, recordWithFollowUps, refreshSearchAttributes } from './recording';
import {
  isIdentifiedRun,
  liveClocks,
  newTicketRun,
  nowIso,
  SYSTEM,
  type IdentifiedRun,
  type TicketRun,
} from './ticket-run';

type Identification = Extract<IdentifyTicketResult, { ok: true }>;
type Refusal = Extract<IdentifyTicketResult, { ok: false }>;

/**
 * One ticket from intake to close (docs/lifecycle.md): opened, identified (or refused), then, until
 * it ends, record what is due and wait for a command or the next instant something becomes due.
 * Every transition is one event in the ticket's stream, folded into the state the queries answer.
 */
export async function ticketWorkflow(input: OpenTicketInput): Promise<TicketState> {
  const run = newTicketRun(input);
  listenForQueueTurns(run);
  answerQueries(run);
  handleCommands(run);
  upsertSearchAttributes([{ key: searchAttributes.customer, value: input.customerId }]);
  const opened = await open(run);
  const identification = await identifyTicket(identifyInput(input, opened.openedAt));
  if (!identification.ok) return refuse(run, identification);
  const identified = await identify(run, identification);
  while (!isTerminal(identified.state)) {
    await identified.lock.run(() => recordWhatIsDue(identified));
    if (isTerminal(identified.state)) break;
    await commandOrNextInstant(identified);
    refreshSearchAttributes(identified);
  }
  // Let updates that are still running finish before the workflow completes.
  await condition(allHandlersFinished);
  await run.lock.run(async () => undefined);
  return identified.state;
}

async function open(run: TicketRun): Promise<TicketState> {
  const { number, customerId, requester, title, description, severity } = run.input;
  const { product, productVersion, quartet, intake, relatedTo } = run.input;
  const opened: TicketOpened = {
    type: 'TicketOpened',
    data: {
      number,
      customerId,
      requester,
      title,
      description,
      severity,
      openedAt: nowIso(),
      ...defined({ product, productVersion, quartet, intake, relatedTo }),
    },
  };
  return (await record(run, opened, { id: requester, role: 'customer' })).state;
}

const identifyInput = (input: OpenTicketInput, at: string) => ({
  customerId: input.customerId,
  requester: input.requester,
  severity: input.severity,
  product: input.product,
  productVersion: input.productVersion,
  quartet: input.quartet,
  intake: input.intake,
  at,
});

async function refuse(run: TicketRun, { code, reason }: Refusal): Promise<TicketState> {
  return recordWithFollowUps(run, { type: 'TicketRefused', data: { code, reason } }, SYSTEM);
}

/** The ticket keeps the SLA setup identification returned for life; 003 customers queue it. */
async function identify(run: TicketRun, { identified, sla }: Identification): Promise<IdentifiedRun> {
  run.sla = ticketSlaOf(sla);
  await record(run, { type: 'CustomerIdentified', data: identified }, SYSTEM);
  if (identified.sequentialQueue) await takePlaceInQueue(run);
  if (!isIdentifiedRun(run)) throw new Error(`ticket ${run.input.number}: identified without a state`);
  return run;
}

/** Waiting behind others is recorded; the turn itself becomes AnalysisStarted in the lifecycle loop. */
async function takePlaceInQueue(run: TicketRun): Promise<void> {
  run.inQueue = true;
  if (await joinCustomerQueue(run.input.customerId, run.input.number)) run.queueTurn = { turn: true, ahead: [] };
  await condition(() => run.queueTurn !== undefined);
  const turn = run.queueTurn;
  if (turn?.turn === false)
    await run.lock.run(() => record(run, { type: 'TicketQueued', data: { ahead: turn.ahead } }, SYSTEM));
}

/** Reminders, expiries, silent acceptance, the feedback window, the queue's turn: whatever is due now. */
async function recordWhatIsDue(run: IdentifiedRun): Promise<void> {
  const now = nowIso();
  const sla = run.sla;
  const due = dueEvent(run.state, now, {
    queueTurn: run.queueTurn?.turn === true,
    windowsFrom: (start) => customerWindows(sla, start),
  });
  if (due) await recordWithFollowUps(run, due, SYSTEM, now);
}

/** Resolves when a command changed the ticket (or the queue gave it its turn), or at the next instant something is due. */
function commandOrNextInstant(run: IdentifiedRun): Promise<unknown> {
  const seen = run.state.version;
  const wakeAt = nextWakeUp(run.state, nowIso(), liveClocks(run)?.nextChangeAt);
  const changed = (): boolean =>
    run.state.version !== seen || (run.state.phase === 'queued' && run.queueTurn?.turn === true);
  if (wakeAt === undefined) return condition(changed);
  return condition(changed, Math.max(Date.parse(wakeAt) - Date.now(), 1));
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
