import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { dataConverterFor } from '@caseflow/codec';
import type { Database, EventStore } from '@caseflow/event-store';
import { startGateway, type Harness } from '../support/gateway-harness';
import { testCodecConfig } from '../support/codec-keys';
import { requiredTool } from '../support/tools';
import { balasysSessionsDropBody } from '../support/ticket-fixtures';
import { decrypted } from '../support/decrypted-history';

const run = promisify(execFile);

/** The gateway over real HTTP, a worker in the same process, the Go-built Temporal dev server, PostgreSQL. */
describe('tickets over HTTP', () => {
  const temporalAddress = process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS as string;
  const customerId = 'balasys-demo';
  let gateway: Harness;
  let baseUrl: string;
  let readDb: Database;
  let store: EventStore;
  let engineerToken: string;
  let annaToken: string;
  const checkpointFile = path.join(os.tmpdir(), `caseflow-e2e-checkpoints-${randomUUID()}.jsonl`);
  const authorized = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 0, checkpoints: { sink: checkpointFile, everyMs: 1_000 } });
    ({ baseUrl, db: readDb, store } = gateway);
    engineerToken = await gateway.token({ sub: 'eve.engineer', role: 'engineer', tier: 'L2' });
    annaToken = await gateway.customerToken(customerId, 'anna.kovacs@example.com');
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const get = (url: string, token = engineerToken): Promise<Response> =>
    fetch(`${baseUrl}${url}`, { headers: authorized(token) });

  const post = (body: unknown, token = engineerToken): Promise<Response> =>
    fetch(`${baseUrl}/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorized(token) },
      body: JSON.stringify(body),
    });

  const validTicket = { ...balasysSessionsDropBody, customerId };

  it('opens a ticket, reads it back, records one TicketOpened and is found by its customer attribute', async () => {
    const created = await post(validTicket);
    expect(created.status).toBe(201);
    const { number } = (await created.json()) as { number: string };
    expect(number).toMatch(/^CF-\d{4}-\d{6}$/);

    const view = await gateway.eventually(async () => {
      const body = (await (await get(`/v1/tickets/${number}`)).json()) as Record<string, unknown>;
      return body.phase === 'understand' ? body : undefined;
    }, 'the ticket to be identified');
    expect(view).toMatchObject({
      number,
      customerId,
      severity: 'S2',
      priority: 'P2',
      phase: 'understand',
      title: validTicket.title,
    });
    expect(Date.parse(view.openedAt as string)).not.toBeNaN();
    // The projection names the requester by subject id, never by address.
    expect(view.requesterSubject).toEqual(expect.any(String));
    expect(JSON.stringify(view)).not.toContain(validTicket.requester);

    const events = await store.readStream(`ticket-${number}`);
    expect(events.map((event) => event.type)).toEqual(['TicketOpened', 'CustomerIdentified']);
    expect(events.filter((event) => event.type === 'TicketOpened')).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      number,
      customerId,
      severity: 'S2',
      requester: validTicket.requester,
      description: validTicket.description,
    });

    // As stored, neither the ticket nor the seeded directory holds the requester's address or words.
    const { rows } = await readDb.query<{ stream_id: string; data: string; metadata: string }>(
      'SELECT stream_id, data::text AS data, metadata::text AS metadata FROM es_events WHERE stream_id = ANY($1::text[])',
      [[`ticket-${number}`, `customer-${customerId}`]],
    );
    expect(rows.map((row) => row.stream_id).sort()).toEqual([
      `customer-${customerId}`,
      `ticket-${number}`,
      `ticket-${number}`,
    ]);
    for (const row of rows) {
      for (const text of [validTicket.requester, validTicket.title, validTicket.description])
        expect(`${row.data}${row.metadata}`).not.toContain(text);
    }

    const listed = await gateway.eventually(async () => {
      const { stdout } = await run(
        requiredTool('CASEFLOW_TEMPORAL_CLI'),
        [
          'workflow',
          'list',
          '--address',
          temporalAddress,
          '--query',
          `CaseflowCustomer="${customerId}"`,
          '--output',
          'json',
        ],
        { timeout: 10_000 },
      );
      const rows = JSON.parse(stdout || '[]') as Array<{ execution: { workflowId: string } }>;
      // Other e2e suites share the dev server and open tickets of this customer too.
      return rows.some((row) => row.execution.workflowId === number) ? rows : undefined;
    }, 'temporal workflow list to find the ticket');
    expect(listed.map((row) => row.execution.workflowId)).toContain(number);

    // Temporal UI's line for it, as the gateway started it: number, customer, severity, no title or name.
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const description = await new Client({ connection, dataConverter: dataConverterFor(testCodecConfig()) }).workflow
        .getHandle(number)
        .describe();
      expect(await description.staticSummary()).toBe(`${number} · ${customerId} · S2`);
    } finally {
      await connection.close();
    }
  });

  it('numbers tickets uniquely and in order', async () => {
    const numbers = await Promise.all(
      [1, 2, 3].map(async () => ((await (await post(validTicket)).json()) as { number: string }).number),
    );
    const sequences = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(3);
    expect(sequences[2] - sequences[0]).toBe(2);
  });

  it('answers 400 naming each bad field and the rule it broke', async () => {
    const response = await post({
      customerId: 'Not A Slug',
      requester: 'not-an-email',
      description: 'x',
      severity: 'S9',
      extra: 1,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      code: string;
      errors: Array<{ field: string; rules: Record<string, string> }>;
    };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.field).sort()).toEqual(['customerId', 'extra', 'requester', 'severity', 'title']);
    expect(body.errors.find((e) => e.field === 'severity')?.rules).toHaveProperty('isIn');
  });

  it('lets a new ticket reference an existing one, and refuses a reference to none', async () => {
    const { number: earlier } = (await (await post(validTicket)).json()) as { number: string };
    const followUp = await post({ ...validTicket, relatedTo: earlier });
    expect(followUp.status).toBe(201);
    const dangling = await post({ ...validTicket, relatedTo: 'CF-1999-000042' });
    expect(dangling.status).toBe(422);
    expect(await dangling.json()).toEqual({
      code: 'RELATED_TICKET_NOT_FOUND',
      message: 'relatedTo names no ticket: CF-1999-000042',
      field: 'relatedTo',
    });
  });

  it('refuses a secret in the request (003 asks for the account): 400, nothing started', async () => {
    const response = await post({ ...validTicket, intake: { account: 'crm-admin', password: 'hunter2' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ field: string; rules: Record<string, string> }> };
    expect(body.errors).toEqual([
      { field: 'intake', rules: { noCredentials: expect.stringMatching(/^intake\.password looks like a credential/) } },
    ]);
  });

  it('answers 404 with a clear body for an unknown ticket', async () => {
    for (const id of ['CF-1999-000001', 'no-such-ticket']) {
      const response = await get(`/v1/tickets/${id}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ code: 'TICKET_NOT_FOUND', message: `no ticket ${id}`, number: id });
    }
  });

  it('drives a ticket with commands: accepted ones change it, rejected ones say why and record nothing', async () => {
    const { number } = (await (await post(validTicket)).json()) as { number: string };
    await gateway.eventually(async () => {
      const body = (await (await get(`/v1/tickets/${number}`)).json()) as { phase: string };
      return body.phase === 'understand' ? body : undefined;
    }, 'identification');
    const command = (cmd: object, token = engineerToken, extra: object = {}): Promise<Response> =>
      fetch(`${baseUrl}/v1/tickets/${number}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorized(token) },
        body: JSON.stringify({ command: cmd, ...extra }),
      });

    const answered = await command({ type: 'respond', message: 'We are on it.', eta: '2030-01-01T12:00:00.000Z' });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ number, eta: '2030-01-01T12:00:00.000Z' });

    const before = (await store.readStream(`ticket-${number}`)).length;
    // Refused by role at the gateway, before the ticket hears of it.
    const wrongRole = await command({ type: 'applyHotfix', description: 'x' }, annaToken);
    expect(wrongRole.status).toBe(403);
    expect(await wrongRole.json()).toEqual({
      code: 'ACTOR_NOT_AUTHORIZED',
      message: 'customer may not ticket.command (applyHotfix)',
    });
    // Her role may answer, but nothing was asked: the ticket says why.
    const nothingAsked = await command({ type: 'answerClarification', answer: 'host 7' }, annaToken);
    expect(nothingAsked.status).toBe(422);
    expect(await nothingAsked.json()).toMatchObject({
      code: 'COMMAND_REJECTED',
      message: 'no clarification is waiting for an answer',
    });
    const mallory = await gateway.customerToken(customerId, 'mallory@example.com');
    const stranger = await command({ type: 'cancel', reason: 'x' }, mallory);
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ code: 'ACTOR_NOT_AUTHORIZED' });
    // The actor comes from the token: a body that names one is refused.
    const claimed = await command({ type: 'cancel', reason: 'because I can' }, engineerToken, {
      actor: { id: 'mallory', role: 'manager' },
    });
    expect(claimed.status).toBe(400);
    expect(((await claimed.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([
      'actor',
    ]);
    const unknownType = await command({ type: 'teleport' });
    expect(unknownType.status).toBe(400);
    expect(((await unknownType.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([
      'command.type',
    ]);
    expect((await store.readStream(`ticket-${number}`)).length).toBe(before);

    const clocks = (await (await get(`/v1/tickets/${number}/sla`)).json()) as {
      firstResponse?: { status: string };
    };
    expect(clocks.firstResponse?.status).toBe('met');
  });

  it('escalates over HTTP: the customer asks, a manager accepts with the agreed plan, staff note internally', async () => {
    const { number } = (await (await post(validTicket)).json()) as { number: string };
    await gateway.eventually(async () => {
      const body = (await (await get(`/v1/tickets/${number}`)).json()) as { phase: string };
      return body.phase === 'understand' ? body : undefined;
    }, 'identification');
    const managerToken = await gateway.token({ sub: 'mia', role: 'manager' });
    const command = (cmd: object, token: string): Promise<Response> =>
      fetch(`${baseUrl}/v1/tickets/${number}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorized(token) },
        body: JSON.stringify({ command: cmd }),
      });
    expect((await command({ type: 'respond', message: 'Looking into it.' }, engineerToken)).status).toBe(200);
    expect((await command({ type: 'requestEscalation', reason: 'Orders are failing.' }, annaToken)).status).toBe(200);
    const accept = {
      type: 'acceptEscalation',
      severity: 'S1',
      specialist: 'sam',
      actionPlan: 'Call at 10:00 daily.',
      channels: ['phone'],
      updateFrequency: { every: 4, unit: 'hours' },
      participants: ['Anna Kovács', 'sam'],
    };
    const byEngineer = await command(accept, engineerToken);
    expect(byEngineer.status).toBe(403);
    expect(await byEngineer.json()).toMatchObject({ code: 'ACTOR_NOT_AUTHORIZED' });
    const accepted = await command(accept, managerToken);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({
      severity: 'S1',
      assignee: 'sam',
      escalation: { level: 1, agreement: { updateFrequency: { every: 4, unit: 'hours' }, channels: ['phone'] } },
    });
    const noted = await command(
      { type: 'comment', text: 'Anna prefers calls.', visibility: 'internal' },
      engineerToken,
    );
    expect(noted.status).toBe(200);
    // Anna reads her ticket: counts only, never the note's text. The agreed 4 hours are the update cadence.
    const asAnna = await (await get(`/v1/tickets/${number}`, annaToken)).text();
    expect(asAnna).not.toContain('prefers calls');
    expect(JSON.parse(asAnna)).not.toHaveProperty('comments');
    const sla = (await (await get(`/v1/tickets/${number}/sla`)).json()) as { update?: { span: unknown } };
    expect(sla.update?.span).toEqual({ measure: 'elapsed', seconds: 14_400 });
    const types = (await store.readStream(`ticket-${number}`)).map((e) => e.type);
    expect(types.slice(4)).toEqual([
      'EscalationRequested',
      'StaffNotified',
      'EscalationAccepted',
      'CustomerNotified',
      'StaffNotified',
      'CommentAdded',
    ]);
  });

  it("shows a sequential customer's queue and refuses to reorder what is not waiting", async () => {
    const bpmsoft = {
      customerId: 'bpmsoft-demo',
      requester: 'maria.ivanova@example.com',
      title: 'Login page error',
      description: '500 on login',
      severity: 'high',
      product: 'bpmsoft',
      productVersion: '1.7',
      intake: { systemAddress: 'https://crm.example.com', stepsToReproduce: '1. open login', environment: '2 nodes' },
    };
    expect(await (await get('/v1/customers/bpmsoft-demo/queue')).json()).toEqual({ waiting: [] });
    const { number: first } = (await (await post(bpmsoft)).json()) as { number: string };
    // Let the first take its turn before the second arrives (otherwise either could be first).
    await gateway.eventually(async () => {
      const body = (await (await get('/v1/customers/bpmsoft-demo/queue')).json()) as { active?: string };
      return body.active === first ? body : undefined;
    }, 'the first request to be active');
    const { number: second } = (await (await post(bpmsoft)).json()) as { number: string };
    const queue = await gateway.eventually(async () => {
      const body = (await (await get('/v1/customers/bpmsoft-demo/queue')).json()) as {
        active?: string;
        waiting: string[];
      };
      return body.waiting.length === 1 ? body : undefined;
    }, 'the second request to wait');
    expect(queue).toEqual({ active: first, waiting: [second] });
    const agreement = `Agreed with Maria Ivanova by phone ${randomUUID().slice(0, 8)}`;
    const prioritize = (ticket: string) =>
      fetch(`${baseUrl}/v1/customers/bpmsoft-demo/queue/prioritize`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorized(engineerToken) },
        body: JSON.stringify({ ticket, reason: agreement }),
      });
    const notWaiting = await prioritize(first);
    expect(notWaiting.status).toBe(422);
    expect(await notWaiting.json()).toMatchObject({
      code: 'COMMAND_REJECTED',
      message: `${first} is not waiting in this queue`,
    });
    // Another customer's ticket is refused as an unknown one is: the queue says nothing of it.
    const { number: balasys } = (await (await post(validTicket)).json()) as { number: string };
    const elsewhere = await prioritize(balasys);
    expect(elsewhere.status).toBe(422);
    expect(await elsewhere.json()).toEqual({
      code: 'COMMAND_REJECTED',
      message: `${balasys} is not waiting in this queue`,
      field: 'ticket',
    });
    const unknown = await prioritize('CF-2026-999999');
    expect(await unknown.json()).toEqual({
      code: 'COMMAND_REJECTED',
      message: 'CF-2026-999999 is not waiting in this queue',
      field: 'ticket',
    });
    const reordered = await prioritize(second);
    expect(reordered.status).toBe(200);
    expect(await reordered.json()).toEqual({ active: first, waiting: [second] });

    // The moved ticket records the agreement in its own stream, by the engineer, the text sealed there.
    const entry = await gateway.eventually(async () => {
      const body = (await (await get(`/v1/tickets/${second}/timeline`)).json()) as {
        entries: Array<{ type: string; summary: string; actor: string; visibility: string }>;
      };
      return body.entries.find((e) => e.type === 'TicketPrioritized');
    }, 'the agreement on the timeline');
    expect(entry).toMatchObject({
      summary: `Moved to the front of the customer's queue, as agreed: ${agreement}`,
      actor: 'engineer:eve.engineer',
      visibility: 'public',
    });
    const [stored] = (await store.readStream(`ticket-${second}`)).filter((e) => e.type === 'TicketPrioritized');
    expect(stored.data).toEqual({ ahead: [first], reason: agreement });
    // Temporal carries a reference to it, in the queue's history and in the ticket's: never the text.
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const client = new Client({ connection });
      for (const workflowId of [second, 'queue-bpmsoft-demo']) {
        const texts = decrypted(await client.workflow.getHandle(workflowId).fetchHistory()).map((p) => p.text);
        expect(texts.some((text) => text.includes('"pd:'))).toBe(true);
        expect(texts.filter((text) => text.includes('Maria Ivanova'))).toEqual([]);
      }
    } finally {
      await connection.close();
    }
  });

  it('takes scheduled checkpoints, in the store and in the configured file', async () => {
    const line = await gateway.eventually(async () => {
      const lines = fs.existsSync(checkpointFile)
        ? fs.readFileSync(checkpointFile, 'utf8').trim().split('\n').filter(Boolean)
        : [];
      return lines.length > 0
        ? (JSON.parse(lines[lines.length - 1]) as { root: string; globalPosition: number })
        : undefined;
    }, 'a checkpoint in the sink file');
    expect(line.root).toMatch(/^[0-9a-f]{64}$/);
    expect(line.globalPosition).toBeGreaterThan(0);
    expect((await store.readStream('$checkpoints')).length).toBeGreaterThan(0);
  });

  it('serves the OpenAPI page', async () => {
    const response = await fetch(`${baseUrl}/docs-json`);
    expect(response.status).toBe(200);
    const spec = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/v1/tickets', '/v1/tickets/{number}']));
  });
});
