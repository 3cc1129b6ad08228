import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  decide,
  DomainError,
  evolve,
  halfwayInstant,
  isTerminal,
  spanEnd,
  type Actor,
  type DatedTicketEvent,
  type DecideContext,
  type NotificationKind,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import { quartetPriority, type SlaContext } from '@caseflow/sla';
import type { SlaSetup, TicketActivities } from '@caseflow/contract';
import { customerQueueWorkflow } from './customer-queue.workflow';
import {
  customerQueueId,
  enqueueSignal,
  queueTurnSignal,
  releaseSignal,
  searchAttributes,
  slaClocksQuery,
  ticketCommandUpdate,
  ticketViewQuery,
  type OpenTicketInput,
  type QueueTurn,
  type TicketCommandRequest,
  type TicketView,
} from '@caseflow/contract';
import { SerialLock } from './serial-lock';
import { clocksAt, slaContextOf, slaSummary } from '@caseflow/domain';

const { appendTicketEvent, deliverNotification } = proxyActivities<TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['ConcurrencyError'] },
});
const { identifyTicket, resolveDataSubject } = proxyActivities<TicketActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const SYSTEM: Actor = { id: 'caseflow', role: 'system' };
const nowIso = (): string => new Date(Date.now()).toISOString();
/** Instants compare as numbers: ISO strings with and without milliseconds do not sort alike. */
const reached = (iso: string): boolean => Date.now() >= Date.parse(iso);

/**
 * One ticket from intake to close. Every transition appends exactly one event (through an
 * idempotent activity, expecting the workflow's own event count as the stream position) and
 * then folds it into the state; queries answer from that fold.
 */
export async function ticketWorkflow(input: OpenTicketInput): Promise<TicketState> {
  let state: TicketState | undefined;
  const events: DatedTicketEvent[] = [];
  const lock = new SerialLock();
  let sla: { setup: SlaSetup; context: SlaContext } | undefined;
  let assignee: string | undefined;
  /** 003: whether this ticket holds or waits for a place in its customer's queue, and the queue's word. */
  let inQueue = false;
  let queueTurn: QueueTurn | undefined;
  setHandler(queueTurnSignal, (turn) => {
    queueTurn = turn;
  });

  const current = (): TicketState => state as TicketState;
  /** Subject ids of the people who act on the ticket, by normalized e-mail (resolved once each). */
  const subjects = new Map<string, string>();
  const subjectOf = async (email: string): Promise<string> => {
    const key = email.trim().toLowerCase();
    const known = subjects.get(key) ?? (await resolveDataSubject({ email })).subjectId;
    subjects.set(key, known);
    return known;
  };
  /** The log names customers by subject id only; staff and the system by their ids. */
  const actorLabel = async (actor: Actor): Promise<string> =>
    actor.role === 'customer' ? `customer-contact:${await subjectOf(actor.id)}` : `${actor.role}:${actor.id}`;
  setHandler(ticketViewQuery, (): TicketView => state ?? { number: input.number, phase: 'opening' });
  setHandler(slaClocksQuery, () => (sla ? clocksAt(events, sla.context, nowIso()) : null));

  const refreshSearchAttributes = (): void => {
    const s = current();
    const summary = slaSummary(sla ? clocksAt(events, sla.context, nowIso()) : null);
    upsertSearchAttributes([
      { key: searchAttributes.phase, value: s.phase },
      { key: searchAttributes.severity, value: s.severity },
      { key: searchAttributes.priority, value: s.priority ?? 'unassessed' },
      { key: searchAttributes.tier, value: 'tier1' },
      { key: searchAttributes.slaStatus, value: summary.status },
      ...(assignee ? [{ key: searchAttributes.assignee, value: assignee }] : []),
      // No running deadline (all met, breached or paused): clear it rather than leave a stale one.
      { key: searchAttributes.nextDeadline, value: summary.nextDeadline ? new Date(summary.nextDeadline) : null },
    ]);
  };

  const record = async (event: TicketEvent, actor: Actor, at: string = nowIso()): Promise<number> => {
    const policy = event.type === 'CustomerIdentified' ? event.data.policy : state?.customer?.policy;
    const label = await actorLabel(actor);
    const dataSubject = await subjectOf(input.requester);
    const { position } = await appendTicketEvent({
      ticketNumber: input.number,
      expectedPosition: state?.version ?? 0,
      eventId: uuid4(),
      event,
      metadata: {
        actor: label,
        dataSubject,
        occurredAt: at,
        correlationId: workflowInfo().workflowId,
        ...(policy ? { policyVersion: `${policy.id}@${policy.version}` } : {}),
      },
    });
    state = evolve(state, event, at);
    events.push({ event, at });
    if (inQueue && (event.type === 'TicketResolved' || event.type === 'TicketCancelled')) {
      inQueue = false;
      await getExternalWorkflowHandle(customerQueueId(input.customerId)).signal(releaseSignal, input.number);
    }
    if (actor.role === 'engineer') assignee = actor.id;
    refreshSearchAttributes();
    return position;
  };

  const notify = async (kind: NotificationKind, subject: string): Promise<void> => {
    const to = current().requester;
    const position = await record({ type: 'CustomerNotified', data: { kind, to, subject } }, SYSTEM);
    await deliverNotification({ ticketNumber: input.number, position, kind, to, subject });
  };

  const deadlineContext = (now: string = nowIso()): DecideContext => {
    const setup = sla!.setup;
    const calendarFor = (id: string) => sla!.context.calendars.find((c) => c.id === id)!;
    const clarificationCalendar = calendarFor(setup.answerClarification.calendar);
    const dueAt = spanEnd(clarificationCalendar, now, setup.answerClarification.span);
    const businessWindow =
      setup.answerClarification.span.measure === 'business' ||
      setup.answerClarification.span.measure === 'businessDays';
    const customer = current().customer!;
    const policy = sla!.context.policies.find(
      (p) => p.id === customer.policy.id && p.version === customer.policy.version,
    )!;
    return {
      clarificationWindow: { dueAt, reminderAt: halfwayInstant(clarificationCalendar, now, dueAt, businessWindow) },
      acceptanceDueAt: spanEnd(calendarFor(setup.acceptanceTesting.calendar), now, setup.acceptanceTesting.span),
      quartetPriority: (quartet) =>
        quartetPriority(policy, {
          customerId: input.customerId,
          quartet,
          ...(customer.quartetTable ? { quartetTable: customer.quartetTable } : {}),
        }),
    };
  };
  const feedbackDueAt = (now: string): string =>
    spanEnd(
      sla!.context.calendars.find((c) => c.id === sla!.setup.feedbackWindow.calendar)!,
      now,
      sla!.setup.feedbackWindow.span,
    );

  const validate = ({ actor, command }: TicketCommandRequest): void => {
    if (!state || !sla) throw new Error(`ticket ${input.number} is still being identified`);
    decide(command, actor, state, deadlineContext());
  };

  /** Notifications and automatic follow-ups of a person's transition. */
  const afterCommand = async (event: TicketEvent): Promise<void> => {
    switch (event.type) {
      case 'FirstResponseSent':
        return notify('firstResponse', `Ticket ${input.number}: first answer`);
      case 'CustomerUpdateSent':
        return notify('update', `Ticket ${input.number}: update`);
      case 'ClarificationRequested':
        return notify('clarificationRequested', `Ticket ${input.number}: please answer by ${event.data.dueAt}`);
      case 'FixProposed':
        return notify('fixProposed', `Ticket ${input.number}: a fix awaits your approval`);
      case 'TicketResolved':
        return notify('resolved', `Ticket ${input.number}: resolved; please accept by ${event.data.acceptanceDueAt}`);
      case 'TicketCancelled':
        return notify('cancelled', `Ticket ${input.number}: cancelled`);
      case 'FeedbackGiven':
        await record({ type: 'TicketClosed', data: { feedback: 'given' } }, SYSTEM);
        return notify('closed', `Ticket ${input.number}: closed`);
      default:
        return;
    }
  };

  setHandler(
    ticketCommandUpdate,
    ({ actor, command }: TicketCommandRequest) =>
      lock.run(async () => {
        let event: TicketEvent;
        const at = nowIso();
        try {
          // Re-decided under the lock: an earlier update may have changed the state since validation.
          event = decide(command, actor, current(), deadlineContext(at));
        } catch (error) {
          if (error instanceof DomainError)
            throw ApplicationFailure.create({
              type: error.code,
              message: error.message,
              nonRetryable: true,
              details: [error.details],
            });
          throw error;
        }
        if (event.type === 'ResolutionAccepted')
          event = { ...event, data: { ...event.data, feedbackDueAt: feedbackDueAt(at) } };
        await record(event, actor, at);
        await afterCommand(event);
        return current();
      }),
    { validator: validate },
  );

  /** Timers that are due now: reminders, expiries, silent acceptance, the feedback window. */
  const fireDueTimers = async (): Promise<void> => {
    const now = nowIso();
    const s = current();
    if (s.phase === 'queued' && queueTurn?.turn) {
      await record({ type: 'AnalysisStarted', data: { waitedFor: s.queue?.ahead ?? [] } }, SYSTEM);
      return;
    }
    const c = s.phase === 'understand' || s.phase === 'fix' ? s.clarification : undefined;
    if (c && !c.expired && reached(c.dueAt)) {
      if (s.customer!.clarificationOutcome === 'keepWaiting') {
        await record({ type: 'ClarificationExpired', data: { dueAt: c.dueAt, outcome: 'keepWaiting' } }, SYSTEM);
      } else {
        const resolved: TicketEvent = {
          type: 'TicketResolved',
          data: {
            resolution: 'noCustomerResponse',
            solution: 'No answer to the clarification questions in time.',
            measures: 'none',
            prevention: 'none',
            acceptanceDueAt: deadlineContext(now).acceptanceDueAt,
          },
        };
        await record(resolved, SYSTEM, now);
        await afterCommand(resolved);
      }
    } else if (c && !c.reminded && !c.expired && reached(c.reminderAt)) {
      await record({ type: 'ClarificationReminderSent', data: { dueAt: c.dueAt } }, SYSTEM);
      await notify('clarificationReminder', `Ticket ${input.number}: reminder, please answer by ${c.dueAt}`);
    } else if (s.phase === 'acceptance' && reached(s.resolution!.acceptanceDueAt)) {
      await record(
        { type: 'ResolutionAccepted', data: { by: 'timeout', feedbackDueAt: feedbackDueAt(now) } },
        SYSTEM,
        now,
      );
      await notify('acceptedByTimeout', `Ticket ${input.number}: accepted (no answer within the acceptance window)`);
    } else if (s.phase === 'feedback' && reached(s.acceptance!.feedbackDueAt)) {
      await record({ type: 'TicketClosed', data: { feedback: 'windowExpired' } }, SYSTEM);
      await notify('closed', `Ticket ${input.number}: closed`);
    }
  };

  const nextWakeUp = (): string | undefined => {
    const s = current();
    const candidates: string[] = [];
    if (s.clarification && !s.clarification.expired)
      candidates.push(s.clarification.reminded ? s.clarification.dueAt : s.clarification.reminderAt);
    if (s.phase === 'acceptance') candidates.push(s.resolution!.acceptanceDueAt);
    if (s.phase === 'feedback') candidates.push(s.acceptance!.feedbackDueAt);
    const now = nowIso();
    const slaChange = sla && clocksAt(events, sla.context, now)?.nextChangeAt;
    if (slaChange) candidates.push(slaChange);
    // Only future instants: anything due was handled by fireDueTimers, and a past one would spin.
    return candidates.filter((at) => Date.parse(at) > Date.parse(now)).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  };

  upsertSearchAttributes([{ key: searchAttributes.customer, value: input.customerId }]);
  const {
    number,
    customerId,
    requester,
    title,
    description,
    severity,
    product,
    productVersion,
    quartet,
    intake,
    relatedTo,
  } = input;
  await record(
    {
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
    },
    { id: requester, role: 'customer' },
  );

  const identification = await identifyTicket({
    customerId,
    requester,
    severity,
    product,
    productVersion,
    quartet,
    intake,
    at: current().openedAt,
  });
  if (!identification.ok) {
    await record({ type: 'TicketRefused', data: { code: identification.code, reason: identification.reason } }, SYSTEM);
    await notify('refused', `Ticket ${input.number} refused: ${identification.reason}`);
    return current();
  }
  sla = { setup: identification.sla, context: slaContextOf(identification.sla) };
  await record({ type: 'CustomerIdentified', data: identification.identified }, SYSTEM);
  if (identification.identified.sequentialQueue) {
    inQueue = true;
    if (await joinCustomerQueue(customerId, number)) queueTurn = { turn: true, ahead: [] };
    await condition(() => queueTurn !== undefined);
    // Waiting behind others is recorded; the turn itself becomes AnalysisStarted in the loop below.
    if (!queueTurn!.turn) await record({ type: 'TicketQueued', data: { ahead: queueTurn!.ahead } }, SYSTEM);
  }

  while (!isTerminal(current())) {
    await lock.run(fireDueTimers);
    if (isTerminal(current())) break;
    const seen = current().version;
    const wakeAt = nextWakeUp();
    const changed = (): boolean =>
      current().version !== seen || (current().phase === 'queued' && queueTurn?.turn === true);
    if (wakeAt === undefined) await condition(changed);
    else await condition(changed, Math.max(Date.parse(wakeAt) - Date.now(), 1));
    refreshSearchAttributes();
  }
  // Let updates that are still running finish before the workflow completes.
  await condition(allHandlersFinished);
  await lock.run(async () => undefined);
  return current();
}

/**
 * Starts the customer's queue with this ticket active, or, when the queue already runs, asks for a
 * place in it (the queue answers with a queueTurn signal). True when this ticket is first.
 */
async function joinCustomerQueue(customerId: string, ticket: string): Promise<boolean> {
  const workflowId = customerQueueId(customerId);
  try {
    await startChild(customerQueueWorkflow, {
      workflowId,
      args: [{ customerId, active: ticket }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    return true;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    await getExternalWorkflowHandle(workflowId).signal(enqueueSignal, ticket);
    return false;
  }
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
