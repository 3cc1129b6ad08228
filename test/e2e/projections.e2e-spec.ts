import { TICKET_READ_MODEL, type TicketReadModel } from '@caseflow/projections';
import { startGateway, type Harness } from '../support/gateway-harness';

/**
 * The read side on the real path: tickets opened and driven over HTTP (workflow, activities, the
 * audit store) reach the projection the gateway process keeps, with the events Temporal's worker
 * actually wrote; the customer's timeline leaves the internal note out.
 */
describe('projections fed by the gateway process', () => {
  let gateway: Harness;
  let readModel: TicketReadModel;
  let engineerToken: string;
  let annaToken: string;

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 1_000_000 });
    readModel = gateway.app.get<TicketReadModel>(TICKET_READ_MODEL);
    engineerToken = await gateway.token({ sub: 'eve.engineer', role: 'engineer', tier: 'L2' });
    annaToken = await gateway.customerToken('balasys-demo', 'anna.kovacs@example.com');
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const post = async (url: string, body: unknown, token: string) => gateway.request('POST', url, { token, body });

  it('projects a ticket opened and driven over HTTP; a customer never sees the internal note', async () => {
    const title = 'Gateway sessions drop for Anna after upgrade';
    const opened = await post(
      '/v1/tickets',
      {
        customerId: 'balasys-demo',
        requester: 'anna.kovacs@example.com',
        title,
        description: 'Every session ends after five minutes.',
        severity: 'S2',
        product: 'zorp-gateway',
        productVersion: '7.1',
      },
      annaToken,
    );
    expect(opened.status).toBe(201);
    const { number } = (await opened.json()) as { number: string };
    const identified = await gateway.eventually(async () => {
      const summary = await readModel.get(number, new Date());
      return summary?.phase === 'understand' ? summary : undefined;
    }, 'the projection to show the identified ticket');
    expect(identified).toMatchObject({ number, customerId: 'balasys-demo', title, severity: 'S2', priority: 'P2' });

    const command = (cmd: object) => post(`/v1/tickets/${number}/commands`, { command: cmd }, engineerToken);
    expect((await command({ type: 'respond', message: 'We are on it.' })).status).toBe(200);
    expect((await command({ type: 'comment', text: 'Anna prefers calls.', visibility: 'internal' })).status).toBe(200);

    const events = await gateway.store.readStream(`ticket-${number}`);
    expect(await readModel.waitForVersion(number, events.length, 10_000)).toBe(true);
    const summary = (await readModel.get(number, new Date()))!;
    expect(summary.version).toBe(events.length);
    expect(summary.sla.status).toMatch(/running|warned|breached|paused|met/);

    const staff = await readModel.timeline(number, 'staff');
    const customer = await readModel.timeline(number, 'customer');
    expect(staff.map((e) => e.type)).toEqual(events.map((e) => e.type));
    expect(JSON.stringify(staff)).toContain('Anna prefers calls.');
    expect(JSON.stringify(customer)).not.toContain('prefers calls');
    expect(customer.map((e) => e.type)).toContain('FirstResponseSent');

    const found = await readModel.list({ customerId: 'balasys-demo', text: 'sessions anna' }, {}, new Date());
    expect(found.items.map((t) => t.number)).toEqual([number]);
    await gateway.eventually(async () => ((await readModel.lag()).lag === 0 ? true : undefined), 'no lag');
  });
});
