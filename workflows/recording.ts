import { upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { evolve, followUp, slaSummary, type Actor, type TicketEvent, type TicketState } from '@caseflow/domain';
import { searchAttributes } from '@caseflow/contract';
import { appendTicketEvent, deliverNotification, resolveDataSubject } from './activities';
import { releaseQueueTurn } from './customer-queue-client';
import { liveClocks, nowIso, SYSTEM, type TicketRun } from './ticket-run';

export interface Recorded {
  /** The event's position in the ticket's stream. */
  position: number;
  state: TicketState;
}

/**
 * Appends one event (through the idempotent activity, expecting the workflow's own event count as
 * the stream position), then folds it into the state and brings the search attributes up to date.
 */
export async function record(
  run: TicketRun,
  event: TicketEvent,
  actor: Actor,
  at: string = nowIso(),
): Promise<Recorded> {
  const policy = event.type === 'CustomerIdentified' ? event.data.policy : run.state?.customer?.policy;
  const label = await actorLabel(run, actor);
  const dataSubject = await subjectOf(run, run.input.requester);
  const { position } = await appendTicketEvent({
    ticketNumber: run.input.number,
    expectedPosition: run.state?.version ?? 0,
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
  const state = evolve(run.state, event, at);
  run.state = state;
  run.events.push({ event, at });
  if (run.inQueue && (event.type === 'TicketResolved' || event.type === 'TicketCancelled')) await releaseQueueTurn(run);
  if (actor.role === 'engineer') run.assignee = actor.id;
  refreshSearchAttributes(run);
  return { position, state };
}

/**
 * Records an event and what follows it at once (`followUp`): the customer's notification, which is
 * delivered after it is recorded (the outbox), or closing the ticket after feedback. Returns the
 * state after the last of them.
 */
export async function recordWithFollowUps(
  run: TicketRun,
  event: TicketEvent,
  actor: Actor,
  at?: string,
): Promise<TicketState> {
  let recorded = await record(run, event, actor, at);
  for (let next = followUp(event, recorded.state); next; next = followUp(next, recorded.state)) {
    recorded = await record(run, next, SYSTEM);
    if (next.type === 'CustomerNotified')
      await deliverNotification({ ticketNumber: run.input.number, position: recorded.position, ...next.data });
  }
  return recorded.state;
}

/** Phase, severity, priority, assignee, SLA status and next deadline, as the ticket stands now. */
export function refreshSearchAttributes(run: TicketRun): void {
  const state = run.state;
  if (!state) return;
  const summary = slaSummary(liveClocks(run));
  upsertSearchAttributes([
    { key: searchAttributes.phase, value: state.phase },
    { key: searchAttributes.severity, value: state.severity },
    { key: searchAttributes.priority, value: state.priority ?? 'unassessed' },
    { key: searchAttributes.tier, value: 'tier1' },
    { key: searchAttributes.slaStatus, value: summary.status },
    ...(run.assignee ? [{ key: searchAttributes.assignee, value: run.assignee }] : []),
    // No running deadline (all met, breached or paused): clear it rather than leave a stale one.
    { key: searchAttributes.nextDeadline, value: summary.nextDeadline ? new Date(summary.nextDeadline) : null },
  ]);
}

/** The log names customers by subject id only; staff and the system by their ids. */
async function actorLabel(run: TicketRun, actor: Actor): Promise<string> {
  return actor.role === 'customer' ? `customer-contact:${await subjectOf(run, actor.id)}` : `${actor.role}:${actor.id}`;
}

async function subjectOf(run: TicketRun, email: string): Promise<string> {
  const key = email.trim().toLowerCase();
  const known = run.subjects.get(key) ?? (await resolveDataSubject({ email })).subjectId;
  run.subjects.set(key, known);
  return known;
}
