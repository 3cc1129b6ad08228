import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  enqueueSignal,
  prioritizeUpdate,
  queueStateQuery,
  queueTurnSignal,
  releaseSignal,
  type PrioritizeRequest,
  type QueueState,
  type QueueTurn,
} from '@caseflow/contract';

const PRIORITIZED_NOTICE_PATCH = 'queue-prioritized-notice';

export interface CustomerQueueInput {
  customerId: string;
  active?: string;
  waiting?: string[];
}

/**
 * 003 BPMSoft: "analysis of a client's new request starts after the previous one is resolved, unless the
 * client and vendor agree to change the order". One per client; tickets enqueue and release
 * themselves, staff may move a waiting ticket to the front with the agreement as reason.
 */
export async function customerQueueWorkflow(input: CustomerQueueInput): Promise<void> {
  let active = input.active;
  const waiting = [...(input.waiting ?? [])];
  const outbox: Array<{ ticket: string; message: QueueTurn }> = [];

  const promoteNext = (): void => {
    active = waiting.shift();
    if (active) outbox.push({ ticket: active, message: { turn: true, ahead: [] } });
  };
  const release = (ticket: string): void => {
    if (ticket === active) promoteNext();
    else if (waiting.includes(ticket)) waiting.splice(waiting.indexOf(ticket), 1);
  };

  setHandler(enqueueSignal, (ticket) => {
    if (ticket === active || waiting.includes(ticket)) return;
    if (!active) {
      active = ticket;
      outbox.push({ ticket, message: { turn: true, ahead: [] } });
    } else {
      // Re-confirming the active ticket's turn doubles as a liveness check: a ticket that ended
      // without releasing (terminated, failed) cannot be signalled and is released in its place.
      outbox.push({ ticket: active, message: { turn: true, ahead: [] } });
      outbox.push({ ticket, message: { turn: false, ahead: [active, ...waiting] } });
      waiting.push(ticket);
    }
  });
  setHandler(releaseSignal, release);
  setHandler(queueStateQuery, (): QueueState => ({ ...(active ? { active } : {}), waiting: [...waiting] }));
  setHandler(
    prioritizeUpdate,
    ({ ticket, actor, reason }: PrioritizeRequest): QueueState => {
      waiting.splice(waiting.indexOf(ticket), 1);
      waiting.unshift(ticket);
      // The moved ticket records the agreement in its own stream; queues started before do not tell it.
      if (patched(PRIORITIZED_NOTICE_PATCH)) {
        const updateId = currentUpdateInfo()?.id;
        const prioritized = { actor, reason, ...(updateId ? { updateId } : {}) };
        outbox.push({ ticket, message: { turn: false, ahead: active ? [active] : [], prioritized } });
      }
      return { ...(active ? { active } : {}), waiting: [...waiting] };
    },
    {
      validator: ({ ticket, actor, reason }: PrioritizeRequest) => {
        if (actor?.role !== 'engineer' && actor?.role !== 'manager')
          throw new Error('only staff may change the order of the queue');
        if (typeof reason !== 'string' || reason.trim() === '')
          throw new Error('reason must say what was agreed with the client');
        if (!waiting.includes(ticket)) throw new Error(`${ticket} is not waiting in this queue`);
      },
    },
  );

  for (;;) {
    await condition(() => outbox.length > 0 || workflowInfo().continueAsNewSuggested);
    while (outbox.length > 0) {
      const { ticket, message } = outbox.shift()!;
      try {
        await getExternalWorkflowHandle(ticket).signal(queueTurnSignal, message);
      } catch {
        // The ticket is gone (closed or terminated): it no longer holds or waits for a turn.
        release(ticket);
      }
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (outbox.length === 0)
        await continueAsNew<typeof customerQueueWorkflow>({ customerId: input.customerId, active, waiting });
    }
  }
}
