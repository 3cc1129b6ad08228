import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type KeyLike } from 'jose';
import { canAppendWithin } from '@caseflow/event-store';
import { ApiKeys, loadOrCreateSecret } from '@caseflow/identity';
import { CapturingLogger, startGateway, type Harness } from '../support/gateway-harness';

const BALASYS = 'balasys-demo';
const NETIX = 'netix-demo';
const anna = 'anna.kovacs@example.com';
const balasysTicket = {
  customerId: BALASYS,
  requester: anna,
  title: 'Sessions drop',
  description: 'Since the upgrade',
  severity: 'S2',
  product: 'zorp-gateway',
  productVersion: '7.1',
};
const netixTicket = {
  customerId: NETIX,
  requester: 'ivan.petrov@example.com',
  title: 'Report totals',
  description: 'Returns counted twice',
  severity: '2',
  product: 'triceps',
  productVersion: '6.0',
  intake: { productVersion: '6.0', recurrence: 'recurring', urgency: 2 },
};
const COMMANDS = [
  { type: 'classify', reason: 'r' },
  { type: 'respond', message: 'm' },
  { type: 'requestClarification', questions: ['q'] },
  { type: 'answerClarification', answer: 'a' },
  { type: 'provideWorkaround', description: 'd' },
  { type: 'applyHotfix', description: 'd' },
  { type: 'proposeFix', description: 'd' },
  { type: 'approveFix', proposalId: 1 },
  { type: 'rejectFix', proposalId: 1, reason: 'r' },
  { type: 'implementFix', note: 'n' },
  { type: 'resolve', solution: 's', measures: 'm', prevention: 'p' },
  { type: 'accept' },
  { type: 'reopen', reason: 'r' },
  { type: 'giveFeedback', score: 5 },
  { type: 'recordBusinessImpact', impact: 'i' },
  { type: 'cancel', reason: 'r' },
];

/** Tokens, API keys, tenancy, 003's authorized person and the access log, over HTTP against the real servers. */
describe('identity and access over HTTP', () => {
  const logs = new CapturingLogger();
  let gateway: Harness;
  /** Every credential this suite sends: none may appear in a log line. */
  const credentials: string[] = [];
  let engineer: string;
  let annaToken: string;

  const remember = (credential: string): string => {
    credentials.push(credential);
    return credential;
  };
  const eventCount = async (): Promise<number> =>
    Number((await gateway.db.query<{ n: string }>('SELECT count(*) AS n FROM es_events')).rows[0].n);

  async function openTicket(body: object, token = engineer): Promise<string> {
    const response = await gateway.request('POST', '/v1/tickets', { token, body });
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

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 200_000, logger: logs });
    engineer = remember(await gateway.token({ sub: 'eve', role: 'engineer', tier: 'L2' }));
    annaToken = remember(await gateway.customerToken(BALASYS, anna));
  });

  afterAll(async () => {
    await gateway?.close();
  });

  describe('authentication', () => {
    const signed = (claims: Record<string, unknown>, secret: Uint8Array, alg = 'HS256') =>
      new SignJWT(claims).setProtectedHeader({ alg }).setSubject('eve').sign(secret);
    const now = () => Math.floor(Date.now() / 1000);
    const valid = { role: 'engineer', tier: 'L2', iss: 'caseflow', aud: 'caseflow' };
    const secret = (): Uint8Array => loadOrCreateSecret(gateway.secretFile);

    it('leaves /health and the OpenAPI page open, with security headers', async () => {
      const health = await gateway.request('GET', '/health');
      expect(health.status).toBe(200);
      expect(health.headers.get('x-content-type-options')).toBe('nosniff');
      expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(health.headers.get('x-powered-by')).toBeNull();
      expect((await gateway.request('GET', '/docs-json')).status).toBe(200);
      expect((await gateway.request('GET', '/docs')).status).toBe(200);
    });

    it('refuses missing, malformed, forged, expired, wrong-audience, wrong-issuer, alg:none and badly-claimed tokens: 401, nothing started', async () => {
      const events = await eventCount();
      const bad: Array<[string, string | undefined, RegExp]> = [
        ['no token', undefined, /no bearer token/],
        ['another scheme', 'Basic ZXZlOnNlY3JldA==', /not "Bearer <token>"/],
        ['garbage', 'Bearer not-a-jwt', /malformed token/],
        ['forged', `Bearer ${await signed({ ...valid, exp: now() + 600 }, randomBytes(32))}`, /bad signature/],
        ['expired', `Bearer ${await signed({ ...valid, exp: now() - 120 }, secret())}`, /token expired/],
        [
          'wrong audience',
          `Bearer ${await signed({ ...valid, aud: 'billing', exp: now() + 600 }, secret())}`,
          /aud claim rejected/,
        ],
        [
          'wrong issuer',
          `Bearer ${await signed({ ...valid, iss: 'mallory', exp: now() + 600 }, secret())}`,
          /iss claim rejected/,
        ],
        ['HS512', `Bearer ${await signed({ ...valid, exp: now() + 600 }, secret(), 'HS512')}`, /algorithm not allowed/],
        [
          'alg none',
          `Bearer ${new UnsecuredJWT({ ...valid, sub: 'eve', exp: now() + 600 }).encode()}`,
          /algorithm not allowed/,
        ],
        ['no exp', `Bearer ${await signed(valid, secret())}`, /exp claim rejected/],
        [
          'unknown role',
          `Bearer ${await signed({ ...valid, role: 'root', exp: now() + 600 }, secret())}`,
          /role claim/,
        ],
        [
          'engineer without tier',
          `Bearer ${await signed({ ...valid, tier: undefined, exp: now() + 600 }, secret())}`,
          /tier claim/,
        ],
        [
          'customer without e-mail',
          `Bearer ${await signed({ ...valid, role: 'customer', customer: BALASYS, exp: now() + 600 }, secret())}`,
          /email claim/,
        ],
      ];
      for (const [what, authorization, reason] of bad) {
        if (authorization) remember(authorization.replace(/^\w+ /, ''));
        const headers = authorization ? { authorization } : undefined;
        for (const [method, url, body] of [
          ['POST', '/v1/tickets', balasysTicket],
          ['GET', '/v1/customers', undefined],
          ['POST', '/v1/tickets/CF-2026-000001/commands', { command: { type: 'cancel', reason: 'because I can' } }],
        ] as const) {
          const response = await gateway.request(method, url, { body, headers });
          expect({ what, url, status: response.status }).toEqual({ what, url, status: 401 });
          expect(await response.json()).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(reason) });
          expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="caseflow"/);
        }
      }
      expect(await eventCount()).toBe(events);
      expect((await gateway.db.query('SELECT number FROM ticket_owners')).rows).toEqual([]);
    });

    it('accepts a token expired within the clock skew (30 s)', async () => {
      const recent = remember(await signed({ ...valid, exp: now() - 10 }, secret()));
      expect((await gateway.request('GET', '/v1/customers', { token: recent })).status).toBe(200);
    });
  });

  it("answers a customer of A on every route of B's ticket with 404, the body of a never-issued number, and records nothing", async () => {
    const theirs = await openTicket(netixTicket);
    const never = 'CF-2026-999999';
    const events = await eventCount();
    const routes: Array<[string, (n: string) => string, unknown]> = [
      ['GET', (n) => `/v1/tickets/${n}`, undefined],
      ['GET', (n) => `/v1/tickets/${n}/sla`, undefined],
      ...COMMANDS.map((command): [string, (n: string) => string, unknown] => [
        'POST',
        (n) => `/v1/tickets/${n}/commands`,
        { command },
      ]),
    ];
    for (const [method, url, body] of routes) {
      const other = await gateway.request(method, url(theirs), { token: annaToken, body });
      const unknown = await gateway.request(method, url(never), { token: annaToken, body });
      expect({ url: url(theirs), status: other.status }).toEqual({ url: url(theirs), status: 404 });
      expect(unknown.status).toBe(404);
      const otherBody = await other.json();
      expect(JSON.stringify(otherBody).replaceAll(theirs, never)).toBe(JSON.stringify(await unknown.json()));
      expect(otherBody).toEqual({ code: 'TICKET_NOT_FOUND', message: `no ticket ${theirs}`, number: theirs });
    }
    // A follow-up naming B's ticket is told what a never-issued number gets.
    const followUp = await gateway.request('POST', '/v1/tickets', {
      token: annaToken,
      body: { ...balasysTicket, relatedTo: theirs },
    });
    expect(followUp.status).toBe(422);
    expect(await followUp.json()).toEqual({
      code: 'RELATED_TICKET_NOT_FOUND',
      message: `relatedTo names no ticket: ${theirs}`,
      field: 'relatedTo',
    });
    // B's customer routes look like a customer that does not exist.
    for (const [method, path, body] of [
      ['GET', '/v1/customers/%s', undefined],
      ['GET', '/v1/customers/%s/queue', undefined],
      ['POST', '/v1/customers/%s/queue/prioritize', { ticket: theirs, reason: 'r' }],
      ['PUT', '/v1/customers/%s/authorized-person', { email: 'x@example.com', name: 'X' }],
    ] as const) {
      const other = await gateway.request(method, path.replace('%s', NETIX), { token: annaToken, body });
      const unknown = await gateway.request(method, path.replace('%s', 'no-such-customer'), { token: annaToken, body });
      expect(other.status).toBe(404);
      expect(JSON.stringify(await other.json()).replaceAll(NETIX, 'no-such-customer')).toBe(
        JSON.stringify(await unknown.json()),
      );
    }
    expect(await eventCount()).toBe(events);
    const denied = logs.denials().filter((d) => d.caller.startsWith('customer:') && d.status === 404);
    expect(denied.length).toBeGreaterThanOrEqual(routes.length * 2);
  });

  it('finds the customer of a ticket opened before the owners table, from its TicketOpened, and remembers it', async () => {
    const number = await openTicket(balasysTicket);
    await gateway.db.query('DELETE FROM ticket_owners WHERE number = $1', [number]);
    expect((await gateway.request('GET', `/v1/tickets/${number}`, { token: annaToken })).status).toBe(200);
    const netixContact = remember(await gateway.customerToken(NETIX, 'ivan.petrov@example.com'));
    expect((await gateway.request('GET', `/v1/tickets/${number}`, { token: netixContact })).status).toBe(404);
    const { rows } = await gateway.db.query<{ customer_id: string }>(
      'SELECT customer_id FROM ticket_owners WHERE number = $1',
      [number],
    );
    expect(rows).toEqual([{ customer_id: BALASYS }]);
  });

  describe('service callers with API keys', () => {
    let keys: ApiKeys;
    let key: string;
    let keyId: string;

    beforeAll(async () => {
      keys = await ApiKeys.open(gateway.db, canAppendWithin(gateway.store) ? gateway.store : undefined);
      const created = await keys.create({ name: 'mail-robot', role: 'service', customers: [BALASYS] }, 'operator:test');
      key = remember(created.key);
      keyId = created.record.id;
    });

    it('reads its customers as itself, and must name a person to change anything', async () => {
      expect((await gateway.request('GET', `/v1/customers/${BALASYS}`, { token: key })).status).toBe(200);
      expect((await gateway.request('GET', `/v1/customers/${NETIX}`, { token: key })).status).toBe(404);
      const write = await gateway.request('POST', '/v1/tickets', { token: key, body: balasysTicket });
      expect(write.status).toBe(403);
      expect(await write.json()).toMatchObject({
        code: 'ACTOR_NOT_AUTHORIZED',
        message: expect.stringContaining('x-on-behalf-of'),
      });
    });

    it('acts for an engineer or a customer contact, and the ticket records that person', async () => {
      const asAnna = { 'x-on-behalf-of': `customer:${BALASYS}:${anna}` };
      const opened = await gateway.request('POST', '/v1/tickets', {
        token: key,
        headers: asAnna,
        body: { ...balasysTicket, requester: undefined },
      });
      expect(opened.status).toBe(201);
      const { number } = (await opened.json()) as { number: string };
      await gateway.eventually(
        async () => ((await gateway.store.readStream(`ticket-${number}`)).length >= 2 ? true : undefined),
        'identification',
      );
      const [ticketOpened] = await gateway.store.readStream(`ticket-${number}`);
      expect(ticketOpened.data).toMatchObject({ customerId: BALASYS, requester: anna });

      const asEve = { 'x-on-behalf-of': 'engineer:eve:L2' };
      const responded = await gateway.request('POST', `/v1/tickets/${number}/commands`, {
        token: key,
        headers: asEve,
        body: { command: { type: 'respond', message: 'On it' } },
      });
      expect(responded.status).toBe(200);
      const events = await gateway.store.readStream(`ticket-${number}`);
      expect(events.find((e) => e.type === 'FirstResponseSent')?.metadata.actor).toBe('engineer:eve');
      const cancelled = await gateway.request('POST', `/v1/tickets/${number}/commands`, {
        token: key,
        headers: asAnna,
        body: { command: { type: 'cancel', reason: 'solved it myself' } },
      });
      expect(cancelled.status).toBe(200);
      const cancel = (await gateway.store.readStream(`ticket-${number}`)).find((e) => e.type === 'TicketCancelled');
      expect(cancel?.metadata.actor).toMatch(/^customer-contact:ds-/);
      expect(logs.denials().some((d) => d.caller.includes('via service:mail-robot'))).toBe(false);
    });

    it('refuses a person outside its customers, a person named by a non-service, and bad, unknown or revoked keys', async () => {
      const outside = await gateway.request('POST', '/v1/tickets', {
        token: key,
        headers: { 'x-on-behalf-of': `customer:${NETIX}:ivan.petrov@example.com` },
        body: netixTicket,
      });
      expect(outside.status).toBe(403);
      const notService = await gateway.request('GET', '/v1/customers', {
        token: engineer,
        headers: { 'x-on-behalf-of': 'manager:mia' },
      });
      expect(notService.status).toBe(403);
      const malformed = await gateway.request('GET', '/v1/customers', {
        token: key,
        headers: { 'x-on-behalf-of': 'root:me' },
      });
      expect(malformed.status).toBe(403);

      const wrongSecret = remember(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`);
      const unknownId = remember(`cfk_0000000000000000_${key.split('_').slice(2).join('_')}`);
      for (const credential of [wrongSecret, unknownId]) {
        const response = await gateway.request('GET', '/v1/customers', { token: credential });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({
          code: 'UNAUTHENTICATED',
          message: 'a valid bearer token is required: unknown or revoked API key',
        });
      }
      expect(await keys.revoke(keyId, 'operator:test')).toBe(true);
      expect((await gateway.request('GET', '/v1/customers', { token: key })).status).toBe(401);
      const audit = await gateway.store.readStream(`api-key-${keyId}`);
      expect(audit.map((e) => [e.type, e.metadata.actor])).toEqual([
        ['ApiKeyIssued', 'operator:test'],
        ['ApiKeyRevoked', 'operator:test'],
      ]);
      expect(JSON.stringify(audit)).not.toContain(key.split('_').slice(2).join('_'));
    });
  });

  it('003: a manager records a new authorized person; the old one is refused from then on, the change audited', async () => {
    const maria = remember(await gateway.customerToken('bpmsoft-demo', 'maria.ivanova@example.com'));
    const ivan = remember(await gateway.customerToken('bpmsoft-demo', 'ivan.sidorov@example.com'));
    const manager = remember(await gateway.token({ sub: 'mia', role: 'manager' }));
    expect((await gateway.request('GET', '/v1/customers/bpmsoft-demo', { token: maria })).status).toBe(200);
    const colleague = await gateway.request('GET', '/v1/customers/bpmsoft-demo', { token: ivan });
    expect(colleague.status).toBe(403);
    expect(await colleague.json()).toEqual({
      code: 'ACTOR_NOT_AUTHORIZED',
      message: 'only the authorized person acts for bpmsoft-demo',
    });

    const person = { email: 'ivan.sidorov@example.com', name: 'Ivan Sidorov' };
    expect(
      (await gateway.request('PUT', '/v1/customers/bpmsoft-demo/authorized-person', { token: engineer, body: person }))
        .status,
    ).toBe(403);
    const changed = await gateway.request('PUT', '/v1/customers/bpmsoft-demo/authorized-person', {
      token: manager,
      body: person,
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ outcome: 'changed', changedFields: ['authorizedContacts'] });
    const again = await gateway.request('PUT', '/v1/customers/bpmsoft-demo/authorized-person', {
      token: manager,
      body: person,
    });
    expect(await again.json()).toMatchObject({ outcome: 'unchanged' });

    expect((await gateway.request('GET', '/v1/customers/bpmsoft-demo', { token: maria })).status).toBe(403);
    expect((await gateway.request('GET', '/v1/customers/bpmsoft-demo', { token: ivan })).status).toBe(200);
    const events = await gateway.store.readStream('customer-bpmsoft-demo');
    const last = events[events.length - 1];
    expect(events.filter((e) => e.type === 'AuthorizedPersonChanged')).toHaveLength(1);
    expect(last).toMatchObject({
      type: 'AuthorizedPersonChanged',
      metadata: { actor: 'manager:mia' },
      data: {
        customerId: 'bpmsoft-demo',
        fields: ['authorizedContacts'],
        before: { authorizedContacts: [expect.objectContaining({ email: 'maria.ivanova@example.com' })] },
        after: {
          authorizedContacts: [
            expect.objectContaining({ email: person.email, name: person.name, subject: expect.stringMatching(/^ds-/) }),
          ],
        },
      },
    });
    const { rows } = await gateway.db.query<{ data: string }>(
      "SELECT data::text AS data FROM es_events WHERE stream_id = 'customer-bpmsoft-demo' AND type = 'AuthorizedPersonChanged'",
    );
    expect(rows[0].data).not.toContain(person.email);
    expect(rows[0].data).not.toContain('maria.ivanova@example.com');
  });

  it('logs every refusal as one structured line with caller, route and reason, and never a credential', () => {
    const denials = logs.denials();
    expect(denials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          status: 401,
          reason: 'token expired',
          caller: 'anonymous',
          route: 'POST /v1/tickets',
        }),
        expect.objectContaining({ status: 401, reason: 'signing algorithm not allowed', route: 'GET /v1/customers' }),
        expect.objectContaining({
          status: 404,
          caller: expect.stringMatching(/^customer:cc-.+@balasys-demo$/),
          route: 'GET /v1/tickets/:number',
        }),
        expect.objectContaining({
          status: 403,
          caller: 'engineer:eve',
          route: 'PUT /v1/customers/:id/authorized-person',
        }),
        expect.objectContaining({ status: 403, caller: 'service:mail-robot', route: 'POST /v1/tickets' }),
      ]),
    );
    expect(credentials.length).toBeGreaterThan(15);
    for (const line of logs.lines) for (const credential of credentials) expect(line).not.toContain(credential);
    // The access log names contacts by their opaque sub, not their address.
    for (const denial of denials) expect(JSON.stringify(denial)).not.toContain(anna);
  });
});

describe('abuse limits over HTTP', () => {
  let gateway: Harness;

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 250_000, worker: false, rateLimit: { limit: 3, windowMs: 60_000 } });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('limits each caller: 429 with the error shape and Retry-After, others unaffected', async () => {
    const sam = await gateway.token({ sub: 'sam', role: 'supervisor' });
    const ada = await gateway.token({ sub: 'ada', role: 'auditor' });
    for (let i = 0; i < 3; i++)
      expect((await gateway.request('GET', '/v1/customers', { token: sam })).status).toBe(200);
    const limited = await gateway.request('GET', '/v1/customers', { token: sam });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^too many requests: at most 3 per 60 s; retry after \d+ s$/),
      retryAfterSeconds: Number(limited.headers.get('retry-after')),
    });
    expect((await gateway.request('GET', '/v1/customers', { token: ada })).status).toBe(200);
  });

  it('limits callers without a valid token by address, so tokens cannot be guessed at speed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await gateway.request('GET', '/v1/customers', { headers: { authorization: `Bearer guess-${i}` } })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('refuses a body past 256 KiB (413) and one that is not JSON (400), in the error shape', async () => {
    const token = await gateway.token({ sub: 'big', role: 'engineer', tier: 'L1' });
    const big = await gateway.request('POST', '/v1/tickets', { token, body: { description: 'x'.repeat(300_000) } });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'the request body is larger than 262144 bytes',
      limit: 262144,
    });
    const broken = await fetch(`${gateway.baseUrl}/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"customerId":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ code: 'MALFORMED_JSON', message: 'the request body is not valid JSON' });
  });
});

describe('an identity provider’s tokens (JWKS over HTTP)', () => {
  const issuer = 'https://id.example.com/';
  let gateway: Harness;
  let server: Server;
  let port: number;
  let keys: { privateKey: KeyLike; publicKey: KeyLike };
  let jwks: object;

  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const sign = (claims: Record<string, unknown>, alg = 'RS256') =>
    new SignJWT({ role: 'supervisor', ...claims })
      .setProtectedHeader({ alg, kid: 'rs-1' })
      .setSubject('sam')
      .setIssuer(issuer)
      .setAudience('caseflow')
      .setExpirationTime('10m')
      .sign(keys.privateKey);

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    jwks = { keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'rs-1', alg: 'RS256' }] };
    server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    // Down at first: the gateway starts without ever having seen the keys.
    await new Promise((resolve) => server.close(resolve));
    gateway = await startGateway({
      numbersFrom: 260_000,
      worker: false,
      auth: {
        kind: 'jwks',
        jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        issuer,
        audience: 'caseflow',
        algorithms: ['RS256', 'ES256'],
        clockSkewSeconds: 30,
        timeoutMs: 1_000,
      },
    });
  });

  afterAll(async () => {
    await gateway?.close();
    if (server.listening) await new Promise((resolve) => server.close(resolve));
  });

  it('answers 503 while the keys cannot be fetched, then accepts the issuer’s RS256 tokens and nothing else', async () => {
    const token = await sign({});
    const down = await gateway.request('GET', '/v1/customers', { token });
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      code: 'AUTH_UNAVAILABLE',
      message: 'cannot verify tokens now: identity provider keys could not be fetched',
    });
    await listen();
    expect((await gateway.request('GET', '/v1/customers', { token })).status).toBe(200);
    const embedded = await gateway.request('GET', '/v1/customers', {
      token: await new SignJWT({ role: 'supervisor' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('sam')
        .setIssuer(issuer)
        .setAudience('caseflow')
        .setExpirationTime('10m')
        .sign(randomBytes(32)),
    });
    expect(embedded.status).toBe(401);
    expect(await embedded.json()).toMatchObject({ message: expect.stringContaining('signing algorithm not allowed') });
  });
});
