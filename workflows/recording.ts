import { currentUpdateInfo, uuid4, workflowInfo } from '@temporalio/workflow';
import {
  evolve,
  followUps,
  isSubjectId,
  slaEventsOf,
  subjectOfReference,
  type Actor,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
import { appendTicketEvent, deliverNotification, resolveDataSubject } from './activities';
import { releaseQueueTurn } from './customer-queue-client';
import { refreshVisibility } from './visibility';
import { nowIso, SYSTEM, type TicketRun } from './ticket-run';

export interface Recorded {
  /** The event's position in the ticket's stream. */
  position: number;
  state: TicketState;
  /** False when the store already held this event (a request handled by an earlier run): nothing was folded. */
  fresh: boolean;
}

/**
 * Appends one event (through the idempotent activity, expecting the workflow's own event count as
 * the stream position), then folds it into the state and brings what Temporal shows up to date.
 * `eventId` names the event for the store's dedupe: a command's events are named after the update
 * that caused them, so a retried update cannot append them twice, even in a later run.
 */
export async function record(
  run: TicketRun,
  event: TicketEvent,
  actor: Actor,
  at: string = nowIso(),
  eventId: string = uuid4(),
): Promise<Recorded> {
  const policy = event.type === 'CustomerIdentified' ? event.data.policy : run.state?.customer?.policy;
  const label = await actorLabel(run, actor);
  const dataSubject = subjectOfReference(run.input.requester) ?? (await subjectOf(run, run.input.requester));
  const expectedPosition = run.state?.version ?? 0;
  const { position } = await appendTicketEvent.executeWithOptions({ summary: `append ${event.type}` }, [
    {
      ticketNumber: run.input.number,
      expectedPosition,
      eventId,
      event,
      metadata: {
        actor: label,
        dataSubject,
        occurredAt: at,
        correlationId: workflowInfo().workflowId,
        ...(policy ? { policyVersion: `${policy.id}@${policy.version}` } : {}),
      },
    },
  ]);
  if (position !== expectedPosition + 1 && run.state) return { position, state: run.state, fresh: false };
  const before = run.state;
  const state = evolve(before, event, at);
  run.state = state;
  if (before) run.slaEvents.push(...slaEventsOf(before, state, event, at));
  if (run.inQueue && (event.type === 'TicketResolved' || event.type === 'TicketCancelled')) await releaseQueueTurn(run);
  if (actor.role === 'engineer') run.lastEngineer = actor.id;
  refreshVisibility(run);
  return { position, state, fresh: true };
}

/**
 * Records an event and what follows it at once (`followUps`, in order, and theirs): notifications,
 * which are delivered after they are recorded (the outbox), closing the ticket after feedback,
 * lowering an escalation. A command's events are named `<update id>/<n>`. Returns the last state.
 */
export async function recordWithFollowUps(
  run: TicketRun,
  event: TicketEvent,
  actor: Actor,
  at?: string,
): Promise<TicketState> {
  const updateId = currentUpdateInfo()?.id;
  let n = 0;
  const idOf = (): string | undefined => (updateId ? `${updateId}/${n++}` : undefined);
  let recorded = await record(run, event, actor, at, idOf());
  if (!recorded.fresh) return recorded.state;
  const pending = followUps(event, recorded.state);
  while (pending.length > 0) {
    const next = pending.shift() as TicketEvent;
    recorded = await record(run, next, SYSTEM, undefined, idOf());
    if (!recorded.fresh) return recorded.state;
    pending.push(...followUps(next, recorded.state));
    if (next.type === 'CustomerNotified' || next.type === 'StaffNotified') await deliver(run, next, recorded.position);
  }
  return recorded.state;
}

async function deliver(
  run: TicketRun,
  notification: Extract<TicketEvent, { type: 'CustomerNotified' | 'StaffNotified' }>,
  position: number,
): Promise<void> {
  const staff = notification.type === 'StaffNotified';
  await deliverNotification.executeWithOptions(
    { summary: `notify ${staff ? 'staff' : 'customer'}: ${notification.data.kind}` },
    [
      {
        ticketNumber: run.input.number,
        position,
        // Customer notifications keep the shape they had before staff were notified too.
        ...(staff ? { audience: 'staff' as const } : {}),
        ...notification.data,
      },
    ],
  );
}

/**
 * The log names customers by subject id only; staff and the system by their ids. The gateway gives
 * a customer's subject id; histories from before it gave the e-mail, looked up here (so they replay).
 */
async function actorLabel(run: TicketRun, actor: Actor): Promise<string> {
  if (actor.role !== 'customer') return `${actor.role}:${actor.id}`;
  return `customer-contact:${isSubjectId(actor.id) ? actor.id : await subjectOf(run, actor.id)}`;
}

async function subjectOf(run: TicketRun, email: string): Promise<string> {
  const key = email.trim().toLowerCase();
  const known =
    run.subjects.get(key) ??
    (await resolveDataSubject.executeWithOptions({ summary: 'resolve a data subject' }, [{ email }])).subjectId;
  run.subjects.set(key, known);
  return known;
}
