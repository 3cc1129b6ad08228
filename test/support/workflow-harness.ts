import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DatedTicketEvent, TicketEvent } from '@caseflow/domain';
import type { AppendTicketEventInput, DeliverNotificationInput } from '@caseflow/contract';
import { StubActivities } from './stub-activities';
import { TicketDriver, type TicketHandle } from './ticket-driver';
import { createTimeSkippingEnv } from './time-skipping-env';
import { ticketWorkflowSource } from './workflow-bundle';

export { engineer, type TicketHandle } from './ticket-driver';

/** One recorded event's data, when it happened and who did it. */
export interface Recorded<T extends TicketEvent['type']> {
  data: Extract<TicketEvent, { type: T }>['data'];
  at: string;
  actor: string;
}

/**
 * The fast workflow tier: `ticketWorkflow` on the time-skipping test server with stub activities
 * (in-memory streams, no PostgreSQL). What it checks is the workflow's own logic: commands,
 * timers, notifications and the queue; the real activities are the int tier's business.
 */
export class WorkflowHarness extends TicketDriver {
  private constructor(
    env: TestWorkflowEnvironment,
    private readonly stubs: StubActivities,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
    taskQueue: string,
  ) {
    super(env, taskQueue);
  }

  static async start(): Promise<WorkflowHarness> {
    const env = await createTimeSkippingEnv();
    const stubs = new StubActivities();
    const taskQueue = `workflow-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      ...ticketWorkflowSource(),
      activities: stubs.activities,
    });
    return new WorkflowHarness(env, stubs, worker, worker.run(), taskQueue);
  }

  async stop(): Promise<void> {
    this.worker.shutdown();
    await this.running;
    await this.env.teardown();
  }

  /** What the workflow appended to the ticket's stream, in order. */
  stream(handle: TicketHandle): AppendTicketEventInput[] {
    return this.stubs.stream(handle.workflowId);
  }

  types(handle: TicketHandle): string[] {
    return this.stream(handle).map((appended) => appended.event.type);
  }

  /** The stream without the outbox's CustomerNotified events. */
  transitions(handle: TicketHandle): string[] {
    return this.types(handle).filter((type) => type !== 'CustomerNotified');
  }

  dated(handle: TicketHandle): DatedTicketEvent[] {
    return this.stubs.dated(handle.workflowId);
  }

  /** What was delivered to the customer. */
  notifications(handle: TicketHandle): DeliverNotificationInput[] {
    return this.stubs.notifications.filter((n) => n.ticketNumber === handle.workflowId && n.audience !== 'staff');
  }

  /** What was delivered to staff (assignees, managers). */
  staffNotifications(handle: TicketHandle): DeliverNotificationInput[] {
    return this.stubs.notifications.filter((n) => n.ticketNumber === handle.workflowId && n.audience === 'staff');
  }

  /** The recorded events of one type, with when they happened. */
  recorded<T extends TicketEvent['type']>(handle: TicketHandle, type: T): Array<Recorded<T>> {
    return this.stream(handle)
      .filter((appended) => appended.event.type === type)
      .map(
        ({ event, metadata }) => ({ data: event.data, at: metadata.occurredAt, actor: metadata.actor }) as Recorded<T>,
      );
  }
}
