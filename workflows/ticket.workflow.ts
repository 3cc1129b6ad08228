import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  customerWindows,
  dueEvent,
  isTerminal,
  nextWake,
  slaNextChange,
  subjectOfReference,
  ticketSlaOf,
  type TicketOpened,
  type TicketState,
} from '@caseflow/domain';
import {
  searchAttributes,
  type IdentifyTicketResult,
  type OpenTicketInput,
  type TicketRunOptions,
  type TicketWorkflow,
} from '@caseflow/contract';
import { identifyTicket } from './activities';
import { joinCustomerQueue } from './customer-queue-client';
import { answerQueries, handleCommands, listenForQueueTurns } from './handlers';
import { record, recordWithFollowUps } from './recording';
import {
  carryOver,
  isIdentifiedRun,
  liveClocks,
  newTicketRun,
  nowIso,
  SYSTEM,
  type IdentifiedRun,
  type TicketRun,
} from './ticket-run';
import { refreshDetails, refreshVisibility } from './visibility';

type Identification = Extract<IdentifyTicketResult, { ok: true }>;
type Refusal = Extract<IdentifyTicketResult, { ok: false }>;

/** A run continues as new past this many history events, unless the server suggests it earlier. */
export const CONTINUE_AS_NEW_AFTER = 8_000;
/** At most this many time-driven events in a row (a long sleep may find several due at once). */
const MAX_DUE_AT_ONCE = 10;
/** 000's update cadence as a duty; histories recorded before it have no reminders and must replay so. */
const UPDATE_DUTY_PATCH = 'update-cadence-duty';

/**
 * One ticket from intake to close (docs/lifecycle.md): opened, identified (or refused), then, until
 * it ends, record what is due and wait for a command or the next instant something becomes due.
 * Every transition is one event in the ticket's stream, folded into the state the queries answer.
 * A long life continues as new, carrying the fold and its deadlines (`options.continued`).
 */
export async function ticketWorkflow(input: OpenTicketInput, options: TicketRunOptions = {}): Promise<TicketState> {
  const run = newTicketRun(input, options.continued);
  listenForQueueTurns(run);
  answerQueries(run);
  handleCommands(run);
  const identified = options.continued ? continued(run) : await openAndIdentify(run);
  if (!identified) return run.state as TicketState;
  while (!isTerminal(identified.state)) {
    await identified.lock.run(() => recordWhatIsDue(identified));
    if (isTerminal(identified.state)) break;
    await commandOrNextInstant(identified);
    refreshVisibility(identified);
    if (historyIsLong(options)) await continueWithNewHistory(identified, options);
  }
  // Let updates that are still running finish before the workflow completes.
  await condition(allHandlersFinished);
  await run.lock.run(async () => undefined);
  return identified.state;
}

/** Opened, then identified; none when identification refused the ticket. */
async function openAndIdentify(run: TicketRun): Promise<IdentifiedRun | undefined> {
  upsertSearchAttributes([{ key: searchAttributes.customer, value: run.input.customerId }]);
  const opened = await open(run);
  const identification = await identifyTicket.executeWithOptions(
    { summary: `identify the customer ${run.input.customerId}` },
    [identifyInput(run.input, opened.openedAt)],
  );
  if (!identification.ok) {
    await refuse(run, identification);
    return undefined;
  }
  return identify(run, identification);
}

/** A run continued as new: the fold and the SLA setup came with it. */
function continued(run: TicketRun): IdentifiedRun {
  if (!isIdentifiedRun(run)) throw new Error(`ticket ${run.input.number}: continued without a state`);
  refreshVisibility(run);
  return run;
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
  // A sealed requester (docs/codec.md) acts as its subject id; an e-mail (older histories) as itself.
  return (await record(run, opened, { id: subjectOfReference(requester) ?? requester, role: 'customer' })).state;
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

/**
 * Reminders, expiries, silent acceptance, the feedback window, the queue's turn, the update duty:
 * whatever is due now, one event after another.
 */
async function recordWhatIsDue(run: IdentifiedRun): Promise<void> {
  await recordPrioritizations(run);
  for (let i = 0; i < MAX_DUE_AT_ONCE; i++) {
    const now = nowIso();
    const sla = run.sla;
    const update = patched(UPDATE_DUTY_PATCH) ? liveClocks(run)?.update : undefined;
    const due = dueEvent(run.state, now, {
      queueTurn: run.queueTurn?.turn === true,
      windowsFrom: (start) => customerWindows(sla, start),
      ...(update ? { updateClock: update } : {}),
    });
    if (!due) return;
    await recordWithFollowUps(run, due, SYSTEM, now);
  }
}

/** 003: staff moved the waiting ticket to the front, as agreed with the client; once its turn came, there is nothing to record. */
async function recordPrioritizations(run: IdentifiedRun): Promise<void> {
  for (let moved = run.prioritizations.shift(); moved; moved = run.prioritizations.shift()) {
    if (run.state.phase !== 'queued') continue;
    const { actor, reason, ahead, updateId } = moved;
    const event = { type: 'TicketPrioritized', data: { ahead, reason } } as const;
    // Named after the queue's update, so the store keeps one event when a later queue run repeats it.
    await record(run, event, actor, nowIso(), updateId ? `${updateId}/prioritized` : uuid4());
  }
}

/** Resolves when a command changed the ticket (or the queue gave it its turn), or at the next instant something is due. */
function commandOrNextInstant(run: IdentifiedRun): Promise<unknown> {
  const seen = run.state.version;
  const now = nowIso();
  const wake = nextWake(run.state, now, slaNextChange(liveClocks(run)));
  run.nextWake = wake;
  refreshDetails(run);
  const changed = (): boolean =>
    run.state.version !== seen ||
    (run.state.phase === 'queued' && (run.queueTurn?.turn === true || run.prioritizations.length > 0));
  if (wake === undefined) return condition(changed);
  return condition(changed, Math.max(Date.parse(wake.at) - Date.now(), 1), { summary: wake.what });
}

function historyIsLong(options: TicketRunOptions): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= (options.continueAsNewAfter ?? CONTINUE_AS_NEW_AFTER);
}

/**
 * A long life (many reopenings, a long clarification ping-pong) goes on in a fresh history: once
 * running updates finished, the next run gets the fold, the SLA clocks' events and setup, and the
 * ids of handled updates. Deadlines are absolute instants in the state, so they keep.
 */
async function continueWithNewHistory(run: IdentifiedRun, options: TicketRunOptions): Promise<never> {
  await condition(allHandlersFinished);
  await run.lock.run(async () => undefined);
  return continueAsNew<TicketWorkflow>(run.input, { ...options, continued: carryOver(run) });
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
