import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startGateway, type Harness } from '../support/gateway-harness';
import { requiredTool } from '../support/tools';

const run = promisify(execFile);

interface Summary {
  number: string;
  customerId: string;
  phase: string;
  severity: string;
  title: string;
  version: number;
  sla: { status: string; nextDeadline: string | null };
}
interface Page {
  items: Summary[];
  nextCursor: string | null;
}
interface Timeline {
  audience: string;
  entries: Array<{ type: string; visibility: string; summary: string; position: number }>;
}

/**
 * The read side over HTTP: lists with filters and cursor pages, a ticket, its timeline and SLA
 * clocks from the projection and the store (not the workflow), the access rules on every read,
 * read-your-writes, and a ticket whose workflow execution is deleted from Temporal.
 */
describe('reads from the projection', () => {
  const temporalAddress = process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS as string;
  const anna = 'anna.kovacs@example.com';
  let gateway: Harness;
  let engineer: string;
  let annaToken: string;
  const tickets: Record<'sessions' | 'licence' | 'netix', string> = { sessions: '', licence: '', netix: '' };

  const balasys = (title: string, severity: string) => ({
    customerId: 'balasys-demo',
    requester: anna,
    title,
    description: 'Seen since Monday.',
    severity,
    product: 'zorp-gateway',
    productVersion: '7.1',
  });
  const netix = {
    customerId: 'netix-demo',
    requester: 'ivan.petrov@example.com',
    title: 'Report totals doubled',
    description: 'Returns counted twice',
    severity: '2',
    product: 'triceps',
    productVersion: '6.0',
    intake: { productVersion: '6.0', recurrence: 'recurring', urgency: 2 },
  };

  const get = async <T>(url: string, token = engineer): Promise<{ status: number; body: T; response: Response }> => {
    const response = await gateway.request('GET', url, { token });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, response };
  };
  const command = async (number: string, cmd: object, token = engineer): Promise<{ version: number }> => {
    const response = await gateway.request('POST', `/v1/tickets/${number}/commands`, { token, body: { command: cmd } });
    expect(response.status).toBe(200);
    return (await response.json()) as { version: number };
  };
  const numbers = (page: Page): string[] => page.items.map((item) => item.number);

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 2_100_000 });
    engineer = await gateway.token({ sub: 'eve', role: 'engineer', tier: 'L2' });
    annaToken = await gateway.customerToken('balasys-demo', anna);
    const open = async (body: object, token: string): Promise<string> => {
      const response = await gateway.request('POST', '/v1/tickets', { token, body });
      expect(response.status).toBe(201);
      return ((await response.json()) as { number: string }).number;
    };
    // One at a time: the list's order (newest opened first) is then the reverse of this.
    tickets.sessions = await open(balasys('Sessions drop after the upgrade', 'S2'), annaToken);
    tickets.licence = await open(balasys('Licence server unreachable', 'S1'), engineer);
    tickets.netix = await open(netix, engineer);
    for (const number of Object.values(tickets))
      await gateway.eventually(async () => {
        const { body } = await get<Summary>(`/v1/tickets/${number}`);
        return body.phase === 'understand' ? body : undefined;
      }, `${number} to be identified in the projection`);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('lists with filters, newest first; a bad value is a 400 naming the field', async () => {
    const all = (await get<Page>('/v1/tickets')).body;
    expect(numbers(all)).toEqual([tickets.netix, tickets.licence, tickets.sessions]);
    expect(all.items[1]).toMatchObject({ customerId: 'balasys-demo', title: 'Licence server unreachable' });

    const cases: Array<[string, string[]]> = [
      ['customer=balasys-demo', [tickets.licence, tickets.sessions]],
      ['customer=netix-demo', [tickets.netix]],
      ['severity=S1', [tickets.licence]],
      ['severity=S1,S2&customer=balasys-demo', [tickets.licence, tickets.sessions]],
      ['text=SESSIONS%20upgrade', [tickets.sessions]],
      ['text=sessions%20licence', []],
      ['phase=understand', [tickets.netix, tickets.licence, tickets.sessions]],
      ['phase=closed', []],
      ['slaStatus=breached', []],
      ['openedFrom=2999-01-01T00:00:00Z', []],
      [`deadlineBefore=2999-01-01T00:00:00Z&customer=balasys-demo`, [tickets.licence, tickets.sessions]],
    ];
    for (const [query, expected] of cases)
      expect({ query, numbers: numbers((await get<Page>(`/v1/tickets?${query}`)).body) }).toEqual({
        query,
        numbers: expected,
      });

    const bad = await get<{ code: string; errors: Array<{ field: string }> }>(
      '/v1/tickets?phase=flying&limit=500&openedTo=yesterday&colour=red',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['colour', 'limit', 'openedTo', 'phase']);
    // Well-formed, but not a cursor this list handed out: 422 (docs/api.md, 400 or 422).
    const badCursor = await get<{ code: string; field: string }>('/v1/tickets?cursor=not-a-cursor');
    expect(badCursor.status).toBe(422);
    expect(badCursor.body).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
  });

  it('pages with a cursor: every ticket once, in order, while a new ticket arrives', async () => {
    const seen: string[] = [];
    let url = '/v1/tickets?limit=1';
    let pages = 0;
    for (;;) {
      const { body } = await get<Page>(url);
      expect(body.items.length).toBeLessThanOrEqual(1);
      seen.push(...numbers(body));
      pages++;
      if (pages === 1) {
        // Newer than every page still to come: it must not appear in them (the order is stable).
        const response = await gateway.request('POST', '/v1/tickets', {
          token: engineer,
          body: balasys('Arrived while paging', 'S3'),
        });
        expect(response.status).toBe(201);
      }
      if (!body.nextCursor) break;
      url = `/v1/tickets?limit=1&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen).toEqual([tickets.netix, tickets.licence, tickets.sessions]);
  });

  it("lets a customer contact list and read only its own customer's tickets", async () => {
    const own = await get<Page>('/v1/tickets?severity=S1,S2', annaToken);
    expect(own.status).toBe(200);
    expect(numbers(own.body)).toEqual([tickets.licence, tickets.sessions]);
    const named = await get<Page>('/v1/tickets?customer=balasys-demo&severity=S1,S2', annaToken);
    expect(numbers(named.body)).toEqual([tickets.licence, tickets.sessions]);
    const other = await get<{ code: string }>('/v1/tickets?customer=netix-demo', annaToken);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('CUSTOMER_NOT_FOUND');
    for (const path of ['', '/timeline', '/sla']) {
      const response = await get<{ code: string }>(`/v1/tickets/${tickets.netix}${path}`, annaToken);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 404,
        code: 'TICKET_NOT_FOUND',
      });
    }
  });

  it('shows the customer the public timeline only; staff see internal notes too', async () => {
    const number = tickets.sessions;
    await command(number, { type: 'respond', message: 'We are on it.' });
    await command(number, { type: 'comment', text: 'Customer seems annoyed, call first.', visibility: 'internal' });
    const { version } = await command(number, { type: 'comment', text: 'Please send the logs.', visibility: 'public' });

    const staff = await get<Timeline>(`/v1/tickets/${number}/timeline?minVersion=${version}`);
    expect(staff.status).toBe(200);
    expect(staff.response.headers.get('caseflow-stale')).toBeNull();
    expect(staff.body.audience).toBe('staff');
    const staffText = JSON.stringify(staff.body);
    expect(staffText).toContain('call first');
    expect(staffText).toContain('Please send the logs.');
    expect(staff.body.entries.map((e) => e.position)).toEqual(
      [...staff.body.entries.map((e) => e.position)].sort((a, b) => a - b),
    );

    const customer = await get<Timeline>(`/v1/tickets/${number}/timeline?minVersion=${version}`, annaToken);
    expect(customer.status).toBe(200);
    expect(customer.body.audience).toBe('customer');
    const customerText = JSON.stringify(customer.body);
    expect(customerText).not.toContain('call first');
    expect(customerText).toContain('Please send the logs.');
    expect(customerText).toContain('We are on it.');
    expect(customer.body.entries.every((e) => e.visibility === 'public')).toBe(true);
    expect(customer.body.entries.map((e) => e.type)).not.toContain('StaffNotified');
  });

  it('reads its own writes: ?minVersion waits for the projection, or answers stale after the bound', async () => {
    const number = tickets.licence;
    const { version } = await command(number, { type: 'respond', message: 'Checking the licence server.' });
    const stream = await gateway.store.readStream(`ticket-${number}`);
    expect(version).toBe(stream.length);

    const fresh = await get<Summary>(`/v1/tickets/${number}?minVersion=${version}`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBeGreaterThanOrEqual(version);
    expect(fresh.response.headers.get('caseflow-stale')).toBeNull();

    const ahead = version + 1_000;
    const stale = await get<Summary>(`/v1/tickets/${number}?minVersion=${ahead}`);
    expect(stale.status).toBe(200);
    expect(stale.body.number).toBe(number);
    expect(stale.response.headers.get('caseflow-stale')).toBe(`${stale.body.version}; asked=${ahead}`);

    const bad = await get<{ errors: Array<{ field: string }> }>(`/v1/tickets/${number}?minVersion=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['minVersion']);
  });

  it('still reads a ticket, its timeline and its clocks after `temporal workflow delete`', async () => {
    const number = tickets.netix;
    const before = (await get<Summary>(`/v1/tickets/${number}`)).body;
    const cli = requiredTool('CASEFLOW_TEMPORAL_CLI');
    await run(cli, ['workflow', 'delete', '--workflow-id', number, '--address', temporalAddress], { timeout: 10_000 });
    await gateway.eventually(
      () =>
        run(cli, ['workflow', 'describe', '--workflow-id', number, '--address', temporalAddress], {
          timeout: 10_000,
        }).then(
          () => undefined,
          (error: { stderr?: string }) => (/not found/i.test(error.stderr ?? '') ? true : undefined),
        ),
      'the workflow execution to be gone from Temporal',
    );

    const after = await get<Summary>(`/v1/tickets/${number}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      number,
      customerId: 'netix-demo',
      phase: before.phase,
      version: before.version,
    });
    expect(after.body.sla.status).toBe(before.sla.status);
    const clocks = await get<{ asOf: string; firstResponse?: { status: string; dueAt: string } }>(
      `/v1/tickets/${number}/sla`,
    );
    expect(clocks.status).toBe(200);
    // Nobody answered it: its first-response clock still runs, as of now.
    expect(clocks.body.firstResponse?.status).toMatch(/^(running|warned|breached)$/);
    expect(Date.now() - Date.parse(clocks.body.asOf)).toBeLessThan(60_000);
    expect((await get<Timeline>(`/v1/tickets/${number}/timeline`)).body.entries[0].type).toBe('TicketOpened');
    // It still reads, but it takes no more commands: the ticket's refusal (422), not a missing ticket.
    const refused = await gateway.request('POST', `/v1/tickets/${number}/commands`, {
      token: engineer,
      body: { command: { type: 'respond', message: 'Anyone there?' } },
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'COMMAND_REJECTED', number });
  });

  it("reports the projection's lag against the store's head at /health/ready", async () => {
    const response = await fetch(`${gateway.baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      projection: { position: number; head: number; lag: number };
      temporal: string;
    };
    expect(body).toMatchObject({ status: 'ready', temporal: 'up' });
    expect(body.projection.head).toBeGreaterThan(0);
    expect(body.projection.position).toBeLessThanOrEqual(body.projection.head);
    // Caught up: no ticket event waits beyond the checkpoint (customer streams may lie beyond it).
    expect(body.projection.lag).toBe(0);
  });

  it('is not ready (503) while the projection is further behind than allowed', async () => {
    // A gateway that does not run the projector: the ticket events its worker records wait beyond the checkpoint.
    const idle = await startGateway({
      numbersFrom: 2_190_000,
      projections: { runProjector: false },
      availability: { readyMaxLag: 0 },
    });
    try {
      const ready = async () => {
        const response = await fetch(`${idle.baseUrl}/health/ready`);
        return { status: response.status, body: (await response.json()) as Record<string, unknown> };
      };
      expect((await ready()).status).toBe(200);
      const opened = await idle.request('POST', '/v1/tickets', {
        token: await idle.token({ sub: 'eve', role: 'engineer', tier: 'L2' }),
        body: balasys('Nobody projects this', 'S3'),
      });
      expect(opened.status).toBe(201);
      const behind = await idle.eventually(async () => {
        const answer = await ready();
        return answer.status === 503 ? answer.body : undefined;
      }, 'the projection to fall behind');
      expect(behind).toMatchObject({ status: 'catching-up', projection: { position: 0, maxLag: 0 } });
      expect((behind.projection as { lag: number }).lag).toBeGreaterThan(0);
    } finally {
      await idle.close();
    }
  });
});
