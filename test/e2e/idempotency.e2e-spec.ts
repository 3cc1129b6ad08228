import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { dataConverterFor } from '@caseflow/codec';
import { ticketViewQuery } from '@caseflow/contract';
import { testCodecConfig } from '../support/codec-keys';
import { startGateway, type Harness } from '../support/gateway-harness';
import { holdAnswers } from '../support/held-answers';
import { balasysSessionsDropBody } from '../support/ticket-fixtures';

/** Idempotency-Key over real HTTP: the gateway with its worker, the Temporal dev server, PostgreSQL. */
describe('Idempotency-Key', () => {
  let gateway: Harness;
  let connection: Connection;
  let temporal: Client;
  let eve: string;
  let max: string;
  const ticket = balasysSessionsDropBody;

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 4_500_000 });
    eve = await gateway.token({ sub: 'eve.engineer', role: 'engineer', tier: 'L2' });
    max = await gateway.token({ sub: 'max.engineer', role: 'engineer', tier: 'L2' });
    connection = await Connection.connect({ address: process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS as string });
    temporal = new Client({ connection, dataConverter: dataConverterFor(testCodecConfig()) });
  });

  afterAll(async () => {
    await connection?.close();
    await gateway?.close();
  });

  const post = (url: string, token: string, body: unknown, key?: string) =>
    gateway.request('POST', url, { token, body, headers: key ? { 'idempotency-key': key } : {} });
  const open = (token: string, key?: string, body: unknown = ticket) => post('/v1/tickets', token, body, key);
  const comment = (number: string, token: string, text: string, key?: string) =>
    post(`/v1/tickets/${number}/commands`, token, { command: { type: 'comment', text, visibility: 'public' } }, key);
  const events = async (number: string, type?: string) =>
    (await gateway.store.readStream(`ticket-${number}`)).filter((event) => !type || event.type === type);
  const openedNumber = async (response: Response): Promise<string> => {
    expect(response.status).toBe(201);
    return ((await response.json()) as { number: string }).number;
  };
  /** The workflow itself in phase understand (CustomerIdentified recorded is not yet the workflow having applied it). */
  const identified = async (number: string) =>
    gateway.eventually(async () => {
      const view = await temporal.workflow.getHandle(number).query(ticketViewQuery);
      return view.phase === 'understand' ? true : undefined;
    }, 'identification');

  it('answers a retried open with the first answer, and opens one ticket', async () => {
    const key = randomUUID();
    const number = await openedNumber(await open(eve, key));
    const again = await open(eve, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual({ number });
    await identified(number);
    expect(await events(number, 'TicketOpened')).toHaveLength(1);
    // The replay allocated no number: the next ticket is the one after.
    const next = await openedNumber(await open(eve));
    expect(Number(next.slice(-7))).toBe(Number(number.slice(-7)) + 1);
  });

  it('answers a retried command with the first answer, and records one event', async () => {
    const number = await openedNumber(await open(eve));
    await identified(number);
    const key = randomUUID();
    const first = await comment(number, eve, 'Logs received, looking.', key);
    expect(first.status).toBe(200);
    const state = await first.json();
    const again = await comment(number, eve, 'Logs received, looking.', key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(state);
    expect(state).toMatchObject({ title: ticket.title, requester: ticket.requester });
    expect(await events(number, 'CommentAdded')).toHaveLength(1);
    // The kept answer holds the vault's references, not the person's data (erase-subject reaches it).
    const { rows } = await gateway.db.query<{ body: string }>(
      'SELECT body::text AS body FROM idempotency_keys WHERE key = $1',
      [key],
    );
    expect(rows).toHaveLength(1);
    for (const personal of [ticket.title, ticket.requester, ticket.description])
      expect({ personal, kept: rows[0].body.includes(personal) }).toEqual({ personal, kept: false });
  });

  it('refuses the same key with another body (422), doing nothing', async () => {
    const number = await openedNumber(await open(eve));
    await identified(number);
    const key = randomUUID();
    expect((await comment(number, eve, 'First words.', key)).status).toBe(200);
    const other = await comment(number, eve, 'Other words.', key);
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
    expect((await events(number, 'CommentAdded')).map((e) => (e.data as { text: string }).text)).toEqual([
      'First words.',
    ]);
  });

  it('answers 409 while a request under the key is still running, then the first answer', async () => {
    const number = await openedNumber(await open(eve));
    await identified(number);
    const key = randomUUID();
    const held = await holdAnswers(gateway.databaseUrl);
    let first: Promise<Response> | undefined;
    try {
      first = comment(number, eve, 'Only once.', key);
      await gateway.eventually(
        async () => ((await events(number, 'CommentAdded')).length ? true : undefined),
        'the comment',
      );
      const concurrent = await comment(number, eve, 'Only once.', key);
      expect(concurrent.status).toBe(409);
      expect(concurrent.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await concurrent.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_FLIGHT' });
    } finally {
      await held.release();
    }
    const answered = await (first as Promise<Response>);
    expect(answered.status).toBe(200);
    const replayed = await comment(number, eve, 'Only once.', key);
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toEqual(await answered.json());
    expect(await events(number, 'CommentAdded')).toHaveLength(1);
  });

  it('keeps each caller’s keys apart: the same key from two callers does two things', async () => {
    const key = randomUUID();
    const [eves, maxs] = await Promise.all([openedNumber(await open(eve, key)), openedNumber(await open(max, key))]);
    expect(eves).not.toBe(maxs);
    await identified(eves);
    const byEve = await comment(eves, eve, 'Same words.', key);
    expect({ status: byEve.status, body: await byEve.json() }).toMatchObject({ status: 200 });
    const byMax = await comment(eves, max, 'Same words.', key);
    expect({ status: byMax.status, body: await byMax.json() }).toMatchObject({ status: 200 });
    expect(await events(eves, 'CommentAdded')).toHaveLength(2);
  });

  it('answers a retried refusal with the same refusal, recording nothing', async () => {
    const number = await openedNumber(await open(eve));
    await identified(number);
    const key = randomUUID();
    // Nothing was approved: the ticket (in phase understand) refuses to implement a fix.
    const refusal = { command: { type: 'implementFix', note: 'Upgraded both nodes.' } };
    const refused = await post(`/v1/tickets/${number}/commands`, eve, refusal, key);
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body).toMatchObject({ code: 'COMMAND_REJECTED' });
    const again = await post(`/v1/tickets/${number}/commands`, eve, refusal, key);
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([422, 'true']);
    expect(await again.json()).toEqual(body);
    expect((await events(number)).map((e) => e.type)).toEqual(['TicketOpened', 'CustomerIdentified']);
  });

  it('keeps a key 24 hours: once it is older, the key is new again', async () => {
    const key = randomUUID();
    const first = await openedNumber(await open(eve, key));
    expect((await open(eve, key, { ...ticket, title: 'Another title' })).status).toBe(422);
    await gateway.db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '23 hours 59 minutes' WHERE key = $1`,
      [key],
    );
    expect((await open(eve, key, { ...ticket, title: 'Another title' })).status).toBe(422);
    await gateway.db.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '24 hours 1 minute' WHERE key = $1`,
      [key],
    );
    const second = await openedNumber(await open(eve, key, { ...ticket, title: 'Another title' }));
    expect(second).not.toBe(first);
  });

  it('refuses a malformed key with the error shape, doing nothing', async () => {
    const response = await open(eve, 'not a key');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'Idempotency-Key', rules: { pattern: expect.any(String) } }],
    });
  });
});
