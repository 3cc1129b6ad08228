import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  bindActivities,
  DataSubjectActivities,
  IdentificationActivities,
  NotificationActivities,
  TicketEventsActivities,
  WORKFLOWS_PATH,
  workflowBundlerOptions,
  type Notification,
} from '@caseflow/worker';
import { CustomerDirectory, demoCustomers } from '@caseflow/directory';
import type { Actor, DatedTicketEvent, TicketCommand, TicketEvent, TicketPhase, TicketState } from '@caseflow/domain';
import {
  DataSubjects,
  SubjectKeys,
  createEventStore,
  openDatabase,
  type Database,
  type PersonalDataStore,
  type RecordedEvent,
} from '@caseflow/event-store';
import { withCaseflowPersonalData } from '@caseflow/persistence';
import type { SlaClocks } from '@caseflow/sla';
import {
  slaClocksQuery,
  TICKET_WORKFLOW_TYPE,
  ticketCommandUpdate,
  ticketViewQuery,
  type OpenTicketInput,
  type TicketView,
  type TicketWorkflow,
} from '@caseflow/contract';
import { dataConverterFor, type CodecConfig } from '@caseflow/codec';
import type { DataConverter } from '@temporalio/common';
import { testCodecConfig } from './codec-keys';
import { createScratchDatabase } from './postgres';
import { createTimeSkippingEnv } from './time-skipping-env';

export type TicketHandle = WorkflowHandle<TicketWorkflow>;

export const engineer: Actor = { id: 'eve.engineer', role: 'engineer' };

export interface HarnessOptions {
  /** The payload codec of client and worker: the test key (default), or none (benchmark baseline only). */
  codec?: CodecConfig | 'none';
}

/**
 * A time-skipping Temporal server, a worker running the real activities, a scratch PostgreSQL
 * database holding the audit store and the seeded directory, and a notifier that remembers.
 * Client and worker share Caseflow's data converter: histories hold only encrypted payloads.
 */
export class LifecycleHarness {
  readonly notifications: Notification[] = [];
  private readonly taskQueue = `lifecycle-${randomUUID()}`;
  private running?: Promise<void>;
  private worker?: Worker;
  private counter = 0;

  private constructor(
    readonly env: TestWorkflowEnvironment,
    /** The audit store as the worker has it: personal data sealed on append, opened on read. */
    readonly store: PersonalDataStore,
    readonly keys: SubjectKeys,
    readonly subjects: DataSubjects,
    /** The scratch database itself, for raw SQL on the stored rows. */
    readonly db: Database,
    private readonly dropDatabase: () => Promise<void>,
    /** The scratch database's URL, for tools run as separate processes. */
    readonly databaseUrl: string,
    /** What client and worker encode payloads with (undefined: the SDK's default, no codec). */
    readonly dataConverter: DataConverter | undefined,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<LifecycleHarness> {
    const codec = options.codec ?? testCodecConfig();
    const dataConverter = codec === 'none' ? undefined : dataConverterFor(codec);
    const env = await createTimeSkippingEnv(dataConverter);
    const scratch = await createScratchDatabase('cf_lifecycle');
    const db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
    const keys = await SubjectKeys.open(db);
    const subjects = await DataSubjects.open(db);
    const store = withCaseflowPersonalData(await createEventStore(db), keys);
    const harness = new LifecycleHarness(env, store, keys, subjects, db, scratch.drop, scratch.url, dataConverter);
    await CustomerDirectory.migrate(db);
    const directory = new CustomerDirectory(db, store, subjects);
    await directory.seed(demoCustomers, new Date(await env.currentTimeMs()).toISOString());
    harness.worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: harness.taskQueue,
      workflowsPath: WORKFLOWS_PATH,
      bundlerOptions: workflowBundlerOptions(),
      dataConverter,
      activities: bindActivities([
        new TicketEventsActivities(store),
        new IdentificationActivities(directory),
        new NotificationActivities({ send: async (n) => void harness.notifications.push(n) }),
        new DataSubjectActivities(subjects),
      ]),
    });
    harness.running = harness.worker.run();
    return harness;
  }

  async stop(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    await this.db.close();
    await this.dropDatabase();
    await this.env.teardown();
  }

  /** Moves the test server's clock forward to `iso` (it never goes back). */
  async jumpTo(iso: string): Promise<void> {
    const now = await this.env.currentTimeMs();
    const target = Date.parse(iso);
    if (target < now) throw new Error(`cannot jump back to ${iso}: the server is at ${new Date(now).toISOString()}`);
    if (target > now) await this.env.sleep(target - now);
  }

  /**
   * The workflow's result without letting the server skip time: the time-skipping client's
   * result() jumps to the next timer anywhere on the server (even years ahead) while it waits.
   */
  async result(handle: TicketHandle): Promise<TicketState> {
    const regular = new Client({
      connection: this.env.connection,
      namespace: this.env.namespace ?? 'default',
      dataConverter: this.dataConverter,
    });
    return regular.workflow.getHandle<TicketWorkflow>(handle.workflowId).result();
  }

  async now(): Promise<string> {
    return new Date(await this.env.currentTimeMs()).toISOString();
  }

  async open(
    fields: Partial<OpenTicketInput> & Pick<OpenTicketInput, 'customerId' | 'requester' | 'severity'>,
  ): Promise<TicketHandle> {
    const number = `CF-2099-${String(++this.counter).padStart(3, '0')}${String(Date.now()).slice(-3)}`;
    const input: OpenTicketInput = { number, title: 'It broke', description: 'Details of what broke.', ...fields };
    return this.env.client.workflow.start<TicketWorkflow>(TICKET_WORKFLOW_TYPE, {
      workflowId: number,
      taskQueue: this.taskQueue,
      args: [input],
    });
  }

  view(handle: TicketHandle): Promise<TicketView> {
    return handle.query(ticketViewQuery);
  }

  clocks(handle: TicketHandle): Promise<SlaClocks | null> {
    return handle.query(slaClocksQuery);
  }

  /** Runs one command as an update; a rejection surfaces as an error carrying the workflow's reason. */
  async command(handle: TicketHandle, actor: Actor, command: TicketCommand): Promise<TicketState> {
    try {
      return await handle.executeUpdate(ticketCommandUpdate, { args: [{ actor, command }] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError)
        throw new Error(`update rejected: ${(error.cause as Error | undefined)?.message}`);
      throw error;
    }
  }

  /** Polls (real time, without advancing the server clock) until the ticket reaches `phase`. */
  async waitForPhase(handle: TicketHandle, phase: TicketPhase): Promise<TicketState> {
    let view: TicketView | undefined;
    for (let attempt = 0; attempt < 200; attempt++) {
      view = await this.view(handle);
      if (view.phase === phase) return view as TicketState;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const refusal = view && 'refusal' in view && view.refusal ? ` (${view.refusal.code}: ${view.refusal.reason})` : '';
    throw new Error(`ticket ${handle.workflowId} is in phase ${view?.phase}${refusal}, expected ${phase}`);
  }

  /** Polls (real time) until the ticket's state satisfies `test`. */
  async waitUntil(handle: TicketHandle, what: string, test: (state: TicketState) => boolean): Promise<TicketState> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const view = await this.view(handle);
      if (view.phase !== 'opening' && test(view as TicketState)) return view as TicketState;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`ticket ${handle.workflowId}: timed out waiting until ${what}`);
  }

  async stream(handle: TicketHandle): Promise<RecordedEvent[]> {
    return this.store.readStream(`ticket-${handle.workflowId}`);
  }

  async types(handle: TicketHandle): Promise<string[]> {
    return (await this.stream(handle)).map((event) => event.type);
  }

  /**
   * With CASEFLOW_RECORD_HISTORIES=true, saves the ticket's history for the replay suite, as the
   * server keeps it: payloads encrypted under the test key (TEST_CODEC_KEYS).
   */
  async recordHistory(handle: TicketHandle, name: string): Promise<void> {
    if (process.env.CASEFLOW_RECORD_HISTORIES !== 'true') return;
    const history = await handle.fetchHistory();
    fs.writeFileSync(path.join(__dirname, '..', 'histories', `${name}.json`), historyToJSON(history));
  }

  async dated(handle: TicketHandle): Promise<DatedTicketEvent[]> {
    return (await this.stream(handle)).map((e) => ({
      event: { type: e.type, data: e.data } as TicketEvent,
      at: e.metadata.occurredAt,
    }));
  }
}
