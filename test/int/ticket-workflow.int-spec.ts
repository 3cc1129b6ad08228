import { randomUUID } from 'node:crypto';
import { TicketEventsActivities } from '@caseflow/worker';
import { foldTicket, type TicketEvent, type TicketState } from '@caseflow/domain';
import { searchAttributes } from '@caseflow/contract';
import { engineer, LifecycleHarness } from '../support/lifecycle-harness';

describe('ticket workflow on the time-skipping server, events in PostgreSQL', () => {
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await LifecycleHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const opening = {
    customerId: 'balasys-demo',
    requester: 'anna.kovacs@example.com',
    severity: 'S1',
    product: 'zorp-gateway',
    productVersion: '7.1',
  };

  it('records TicketOpened then CustomerIdentified, answers from the fold and keeps search attributes current', async () => {
    const handle = await h.open(opening);
    const view = await h.waitForPhase(handle, 'understand');
    expect(view).toMatchObject({
      customerId: 'balasys-demo',
      severity: 'S1',
      priority: 'P1',
      version: 2,
      customer: { plan: 'PrivilegeSU', presetId: '000-balasys' },
    });

    const recorded = await h.stream(handle);
    expect(recorded.map((e) => e.type)).toEqual(['TicketOpened', 'CustomerIdentified']);
    expect(recorded.map((e) => e.position)).toEqual([1, 2]);
    const anna = await h.subjects.find('anna.kovacs@example.com');
    expect(anna).toMatch(/^ds-/);
    expect(recorded[0].metadata).toMatchObject({
      actor: `customer-contact:${anna}`,
      dataSubject: anna,
      correlationId: handle.workflowId,
    });
    expect(recorded[1].metadata).toMatchObject({
      actor: 'system:caseflow',
      dataSubject: anna,
      policyVersion: 'balasys@1',
    });
    expect(foldTicket(await h.dated(handle))).toEqual(view);

    await h.command(handle, engineer, { type: 'respond', message: 'Looking at it.' });
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(searchAttributes.customer)).toBe('balasys-demo');
    expect(attributes.get(searchAttributes.severity)).toBe('S1');
    expect(attributes.get(searchAttributes.priority)).toBe('P1');
    expect(attributes.get(searchAttributes.phase)).toBe('understand');
    // The customer's dedicated engineer (directory), not whoever answered first.
    expect(attributes.get(searchAttributes.assignee)).toBe('eve');
    expect(attributes.get(searchAttributes.tier)).toBe('L1');
    expect(attributes.get(searchAttributes.slaStatus)).toBe('running');
    const clocks = await h.clocks(handle);
    expect(attributes.get(searchAttributes.nextDeadline)?.toISOString()).toBe(
      new Date(clocks!.update!.dueAt!).toISOString(),
    );
    await h.recordHistory(handle, 'ticket-opened');
    await handle.terminate('test done');
  });

  const attemptFor = (number: string, eventId: string) => ({
    ticketNumber: number,
    expectedPosition: 0,
    eventId,
    event: {
      type: 'TicketOpened',
      data: { number, ...opening, title: 't', description: 'd', openedAt: '2026-11-24T10:00:00.000Z' },
    } as TicketEvent,
    metadata: {
      actor: 'customer-contact:ds-test',
      dataSubject: 'ds-test',
      occurredAt: '2026-11-24T10:00:00.000Z',
      correlationId: number,
    },
  });

  it('appends an event once however often the activity is retried', async () => {
    const activities = new TicketEventsActivities(h.store, h.references);
    const number = `CF-2026-R${String(Date.now()).slice(-6)}`;
    const attempt = attemptFor(number, randomUUID());
    await expect(activities.appendTicketEvent(attempt)).resolves.toEqual({ position: 1 });
    await expect(activities.appendTicketEvent(attempt)).resolves.toEqual({ position: 1 });
    expect(await h.store.readStream(`ticket-${number}`)).toHaveLength(1);
  });

  it('refuses, without retrying, an event written against a stale position', async () => {
    const activities = new TicketEventsActivities(h.store, h.references);
    const number = `CF-2026-C${String(Date.now()).slice(-6)}`;
    await activities.appendTicketEvent(attemptFor(number, randomUUID()));
    await expect(activities.appendTicketEvent(attemptFor(number, randomUUID()))).rejects.toMatchObject({
      type: 'ConcurrencyError',
      nonRetryable: true,
    });
  });

  it('keeps the state a fold of the stream through a whole ticket', async () => {
    const handle = await h.open(opening);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Patched.' });
    const resolved: TicketState = await h.command(handle, engineer, {
      type: 'resolve',
      solution: 's',
      measures: 'm',
      prevention: 'p',
    });
    expect(foldTicket(await h.dated(handle))).toEqual(resolved);
    await handle.terminate('test done');
  });
});
