import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  bindActivities,
  DataSubjectActivities,
  IdentificationActivities,
  NotificationActivities,
  TicketEventsActivities,
  type Notification,
} from '@caseflow/worker';
import { CustomerDirectory, demoCustomers } from '@caseflow/directory';
import { isSubjectId, subjectOfReference, type DatedTicketEvent, type TicketEvent } from '@caseflow/domain';
import {
  DataSubjects,
  PersonalValues,
  SubjectKeys,
  createEventStore,
  openDatabase,
  type Database,
  type PersonalDataStore,
  type RecordedEvent,
} from '@caseflow/event-store';
import { PersonalReferences, withCaseflowPersonalData } from '@caseflow/persistence';
import { dataConverterFor, type CodecConfig } from '@caseflow/codec';
import type { DataConverter } from '@temporalio/common';
import { ticketViewQuery, type OpenTicketInput, type TicketCommandRequest } from '@caseflow/contract';
import { testCodecConfig } from './codec-keys';
import { createScratchDatabase } from './postgres';
import { TicketDriver, type TicketHandle } from './ticket-driver';
import { createTimeSkippingEnv } from './time-skipping-env';
import { ticketWorkflowSource } from './workflow-bundle';

export { engineer, type TicketHandle } from './ticket-driver';

export interface HarnessOptions {
  /** The payload codec of client and worker: the test key (default), or none (benchmark baseline only). */
  codec?: CodecConfig | 'none';
  /** Seal personal texts into the vault as the gateway does (default); false: plain texts in the workflow (benchmark baseline only). */
  claimCheck?: boolean;
}

/**
 * A time-skipping Temporal server, a worker running the real activities, a scratch PostgreSQL
 * database holding the audit store and the seeded directory, and a notifier that remembers.
 * Tickets are opened and commanded as the gateway does: personal texts sealed into the vault,
 * references in the workflow, customers acting by subject id (docs/codec.md); reads open them.
 */
export class LifecycleHarness extends TicketDriver {
  /** Delivered to customers. */
  readonly notifications: Notification[] = [];
  /** Delivered to staff (assignees, managers). */
  readonly staffNotifications: Notification[] = [];
  private running?: Promise<void>;
  private worker?: Worker;

  private constructor(
    env: TestWorkflowEnvironment,
    /** The audit store as the worker has it: personal data sealed on append, opened on read. */
    readonly store: PersonalDataStore,
    readonly keys: SubjectKeys,
    readonly subjects: DataSubjects,
    /** The scratch database itself, for raw SQL on the stored rows. */
    readonly db: Database,
    private readonly dropDatabase: () => Promise<void>,
    /** The scratch database's URL, for tools run as separate processes. */
    readonly databaseUrl: string,
    dataConverter: DataConverter | undefined,
    /** The personal-data vault as the gateway and the worker use it. */
    readonly references: PersonalReferences,
    private readonly claimCheck: boolean,
  ) {
    super(env, `lifecycle-${randomUUID()}`, dataConverter);
  }

  /** Client and worker share Caseflow's data converter (the test key by default): histories hold only encrypted payloads. */
  static async start(options: HarnessOptions = {}): Promise<LifecycleHarness> {
    const codec = options.codec ?? testCodecConfig();
    const dataConverter = codec === 'none' ? undefined : dataConverterFor(codec);
    const env = await createTimeSkippingEnv(dataConverter);
    const scratch = await createScratchDatabase('cf_lifecycle');
    const db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
    const keys = await SubjectKeys.open(db);
    const subjects = await DataSubjects.open(db);
    const store = withCaseflowPersonalData(await createEventStore(db), keys);
    const references = new PersonalReferences(await PersonalValues.open(db, keys));
    const harness = new LifecycleHarness(
      env,
      store,
      keys,
      subjects,
      db,
      scratch.drop,
      scratch.url,
      dataConverter,
      references,
      options.claimCheck ?? true,
    );
    await CustomerDirectory.migrate(db);
    const directory = new CustomerDirectory(db, store, subjects);
    await directory.seed(demoCustomers, new Date(await env.currentTimeMs()).toISOString());
    harness.worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: harness.taskQueue,
      ...ticketWorkflowSource(),
      dataConverter,
      activities: bindActivities([
        new TicketEventsActivities(store, references),
        new IdentificationActivities(directory, references),
        new NotificationActivities(
          {
            send: async (n) =>
              void (n.audience === 'staff' ? harness.staffNotifications : harness.notifications).push(n),
          },
          references,
        ),
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

  /** As the gateway opens a ticket: the requester's subject, then the personal texts sealed under it. */
  protected override async sealOpening(input: OpenTicketInput): Promise<OpenTicketInput> {
    if (!this.claimCheck) return input;
    return this.references.sealOpening(input, await this.subjects.idFor(input.requester));
  }

  /** As the gateway sends a command: a customer by subject id, personal texts sealed under the requester's subject. */
  protected override async sealCommand(
    handle: TicketHandle,
    { actor, command }: TicketCommandRequest,
  ): Promise<TicketCommandRequest> {
    if (!this.claimCheck) return { actor, command };
    const subject = await this.requesterSubject(handle);
    const customer = actor.role === 'customer' && !isSubjectId(actor.id);
    return {
      actor: customer ? { id: await this.subjects.idFor(actor.id), role: 'customer' } : actor,
      command: await this.references.sealCommand(command, subject),
    };
  }

  /** As the gateway seals a queue reason: under the ticket's requester subject (as it is without the claim check). */
  async sealFor(handle: TicketHandle, text: string): Promise<string> {
    if (!this.claimCheck) return text;
    return this.references.sealText(text, await this.requesterSubject(handle), 2_000);
  }

  private async requesterSubject(handle: TicketHandle): Promise<string> {
    const { requester } = (await handle.query(ticketViewQuery)) as { requester?: string };
    return subjectOfReference(requester) ?? (await this.subjects.idFor(requester ?? ''));
  }

  protected override opened<T>(value: T): Promise<T> {
    return this.references.open(value);
  }

  async stream(handle: TicketHandle): Promise<RecordedEvent[]> {
    return this.store.readStream(`ticket-${handle.workflowId}`);
  }

  async types(handle: TicketHandle): Promise<string[]> {
    return (await this.stream(handle)).map((event) => event.type);
  }

  async dated(handle: TicketHandle): Promise<DatedTicketEvent[]> {
    return (await this.stream(handle)).map((e) => ({
      event: { type: e.type, data: e.data } as TicketEvent,
      at: e.metadata.occurredAt,
    }));
  }
}
