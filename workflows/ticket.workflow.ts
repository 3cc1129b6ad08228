import { condition, proxyActivities, setHandler, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { evolve, type TicketEvent, type TicketState } from '../libs/domain/src';
import type { TicketActivities } from './activity-types';
import { searchAttributes, ticketViewQuery, type OpenTicketInput, type TicketView } from './definitions';

const { appendTicketEvent } = proxyActivities<TicketActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['ConcurrencyError'] },
});

export async function ticketWorkflow(input: OpenTicketInput): Promise<TicketState> {
  let state: TicketState | undefined;
  setHandler(ticketViewQuery, (): TicketView => state ?? { number: input.number, phase: 'opening' });

  const record = async (event: TicketEvent, actor: string): Promise<void> => {
    const expectedPosition = state?.version ?? 0;
    await appendTicketEvent({
      ticketNumber: input.number,
      expectedPosition,
      eventId: uuid4(),
      event,
      metadata: { actor, occurredAt: new Date().toISOString(), correlationId: workflowInfo().workflowId },
    });
    state = evolve(state, event);
    upsertSearchAttributes([
      { key: searchAttributes.phase, value: state.phase },
      { key: searchAttributes.severity, value: state.severity },
    ]);
  };

  upsertSearchAttributes([{ key: searchAttributes.customer, value: input.customerId }]);
  await record(
    { type: 'TicketOpened', data: { ...input, openedAt: new Date().toISOString() } },
    input.requester,
  );

  // The lifecycle phases (identify → … → close) wait here; until they exist a ticket stays open.
  await condition(() => false);
  return state as TicketState;
}
