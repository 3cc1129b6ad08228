import { canAppendWithin } from '@caseflow/event-store';
import { netixDemo } from '@caseflow/directory';
import { COMMAND_ROLES } from '@caseflow/gateway';
import { ApiKeys } from '@caseflow/identity';
import { readAccessTable, type AccessRow } from '../support/access-table';
import { startGateway, type Harness } from '../support/gateway-harness';

/**
 * Walks docs/access.md over HTTP: every route × caller × tenant, against the gateway with its
 * worker on the Temporal dev server and PostgreSQL. The table is the expectation; a cell that the
 * gateway answers otherwise fails, and so does a route the app serves that the table lacks.
 */
describe('the access table (docs/access.md), walked over HTTP', () => {
  const OWN = 'balasys-demo';
  const OTHER = 'netix-demo';
  const anna = 'anna.kovacs@example.com';
  let gateway: Harness;
  const tickets: Record<'own' | 'other', string> = { own: '', other: '' };
  const callers: Record<string, { token: string; headers?: Record<string, string> }> = {};
  const table = readAccessTable();

  const opening = {
    own: {
      customerId: OWN,
      requester: anna,
      title: 'Sessions drop',
      description: 'Since the upgrade',
      severity: 'S2',
      product: 'zorp-gateway',
      productVersion: '7.1',
    },
    other: {
      customerId: OTHER,
      requester: 'ivan.petrov@example.com',
      title: 'Report totals',
      description: 'Returns counted twice',
      severity: '2',
      product: 'triceps',
      productVersion: '6.0',
      intake: { productVersion: '6.0', recurrence: 'recurring', urgency: 2 },
    },
  };

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 100_000 });
    const keys = await ApiKeys.open(gateway.db, canAppendWithin(gateway.store) ? gateway.store : undefined);
    const { key } = await keys.create({ name: 'matrix-robot', role: 'service', customers: [OWN] }, 'operator:test');
    callers.customer = { token: await gateway.customerToken(OWN, anna) };
    callers.engineer = { token: await gateway.token({ sub: 'eve', role: 'engineer', tier: 'L2' }) };
    callers.manager = { token: await gateway.token({ sub: 'mia', role: 'manager' }) };
    callers.supervisor = { token: await gateway.token({ sub: 'sam', role: 'supervisor' }) };
    callers.auditor = { token: await gateway.token({ sub: 'ada', role: 'auditor' }) };
    callers['svc→eng'] = { token: key, headers: { 'x-on-behalf-of': 'engineer:eve' } };
    callers.service = { token: key };

    // The own ticket is Anna's (she opens it herself); the other customer's is opened by staff.
    for (const [tenant, token] of [
      ['own', callers.customer.token],
      ['other', callers.engineer.token],
    ] as const) {
      const response = await gateway.request('POST', '/v1/tickets', { token, body: opening[tenant] });
      expect(response.status).toBe(201);
      tickets[tenant] = ((await response.json()) as { number: string }).number;
      await gateway.eventually(async () => {
        const view = (await (
          await gateway.request('GET', `/v1/tickets/${tickets[tenant]}`, { token: callers.engineer.token })
        ).json()) as { phase: string };
        return view.phase === 'understand' ? view : undefined;
      }, `${tickets[tenant]} to be identified`);
    }
  });

  afterAll(async () => {
    await gateway?.close();
  });

  /** The request each row stands for, against the own or the other customer's target. */
  function requestFor(row: AccessRow, tenant: 'own' | 'other'): { method: string; url: string; body?: unknown } {
    const number = tickets[tenant];
    const customer = tenant === 'own' ? OWN : OTHER;
    const [method, , type] = row.key.split(' ');
    switch (row.route) {
      case 'POST /v1/tickets':
        return { method, url: '/v1/tickets', body: opening[tenant] };
      case 'GET /v1/tickets':
        return { method, url: `/v1/tickets?customer=${customer}` };
      case 'GET /v1/tickets/{number}':
        return { method, url: `/v1/tickets/${number}` };
      case 'GET /v1/tickets/{number}/timeline':
        return { method, url: `/v1/tickets/${number}/timeline` };
      case 'GET /v1/tickets/{number}/sla':
        return { method, url: `/v1/tickets/${number}/sla` };
      case 'GET /v1/tickets/{number}/events':
        return { method, url: `/v1/tickets/${number}/events` };
      case 'POST /v1/tickets/{number}/commands':
        return { method, url: `/v1/tickets/${number}/commands`, body: { command: probeCommand(type) } };
      case 'GET /v1/customers':
        return { method, url: '/v1/customers' };
      case 'GET /v1/customers/{id}':
        return { method, url: `/v1/customers/${customer}` };
      case 'PUT /v1/customers/{id}/authorized-person':
        // Neither customer has one authorized person: the directory refuses (422) what the guard lets through.
        return {
          method,
          url: `/v1/customers/${customer}/authorized-person`,
          body: { email: 'new.person@example.com', name: 'New Person' },
        };
      // The directory refuses each of these probes (422 CUSTOMER_INVALID) before writing anything.
      case 'POST /v1/customers':
        return {
          method,
          url: '/v1/customers',
          body: { ...netixDemo, id: customer, policy: { id: 'none', version: 1 } },
        };
      case 'PATCH /v1/customers/{id}':
        return { method, url: `/v1/customers/${customer}`, body: { policy: { id: 'none', version: 1 } } };
      case 'POST /v1/customers/{id}/sla-policies':
        return {
          method,
          url: `/v1/customers/${customer}/sla-policies`,
          body: { id: 'probe', title: 'probe', calendars: ['nowhere'], matcher: { kind: 'fixed', targets: {} } },
        };
      case 'POST /v1/customers/{id}/calendars':
        return {
          method,
          url: `/v1/customers/${customer}/calendars`,
          body: { id: 'probe', timeZone: 'Europe/Budapest', week: {} },
        };
      case 'GET /v1/customers/{id}/queue':
        return { method, url: `/v1/customers/${customer}/queue` };
      case 'POST /v1/customers/{id}/queue/prioritize':
        // Neither customer has a sequential queue: the queue refuses (422).
        return {
          method,
          url: `/v1/customers/${customer}/queue/prioritize`,
          body: { ticket: number, reason: 'agreed' },
        };
      default:
        throw new Error(`the matrix test has no request for the row "${row.key}"`);
    }
  }

  it('has a row for every route the app serves and every command type', async () => {
    const spec = (await (await gateway.request('GET', '/docs-json')).json()) as { paths: Record<string, object> };
    const served = Object.entries(spec.paths)
      .flatMap(([url, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${url}`))
      // The table covers /v1; /health is open and /codec answers to its own check (codec roles, docs/codec.md).
      .filter((route) => route.split(' ')[1].startsWith('/v1/'));
    expect([...new Set(table.rows.map((row) => row.route))].sort()).toEqual(served.sort());
    const commandRows = table.rows.filter((row) => row.route.endsWith('/commands')).map((row) => row.key.split(' ')[2]);
    expect(commandRows.sort()).toEqual(Object.keys(COMMAND_ROLES).sort());
  });

  it('answers every cell as the table says, and records nothing it refuses', async () => {
    const before = {
      own: (await gateway.store.readStream(`ticket-${tickets.own}`)).length,
      other: (await gateway.store.readStream(`ticket-${tickets.other}`)).length,
    };
    const mismatches: string[] = [];
    let asserted = 0;
    let opened = 0;
    for (const row of table.rows) {
      for (const column of table.columns) {
        const [callerName, tenant] = column.split(' ') as [string, 'own' | 'other'];
        const caller = callers[callerName];
        if (!caller) throw new Error(`no caller for the column "${column}"`);
        const { method, url, body } = requestFor(row, tenant);
        const response = await gateway.request(method, url, { token: caller.token, body, headers: caller.headers });
        const answer = (await response.json()) as { code?: string; field?: string };
        const expected = row.cells[column];
        // Let through: refused after the guard, by the body's validation (400, which runs only past
        // the guard) or by the ticket (422), never for the role.
        const ok =
          expected === '✓'
            ? (response.status === 422 && answer.code !== 'ACTOR_NOT_AUTHORIZED' && answer.field !== 'actor.role') ||
              (response.status === 400 && answer.code === 'VALIDATION_FAILED')
            : response.status === Number(expected);
        if (!ok)
          mismatches.push(
            `${row.key} × ${column}: expected ${expected}, got ${response.status} ${JSON.stringify(answer)}`,
          );
        if (response.status === 201) opened++;
        asserted++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(asserted).toBe(table.rows.length * table.columns.length);
    expect(asserted).toBe(38 * 14);
    // Refusals and probes left both tickets as they were; only the 201s opened tickets.
    expect((await gateway.store.readStream(`ticket-${tickets.own}`)).length).toBe(before.own);
    expect((await gateway.store.readStream(`ticket-${tickets.other}`)).length).toBe(before.other);
    const { rows } = await gateway.db.query<{ n: string }>('SELECT count(*) AS n FROM ticket_owners');
    expect(Number(rows[0].n)).toBe(2 + opened);
    // Nor did the directory probes change a customer: each stream holds its seed event alone.
    for (const customer of [OWN, OTHER]) expect(await gateway.store.readStream(`customer-${customer}`)).toHaveLength(1);
  });

  it('lists only the customers in the caller’s scope', async () => {
    const ids = async (name: string) =>
      (
        (await (
          await gateway.request('GET', '/v1/customers', { token: callers[name].token, headers: callers[name].headers })
        ).json()) as Array<{ id: string }>
      ).map((c) => c.id);
    expect(await ids('customer')).toEqual([OWN]);
    expect(await ids('service')).toEqual([OWN]);
    expect(await ids('auditor')).toHaveLength(5);
  });
});

/**
 * A command refused for its content (by the gateway's validation, 400) or its phase (by the ticket
 * in phase understand, 422), never for the role.
 */
function probeCommand(type: string): Record<string, unknown> {
  const empty: Record<string, Record<string, unknown>> = {
    classify: { reason: '' },
    respond: { message: '' },
    requestClarification: { questions: [] },
    answerClarification: { answer: '' },
    provideWorkaround: { description: '' },
    applyHotfix: { description: '' },
    proposeFix: { description: '' },
    approveFix: { proposalId: 1 },
    rejectFix: { proposalId: 1, reason: 'no' },
    implementFix: { note: 'done' },
    resolve: { solution: 's', measures: 'm', prevention: 'p' },
    accept: {},
    reopen: { reason: 'again' },
    giveFeedback: { score: 5 },
    recordBusinessImpact: { impact: '' },
    cancel: { reason: '' },
    requestEscalation: { reason: '' },
    // Nothing is waiting for a decision, and nothing is escalated: the ticket refuses these (422).
    acceptEscalation: {
      specialist: 'sam',
      actionPlan: 'p',
      channels: ['phone'],
      updateFrequency: { every: 4, unit: 'hours' },
      participants: ['sam'],
    },
    declineEscalation: { reason: 'no' },
    lowerEscalation: { cause: 'severityDropped', reason: 'r' },
    assign: { assignee: '', reason: 'r' },
    handOver: { tier: 'L2', assignee: 'max', reason: 'r' },
    comment: { text: '' },
  };
  if (!(type in empty)) throw new Error(`no probe for the command ${type}`);
  return { type, ...empty[type] };
}
