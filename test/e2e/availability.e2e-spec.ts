import * as net from 'node:net';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '@caseflow/temporal';
import { startGateway, type Harness } from '../support/gateway-harness';
import { requiredTool } from '../support/tools';
import { waitUntil } from '../support/wait-until';

/** A local port nobody listens on: a Temporal server that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The gateway when Temporal's side is away: reads answer from the audit store, commands wait a
 * bounded time and answer 503 with the error shape, a code naming what is missing and Retry-After.
 * First the suite's gateway stops its own worker (Temporal up, nobody polls the ticket queue); then a
 * second gateway on the same database talks to a Temporal address where nothing listens.
 */
describe('reads and commands while the worker or Temporal is down', () => {
  const availability = { temporalTimeoutMs: 3_000, retryAfterSeconds: 7 };
  let gateway: Harness;
  let engineer: string;
  let auditor: string;
  let number: string;
  const opening = {
    customerId: 'balasys-demo',
    requester: 'anna.kovacs@example.com',
    title: 'Gateway drops sessions at noon',
    description: 'Every day at noon all sessions end.',
    severity: 'S2',
    product: 'zorp-gateway',
    productVersion: '7.1',
  };

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 2_000_000, availability });
    engineer = await gateway.token({ sub: 'eve', role: 'engineer', tier: 'L2' });
    auditor = await gateway.token({ sub: 'ada', role: 'auditor' });
    const opened = await gateway.request('POST', '/v1/tickets', { token: engineer, body: opening });
    expect(opened.status).toBe(201);
    ({ number } = (await opened.json()) as { number: string });
    await gateway.eventually(async () => {
      const response = await gateway.request('GET', `/v1/tickets/${number}/sla`, { token: engineer });
      // Before identification there are no clocks: 200 with no body, as the workflow answered.
      return response.status === 200 && (await response.text()) !== '' ? true : undefined;
    }, 'the ticket to be identified');
    await gateway.eventually(async () => {
      const view = await gateway.request('GET', `/v1/tickets/${number}`, { token: engineer });
      return ((await view.json()) as { phase: string }).phase === 'understand' ? true : undefined;
    }, 'the ticket to be projected');
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const respond = (target: Harness, token: string): Promise<Response> =>
    target.request('POST', `/v1/tickets/${number}/commands`, {
      token,
      body: { command: { type: 'respond', message: 'We are looking into it.' } },
    });

  async function expectUnavailable(response: Response, code: string): Promise<void> {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({
      code,
      message: expect.stringContaining('within 3 s'),
      retryAfterSeconds: 7,
    });
  }

  it('answers a command with the stream position it wrote while the worker runs', async () => {
    const response = await respond(gateway, engineer);
    expect(response.status).toBe(200);
    const { version } = (await response.json()) as { version: number };
    const stream = await gateway.store.readStream(`ticket-${number}`);
    expect(version).toBe(stream[stream.length - 1].position);
  });

  it('records a command retried with the same Idempotency-Key once, and answers both with the same state', async () => {
    const comment = (key: string) =>
      gateway.request('POST', `/v1/tickets/${number}/commands`, {
        token: engineer,
        headers: { 'idempotency-key': key },
        body: { command: { type: 'comment', text: 'Logs received.', visibility: 'public' } },
      });
    const key = `retry-${number}`;
    const first = await comment(key);
    const retry = await comment(key);
    expect([first.status, retry.status]).toEqual([200, 200]);
    const [a, b] = [(await first.json()) as { version: number }, (await retry.json()) as { version: number }];
    expect(b.version).toBe(a.version);
    const comments = (await gateway.store.readStream(`ticket-${number}`)).filter((e) => e.type === 'CommentAdded');
    expect(comments).toHaveLength(1);
    const bad = await comment('not a key!');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([
      'Idempotency-Key',
    ]);
  });

  it('with the worker stopped: SLA clocks and the stored stream read 200, a command is 503 WORKER_UNAVAILABLE', async () => {
    await gateway.stopWorker();
    const recorded = (await gateway.store.readStream(`ticket-${number}`)).length;

    const sla = await gateway.request('GET', `/v1/tickets/${number}/sla`, { token: engineer });
    expect(sla.status).toBe(200);
    const clocks = (await sla.json()) as { firstResponse: { status: string }; asOf: string };
    expect(clocks.firstResponse.status).toBe('met');
    // As of now, not as of the last event: the fold runs to the moment asked.
    expect(Date.now() - Date.parse(clocks.asOf)).toBeLessThan(60_000);

    const events = await gateway.request('GET', `/v1/tickets/${number}/events`, { token: auditor });
    expect(events.status).toBe(200);
    const body = (await events.json()) as { streamId: string; events: Array<{ position: number; hash: string }> };
    expect(body.streamId).toBe(`ticket-${number}`);
    expect(body.events.map((e) => e.position)).toEqual(Array.from({ length: recorded }, (_, i) => i + 1));
    expect(body.events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    // As stored: the title and the requester's address are sealed, not opened for the auditor.
    expect(JSON.stringify(body)).not.toContain(opening.title);
    expect(JSON.stringify(body)).not.toContain(opening.requester);

    for (const path of ['', '/timeline']) {
      const read = await gateway.request('GET', `/v1/tickets/${number}${path}`, { token: engineer });
      expect({ path, status: read.status }).toEqual({ path, status: 200 });
    }
    const listed = await gateway.request('GET', '/v1/tickets', { token: engineer });
    expect(((await listed.json()) as { items: Array<{ number: string }> }).items.map((t) => t.number)).toContain(
      number,
    );

    await expectUnavailable(await respond(gateway, engineer), 'WORKER_UNAVAILABLE');
    expect((await gateway.store.readStream(`ticket-${number}`)).length).toBe(recorded);
  });

  it('with Temporal unreachable: the gateway and its worker start, reads 200, opening and commands are 503 TEMPORAL_UNAVAILABLE', async () => {
    const offline = await startGateway({
      numbersFrom: 2_000_000,
      databaseUrl: gateway.databaseUrl,
      temporalAddress: `127.0.0.1:${await closedPort()}`,
      // Its worker cannot connect either: the gateway starts all the same and the worker keeps trying.
      availability,
    });
    try {
      const token = await offline.token({ sub: 'eve', role: 'engineer', tier: 'L2' });
      const sla = await offline.request('GET', `/v1/tickets/${number}/sla`, { token });
      expect(sla.status).toBe(200);
      expect(await sla.json()).toMatchObject({ firstResponse: { status: 'met' } });
      const view = await offline.request('GET', `/v1/tickets/${number}`, { token });
      expect(view.status).toBe(200);
      expect(await view.json()).toMatchObject({ number, phase: 'understand' });
      const ready = await fetch(`${offline.baseUrl}/health/ready`);
      expect(await ready.json()).toMatchObject({ temporal: 'down' });
      await expectUnavailable(await respond(offline, token), 'TEMPORAL_UNAVAILABLE');
      const key = { 'idempotency-key': `open-${number}` };
      await expectUnavailable(
        await offline.request('POST', '/v1/tickets', { token, body: opening, headers: key }),
        'TEMPORAL_UNAVAILABLE',
      );
      // Retried with the same key once Temporal answers (here: the first gateway): the number the
      // first attempt got, and one ticket however often it is retried.
      const { rows } = await gateway.db.query<{ number: string }>(
        'SELECT resource AS number FROM idempotency_keys WHERE key = $1 AND resource IS NOT NULL',
        [key['idempotency-key']],
      );
      expect(rows).toHaveLength(1);
      for (let attempt = 0; attempt < 2; attempt++) {
        const retried = await gateway.request('POST', '/v1/tickets', { token: engineer, body: opening, headers: key });
        expect({ attempt, status: retried.status, body: await retried.json() }).toEqual({
          attempt,
          status: 201,
          body: { number: rows[0].number },
        });
      }
    } finally {
      await offline.close();
    }
  });

  it('runs the worker of a gateway that started while Temporal was down, once Temporal answers', async () => {
    const port = await closedPort();
    const late = await startGateway({ numbersFrom: 2_050_000, temporalAddress: `127.0.0.1:${port}`, availability });
    let server: TestWorkflowEnvironment | undefined;
    try {
      server = await TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: 'existing-path', path: requiredTool('CASEFLOW_TEMPORAL_CLI') },
          port,
          extraArgs: ['--log-level', 'error'],
        },
      });
      await registerSearchAttributes(server.connection, 'default');
      const token = await late.token({ sub: 'eve', role: 'engineer', tier: 'L2' });
      const opened = await late.request('POST', '/v1/tickets', { token, body: opening });
      expect(opened.status).toBe(201);
      const { number: lateNumber } = (await opened.json()) as { number: string };
      // Identification is the worker's first activity: it ran, so the worker connected on a retry
      // (up to RECONNECT_MS later, then it bundles the workflows: longer than the harness's 10 s).
      await waitUntil(
        async () => {
          const view = await late.request('GET', `/v1/tickets/${lateNumber}`, { token });
          return ((await view.json()) as { phase: string }).phase === 'understand' ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 200, what: 'the late worker to run the ticket' },
      );
    } finally {
      await late.close();
      await server?.teardown();
    }
  });
});
