import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { TicketEventsActivities } from '../../apps/worker/src/activities';
import { bindActivities } from '../../apps/worker/src/bind-activities';
import { foldTicket, type TicketEvent, type TicketState } from '../../libs/domain/src';
import { createEventStore, openDatabase, type Database, type EventStore } from '../../libs/event-store/src';
import { searchAttributes, ticketViewQuery, type OpenTicketInput, type TicketView } from '../../workflows/definitions';
import type { ticketWorkflow } from '../../workflows/ticket.workflow';
import { createScratchDatabase } from '../support/postgres';
import { createTimeSkippingEnv } from '../support/time-skipping-env';

const workflowsPath = require.resolve('../../workflows');

describe('ticket workflow on the time-skipping server, events in PostgreSQL', () => {
  let env: TestWorkflowEnvironment;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let db: Database;
  let store: EventStore;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    scratch = await createScratchDatabase('cf_int_ticket');
    db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
    store = await createEventStore(db);
  });

  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
    await env?.teardown();
  });

  const input = (number: string): OpenTicketInput => ({
    number,
    customerId: 'balasys-demo',
    requester: 'anna@example.com',
    title: 'Sessions drop after the upgrade',
    description: 'Every session ends after five minutes.',
    severity: 'S1',
  });

  async function waitForPhase(query: () => Promise<TicketView>, notPhase: string): Promise<TicketView> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const view = await query();
      if (view.phase !== notPhase) return view;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`ticket stayed in phase ${notPhase}`);
  }

  it('records TicketOpened, answers queries from the fold and upserts search attributes', async () => {
    const taskQueue = `int-${randomUUID()}`;
    const number = `CF-2026-${String(Date.now()).slice(-6)}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: bindActivities([new TicketEventsActivities(store)]),
    });

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof ticketWorkflow>('ticketWorkflow', {
        workflowId: number,
        taskQueue,
        args: [input(number)],
      });
      const view = (await waitForPhase(() => handle.query(ticketViewQuery), 'opening')) as TicketState;

      expect(view).toMatchObject({ number, customerId: 'balasys-demo', severity: 'S1', phase: 'identify', version: 1 });

      const recorded = await store.readStream(`ticket-${number}`);
      expect(recorded.map((e) => e.type)).toEqual(['TicketOpened']);
      expect(recorded[0].metadata).toMatchObject({ actor: 'anna@example.com', correlationId: number });
      expect(foldTicket(recorded.map((e) => ({ type: e.type, data: e.data }) as TicketEvent))).toEqual(view);

      const description = await handle.describe();
      expect(description.typedSearchAttributes.get(searchAttributes.customer)).toBe('balasys-demo');
      expect(description.typedSearchAttributes.get(searchAttributes.severity)).toBe('S1');
      expect(description.typedSearchAttributes.get(searchAttributes.phase)).toBe('identify');

      if (process.env.CASEFLOW_RECORD_HISTORIES === 'true') {
        const history = await handle.fetchHistory();
        fs.writeFileSync(path.join(__dirname, '..', 'histories', 'ticket-opened.json'), historyToJSON(history));
      }
      await handle.terminate('test done');
    });
  });

  it('appends an event once however often the activity is retried', async () => {
    const activities = new TicketEventsActivities(store);
    const number = `CF-2026-R${String(Date.now()).slice(-6)}`;
    const attempt = {
      ticketNumber: number,
      expectedPosition: 0,
      eventId: randomUUID(),
      event: { type: 'TicketOpened', data: { ...input(number), openedAt: '2026-11-24T10:00:00.000Z' } } as TicketEvent,
      metadata: { actor: 'anna@example.com', occurredAt: '2026-11-24T10:00:00.000Z', correlationId: number },
    };
    await expect(activities.appendTicketEvent(attempt)).resolves.toEqual({ position: 1 });
    await expect(activities.appendTicketEvent(attempt)).resolves.toEqual({ position: 1 });
    expect(await store.readStream(`ticket-${number}`)).toHaveLength(1);
  });

  it('refuses, without retrying, an event written against a stale position', async () => {
    const activities = new TicketEventsActivities(store);
    const number = `CF-2026-C${String(Date.now()).slice(-6)}`;
    const base = {
      ticketNumber: number,
      expectedPosition: 0,
      event: { type: 'TicketOpened', data: { ...input(number), openedAt: '2026-11-24T10:00:00.000Z' } } as TicketEvent,
      metadata: { actor: 'anna@example.com', occurredAt: '2026-11-24T10:00:00.000Z', correlationId: number },
    };
    await activities.appendTicketEvent({ ...base, eventId: randomUUID() });
    await expect(activities.appendTicketEvent({ ...base, eventId: randomUUID() })).rejects.toMatchObject({
      type: 'ConcurrencyError',
      nonRetryable: true,
    });
  });
});
