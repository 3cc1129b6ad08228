import { netixDemo } from '@caseflow/directory';
import type { SlaClocks } from '@caseflow/sla';
import { startGateway, type Harness } from '../support/gateway-harness';

/**
 * The directory kept over the API by a manager, against the gateway with its worker on the
 * Temporal dev server and PostgreSQL: a policy changed under a running ticket leaves the ticket on
 * the version it was identified with, and new tickets get the new one; a ticket missing the
 * customer's required intake fields is a 400 before anything starts.
 */
describe('directory management over HTTP (tickets keep their policy version; required intake answers at once)', () => {
  let gateway: Harness;
  let manager: string;
  let engineer: string;
  const CUSTOMER = 'versions-co';

  const opening = (customerId: string, extra: Record<string, unknown> = {}) => ({
    customerId,
    requester: 'ivan.petrov@example.com',
    title: 'Report totals',
    description: 'Returns counted twice',
    severity: '2',
    product: 'triceps',
    productVersion: '6.0',
    intake: { recurrence: 'recurring', urgency: 2 },
    ...extra,
  });

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 5_000_000 });
    manager = await gateway.token({ sub: 'mia', role: 'manager' });
    engineer = await gateway.token({ sub: 'eve', role: 'engineer', tier: 'L1' });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  async function openIdentified(body: unknown): Promise<string> {
    const response = await gateway.request('POST', '/v1/tickets', { token: engineer, body });
    expect(response.status).toBe(201);
    const { number } = (await response.json()) as { number: string };
    await gateway.eventually(async () => {
      const view = (await (await gateway.request('GET', `/v1/tickets/${number}`, { token: engineer })).json()) as {
        phase: string;
      };
      return view.phase === 'understand' ? view : undefined;
    }, `${number} to be identified`);
    return number;
  }

  const clocksOf = async (number: string): Promise<SlaClocks> =>
    (await (await gateway.request('GET', `/v1/tickets/${number}/sla`, { token: engineer })).json()) as SlaClocks;

  const identifiedPolicy = async (number: string): Promise<unknown> =>
    (await gateway.store.readStream(`ticket-${number}`)).find((e) => e.type === 'CustomerIdentified')?.data;

  it('a running ticket keeps the policy and calendar versions it was identified with; a new ticket gets the new ones', async () => {
    const created = await gateway.request('POST', '/v1/customers', {
      token: manager,
      body: { ...netixDemo, id: CUSTOMER, name: 'Versions Co' },
    });
    expect(created.status).toBe(201);

    const first = await openIdentified(opening(CUSTOMER));
    const before = await clocksOf(first);
    expect(before.policy).toEqual({ id: 'netix', version: 1 });
    expect(before.firstResponse).toMatchObject({ measure: 'business', budgetSeconds: 2 * 3600 });

    // The manager adds version 2 (one hour, 24x7) and points the customer at it, at the version read.
    const read = await gateway.request('GET', `/v1/customers/${CUSTOMER}`, { token: manager });
    const etag = read.headers.get('etag') as string;
    const added = await gateway.request('POST', `/v1/customers/${CUSTOMER}/sla-policies`, {
      token: manager,
      headers: { 'if-match': etag },
      body: {
        id: 'netix',
        title: 'Netix, first answer within an hour',
        calendars: ['netix-novosibirsk'],
        matcher: {
          kind: 'fixed',
          targets: {
            firstResponse: { span: { measure: 'elapsed', seconds: 3600 }, calendar: 'netix-novosibirsk' },
          },
        },
      },
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ added: { id: 'netix', version: 2 } });
    const stale = await gateway.request('PATCH', `/v1/customers/${CUSTOMER}`, {
      token: manager,
      headers: { 'if-match': etag },
      body: { policy: { id: 'netix', version: 2 } },
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'STORE_CONFLICT', currentVersion: 2 });
    const switched = await gateway.request('PATCH', `/v1/customers/${CUSTOMER}`, {
      token: manager,
      headers: { 'if-match': added.headers.get('etag') as string },
      body: { policy: { id: 'netix', version: 2 } },
    });
    expect(switched.status).toBe(200);
    // And a new version of the calendar the targets count on: longer days, every weekday.
    const day = [['08:00', '20:00']];
    const calendar = await gateway.request('POST', `/v1/customers/${CUSTOMER}/calendars`, {
      token: manager,
      headers: { 'if-match': switched.headers.get('etag') as string },
      body: {
        id: 'netix-novosibirsk',
        timeZone: 'Asia/Novosibirsk',
        week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      },
    });
    expect(calendar.status).toBe(201);
    expect(await calendar.json()).toMatchObject({ added: { id: 'netix-novosibirsk', version: 2 } });

    const after = await clocksOf(first);
    expect(after.policy).toEqual({ id: 'netix', version: 1 });
    expect(after.firstResponse).toMatchObject({
      measure: 'business',
      budgetSeconds: 2 * 3600,
      dueAt: before.firstResponse?.dueAt,
      calendar: before.firstResponse?.calendar,
    });
    expect(before.firstResponse?.calendar).toMatchObject({ id: 'netix-novosibirsk', version: 1 });
    expect(await identifiedPolicy(first)).toMatchObject({ policy: { id: 'netix', version: 1 } });

    const second = await openIdentified(opening(CUSTOMER));
    const fresh = await clocksOf(second);
    expect(fresh.policy).toEqual({ id: 'netix', version: 2 });
    const started = Date.parse(fresh.firstResponse?.startedAt as string);
    expect(fresh.firstResponse).toMatchObject({
      measure: 'elapsed',
      budgetSeconds: 3600,
      calendar: { id: 'netix-novosibirsk', version: 2 },
    });
    expect(Date.parse(fresh.firstResponse?.dueAt as string) - started).toBe(3600_000);
    expect(await identifiedPolicy(second)).toMatchObject({ policy: { id: 'netix', version: 2 } });

    const customerEvents = await gateway.store.readStream(`customer-${CUSTOMER}`);
    expect(customerEvents.map((e) => [e.type, e.metadata.actor])).toEqual([
      ['CustomerRegistered', 'manager:mia'],
      ['SlaPolicyVersionAdded', 'manager:mia'],
      ['CustomerChanged', 'manager:mia'],
      ['CalendarVersionAdded', 'manager:mia'],
    ]);
  });

  it('a ticket missing the required intake fields is a 400 naming each; no number is taken, nothing starts', async () => {
    const owners = async () =>
      Number((await gateway.db.query<{ n: string }>('SELECT count(*) AS n FROM ticket_owners')).rows[0].n);
    const before = await owners();

    const netix = await gateway.request('POST', '/v1/tickets', {
      token: engineer,
      body: opening('netix-demo', { productVersion: undefined, intake: { recurrence: ' ' } }),
    });
    expect(netix.status).toBe(400);
    expect(await netix.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'invalid request: productVersion, intake.recurrence, intake.urgency',
      errors: [
        {
          field: 'productVersion',
          rules: { required: `${netixDemo.name} requires productVersion on every new ticket` },
        },
        {
          field: 'intake.recurrence',
          rules: { required: `${netixDemo.name} requires recurrence on every new ticket` },
        },
        { field: 'intake.urgency', rules: { required: `${netixDemo.name} requires urgency on every new ticket` } },
      ],
    });

    const helpdesk = await gateway.request('POST', '/v1/tickets', {
      token: engineer,
      body: {
        customerId: 'helpdesk-il-demo',
        requester: 'noa.levi@example.com',
        title: 'Mailbox',
        description: 'Cannot send',
        severity: 'P3',
        quartet: { service: 'email', category: 'mailbox', item: ' ' },
      },
    });
    expect(helpdesk.status).toBe(400);
    expect(await helpdesk.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'quartet.item' }] });
    expect(await owners()).toBe(before);

    // Once the manager drops the field, the same request opens a ticket.
    const patched = await gateway.request('PATCH', `/v1/customers/${CUSTOMER}`, {
      token: manager,
      body: { processOptions: { requiredIntakeFields: ['productVersion', 'recurrence'] } },
    });
    expect(patched.status).toBe(200);
    const without = opening(CUSTOMER, { intake: { recurrence: 'once' } });
    expect((await gateway.request('POST', '/v1/tickets', { token: engineer, body: without })).status).toBe(201);
    expect(await owners()).toBe(before + 1);
  });
});
