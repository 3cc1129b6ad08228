import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { dataConverterFor } from '@caseflow/codec';
import { testCodecConfig } from '../codec-keys';
import { CustomerDirectory, demoCustomers } from '@caseflow/directory';
import {
  foldTicket,
  ticketStreamId,
  type Actor,
  type TicketCommand,
  type TicketEvent,
  type TicketState,
} from '@caseflow/domain';
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
import { registerSearchAttributes } from '@caseflow/temporal';
import { workflowBundleOptions } from '@caseflow/worker';
import {
  TICKET_WORKFLOW_TYPE,
  ticketSummary,
  ticketCommandUpdate,
  ticketViewQuery,
  type OpenTicketInput,
  type TicketView,
  type TicketWorkflow,
} from '@caseflow/contract';
import { createScratchDatabase } from '../postgres';
import { waitUntil, within } from '../wait-until';
import { DevServerProcess } from './dev-server';
import { killAllProcessGroups, type ProcessGroup } from './process-group';
import { startWorkerProcess, type WorkerProcessOptions } from './worker-process';

export type TicketHandle = WorkflowHandle<TicketWorkflow>;
type Opening = Partial<OpenTicketInput> & Pick<OpenTicketInput, 'customerId' | 'requester' | 'severity'>;

/**
 * Everything as separate processes, as in production: the Go-built dev server on a SQLite file,
 * Caseflow workers started and killed by the test, a scratch PostgreSQL database holding the audit
 * store and the seeded directory. The test process is only a client and an auditor.
 */
export class ProcessRig {
  readonly taskQueue = `crash-${randomUUID()}`;
  private client!: Client;
  private connection!: Connection;
  private counter = 0;

  private constructor(
    readonly dir: string,
    readonly server: { current: DevServerProcess },
    readonly db: Database,
    /** The audit store as the worker has it: personal data opened on read. */
    readonly store: PersonalDataStore,
    readonly databaseUrl: string,
    private readonly dropDatabase: () => Promise<void>,
    private readonly workflowBundle: string,
  ) {}

  /** Cleans up after itself when any step fails (afterAll then has no rig to stop). */
  static async start(name: string): Promise<ProcessRig> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `caseflow-${name}-`));
    const scratch = await createScratchDatabase(`cf_${name.replace(/\W/g, '_')}`);
    let db: Database | undefined;
    try {
      db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
      const keys = await SubjectKeys.open(db);
      const subjects = await DataSubjects.open(db);
      const store = withCaseflowPersonalData(await createEventStore(db), keys);
      await CustomerDirectory.migrate(db);
      await new CustomerDirectory(db, store, subjects).seed(demoCustomers, new Date().toISOString());
      const workflowBundle = path.join(dir, 'workflow-bundle.js');
      const { code } = await bundleWorkflowCode(workflowBundleOptions());
      fs.writeFileSync(workflowBundle, code);
      const server = await DevServerProcess.start(path.join(dir, 'temporal.sqlite'));
      const rig = new ProcessRig(dir, { current: server }, db, store, scratch.url, scratch.drop, workflowBundle);
      await rig.connect();
      await registerSearchAttributes(rig.connection, 'default');
      return rig;
    } catch (error) {
      await killAllProcessGroups();
      await db?.close().catch(() => undefined);
      await scratch.drop().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** Kills every process it started (process groups, SIGKILL), then drops the scratch database. */
  async stop(): Promise<void> {
    await killAllProcessGroups();
    await this.connection?.close().catch(() => undefined);
    await this.db.close().catch(() => undefined);
    await this.dropDatabase();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  get address(): string {
    return this.server.current.address;
  }

  startWorker(entry: WorkerProcessOptions['entry'], drill?: Record<string, string>): Promise<ProcessGroup> {
    return startWorkerProcess({
      entry,
      drill,
      temporalAddress: this.address,
      taskQueue: this.taskQueue,
      databaseUrl: this.databaseUrl,
      workflowBundle: this.workflowBundle,
      checkpointSink: path.join(this.dir, 'checkpoints.jsonl'),
    });
  }

  /** SIGTERM to the dev server, then a new one on the same database file and port. */
  async restartServer(between?: () => Promise<void>): Promise<void> {
    await this.server.current.stop();
    await between?.();
    this.server.current = await this.server.current.restart();
  }

  async open(fields: Opening): Promise<TicketHandle> {
    const number = `CF-2099-${String(++this.counter).padStart(3, '0')}${randomUUID().slice(0, 6)}`;
    const input: OpenTicketInput = { number, title: 'It broke', description: 'Details of what broke.', ...fields };
    return this.client.workflow.start<TicketWorkflow>(TICKET_WORKFLOW_TYPE, {
      workflowId: number,
      taskQueue: this.taskQueue,
      args: [input],
      staticSummary: ticketSummary(input),
    });
  }

  handle(workflowId: string): TicketHandle {
    return this.client.workflow.getHandle<TicketWorkflow>(workflowId);
  }

  /** One command as an update (an explicit id makes a retried call the same update). */
  async command(handle: TicketHandle, actor: Actor, command: TicketCommand, updateId?: string): Promise<TicketState> {
    try {
      return await handle.executeUpdate(ticketCommandUpdate, { args: [{ actor, command }], updateId });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError)
        throw new Error(`update rejected: ${(error.cause as Error | undefined)?.message}`);
      throw error;
    }
  }

  /** Polls the workflow's view (bounded) until the ticket is in `phase`. */
  waitForPhase(handle: TicketHandle, phase: TicketState['phase'], timeoutMs = 30_000): Promise<TicketView> {
    return waitUntil(
      async () => {
        const view = await handle.query(ticketViewQuery);
        return view.phase === phase ? view : undefined;
      },
      { timeoutMs, intervalMs: 200, what: `ticket ${handle.workflowId} is in phase ${phase}`, retryErrors: true },
    );
  }

  /** The workflow's result, bounded. */
  result(handle: TicketHandle, timeoutMs = 30_000): Promise<TicketState> {
    return within(`ticket ${handle.workflowId} to complete`, handle.result(), timeoutMs);
  }

  stream(handle: TicketHandle): Promise<RecordedEvent[]> {
    return this.store.readStream(ticketStreamId(handle.workflowId));
  }

  /**
   * The ticket's stream has each event exactly once: positions 1..n without a gap, no event id
   * twice, the same event types in the same order as a ticket that went the same way without a
   * fault, a hash chain that verifies, and a fold that equals the workflow's final state.
   */
  async expectEachEventOnce(handle: TicketHandle, control: TicketHandle, final: TicketState): Promise<void> {
    const events = await this.stream(handle);
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.map((e) => e.type)).toEqual((await this.stream(control)).map((e) => e.type));
    const report = await this.store.verify(ticketStreamId(handle.workflowId));
    expect(report).toMatchObject({ ok: true, events: events.length });
    const dated = events.map((e) => ({
      event: { type: e.type, data: e.data } as TicketEvent,
      at: e.metadata.occurredAt,
    }));
    expect(foldTicket(dated)).toEqual(final);
  }

  private async connect(): Promise<void> {
    this.connection = await Connection.connect({ address: this.address, connectTimeout: 5_000 });
    this.client = new Client({
      connection: this.connection,
      namespace: 'default',
      dataConverter: dataConverterFor(testCodecConfig()),
    });
  }
}
