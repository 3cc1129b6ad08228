import { execFile } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { CodecKeyRing, EncryptionCodec, payloadFromJson, payloadToJson, type JsonPayload } from '@caseflow/codec';
import type { CaseflowClaims } from '@caseflow/identity';
import { encodingOf, scanHistory, type FoundPayload } from '../support/history-payloads';
import { startGateway, type Harness } from '../support/gateway-harness';
import { signHs256 } from '../support/test-jwt';
import { requiredTool } from '../support/tools';

const run = promisify(execFile);
const UI_PORT = 8233;
const UI_ORIGINS = [`http://localhost:${UI_PORT}`, `http://127.0.0.1:${UI_PORT}`];

/** The codec server over real HTTP: a gateway with its worker, the Go-built dev server, PostgreSQL. */
describe('codec server for Temporal UI (/codec)', () => {
  const temporalAddress = process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS as string;
  /** Real tokens of the gateway's embedded issuer, one per role; and two it must refuse. */
  const tokens: Record<string, string> = {};
  const token = (role: string): string => tokens[role];
  let forged: string;
  let expired: string;
  let gateway: Harness;
  let baseUrl: string;
  let connection: Connection;
  let started: FoundPayload[];
  let ticketNumber: string;

  // Netix's customer: tickets.e2e-spec.ts lists balasys-demo's tickets on the same dev server.
  const ticket = {
    customerId: 'netix-demo',
    requester: 'ivan.petrov@example.com',
    title: `Receipts print twice ${randomUUID()}`,
    description: 'Every receipt comes out twice since 6.0.',
    severity: '2',
    product: 'triceps',
    productVersion: '6.0',
    intake: { productVersion: '6.0', recurrence: 'recurring', urgency: 2 },
  };

  beforeAll(async () => {
    if (!temporalAddress) throw new Error('the e2e global setup did not start the Temporal dev server');
    // The e2e specs share one dev server: this suite numbers its tickets in a block of its own.
    gateway = await startGateway({ numbersFrom: 500_000 + randomInt(400_000), codecServer: { uiOrigins: UI_ORIGINS } });
    baseUrl = gateway.baseUrl;
    for (const role of ['supervisor', 'manager', 'auditor', 'engineer'] as const)
      tokens[role] = await gateway.token({ sub: `${role}-1`, role, ...(role === 'engineer' ? { tier: 'L1' } : {}) });
    tokens.customer = await gateway.customerToken(ticket.customerId, ticket.requester);
    const supervisor: CaseflowClaims = { sub: 'supervisor-1', role: 'supervisor' };
    forged = signHs256({ ...supervisor, iss: 'caseflow', aud: 'caseflow', exp: Date.now() / 1000 + 600 }, 'another');
    expired = await gateway.token(supervisor, -120);
    const created = await fetch(`${baseUrl}/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.customer}` },
      body: JSON.stringify(ticket),
    });
    expect(created.status).toBe(201);
    ticketNumber = ((await created.json()) as { number: string }).number;
    connection = await Connection.connect({ address: temporalAddress });
    // A client without the codec sees what the server stores.
    const raw = new Client({ connection, namespace: 'default' });
    const { payloads } = scanHistory(await raw.workflow.getHandle(ticketNumber).fetchHistory());
    started = payloads.filter((found) => found.path.includes('workflowExecutionStartedEventAttributes.input'));
  });

  afterAll(async () => {
    await connection?.close();
    await gateway?.close();
  });

  const decode = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
      body: JSON.stringify(body),
    });
  const asSupervisor = (): Record<string, string> => ({ authorization: `Bearer ${token('supervisor')}` });
  const text = (payload: JsonPayload): string => Buffer.from(payload.data ?? '', 'base64').toString('utf8');

  it('the server holds the ticket input encrypted: no requester, title or description in it', () => {
    expect(started).toHaveLength(1);
    expect(encodingOf(started[0].payload)).toBe('binary/encrypted');
    for (const clear of [ticket.requester, ticket.title, ticket.description])
      expect(text(started[0].payload)).not.toContain(clear);
  });

  it.each(['supervisor', 'manager', 'auditor'])('decodes the real ticket input for a %s', async (role) => {
    const response = await decode(
      { payloads: started.map((found) => found.payload) },
      { authorization: `Bearer ${token(role)}`, origin: UI_ORIGINS[0] },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(UI_ORIGINS[0]);
    const { payloads } = (await response.json()) as { payloads: JsonPayload[] };
    expect(payloads).toHaveLength(1);
    expect(encodingOf(payloads[0])).toBe('json/plain');
    expect(JSON.parse(text(payloads[0]))).toMatchObject({
      number: ticketNumber,
      requester: ticket.requester,
      title: ticket.title,
      description: ticket.description,
    });
  });

  it.each([
    ['no token', (): Record<string, string> => ({})],
    ['a token signed with another secret', () => ({ authorization: `Bearer ${forged}` })],
    ['an expired token', () => ({ authorization: `Bearer ${expired}` })],
    ['a malformed header', () => ({ authorization: 'Basic c3VwZXJ2aXNvcjpwdw==' })],
  ])('answers 401 to %s, and decodes nothing', async (_, headers) => {
    const response = await decode({ payloads: started.map((found) => found.payload) }, headers());
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(body)).not.toContain(ticket.requester);
  });

  it.each(['customer', 'engineer'])('answers 403 to a %s', async (role) => {
    const response = await decode(
      { payloads: started.map((found) => found.payload) },
      {
        authorization: `Bearer ${token(role)}`,
      },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  describe('CORS', () => {
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${baseUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-namespace',
        },
      });

    it.each(UI_ORIGINS)('answers the preflight from Temporal UI at %s', async (origin) => {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(['content-type', 'x-namespace', 'authorization']));
      expect(response.headers.get('vary')).toContain('Origin');
    });

    it.each(['http://evil.example', `http://localhost:${UI_PORT + 1}`, `https://localhost:${UI_PORT}`])(
      'refuses the origin %s, preflight and request alike',
      async (origin) => {
        const refused = await preflight(origin);
        expect(refused.status).toBe(403);
        expect(refused.headers.get('access-control-allow-origin')).toBeNull();
        const request = await decode({ payloads: started.map((f) => f.payload) }, { ...asSupervisor(), origin });
        expect(request.status).toBe(403);
        expect(request.headers.get('access-control-allow-origin')).toBeNull();
        expect(await request.json()).toMatchObject({ code: 'ORIGIN_NOT_ALLOWED' });
      },
    );

    it('lets Temporal UI read a 401 (CORS headers on refusals too)', async () => {
      const response = await decode({ payloads: [] }, { origin: UI_ORIGINS[1] });
      expect(response.status).toBe(401);
      expect(response.headers.get('access-control-allow-origin')).toBe(UI_ORIGINS[1]);
    });
  });

  it('answers payloads it cannot open with [undecodable: …] and still decodes the others', async () => {
    const otherRing = CodecKeyRing.of([{ id: 'retired-key', secret: randomBytes(32) }], 'another ring');
    const [foreign] = await new EncryptionCodec(otherRing).encode([payloadFromJson(started[0].payload)]);
    const tampered = { ...started[0].payload, data: flipLastByte(started[0].payload.data ?? '') };
    const response = await decode(
      { payloads: [payloadToJson(foreign), tampered, started[0].payload, { metadata: {} }] },
      asSupervisor(),
    );
    expect(response.status).toBe(200);
    const { payloads } = (await response.json()) as { payloads: JsonPayload[] };
    expect(JSON.parse(text(payloads[0]))).toBe('[undecodable: unknown key retired-key]');
    expect(JSON.parse(text(payloads[1]))).toMatch(
      /^\[undecodable: payload under key test-2026-01 failed authentication/,
    );
    expect(JSON.parse(text(payloads[2]))).toMatchObject({ title: ticket.title });
    expect(payloads[3]).toEqual({ metadata: {}, data: '' });
  });

  it.each([
    ['no payloads array', { payload: [] }, 'payloads'],
    ['a payload that is not an object', { payloads: [7] }, 'payloads[0]'],
    [
      'metadata that is not base64',
      { payloads: [{ metadata: { encoding: 'binary/encrypted!' } }] },
      'payloads[0].metadata.encoding',
    ],
    ['an unknown payload field', { payloads: [{ data: '', extra: 1 }] }, 'payloads[0].extra'],
  ])('answers 400 to %s, naming the field', async (_, body, field) => {
    const response = await decode(body, asSupervisor());
    expect(response.status).toBe(400);
    const error = (await response.json()) as { code: string; errors: Array<{ field: string }> };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors.map((e) => e.field)).toContain(field);
  });

  it('decodes only: there is no /codec/encode', async () => {
    const response = await fetch(`${baseUrl}/codec/encode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asSupervisor() },
      body: JSON.stringify({ payloads: [] }),
    });
    expect(response.status).toBe(404);
  });

  describe('browser session (Temporal UI over http sends cookies, not tokens)', () => {
    const signIn = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`${baseUrl}/codec/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
        redirect: 'manual',
      });
    const cookieOf = (response: Response): string => (response.headers.get('set-cookie') ?? '').split(';')[0];

    it('serves the sign-in page', async () => {
      const response = await fetch(`${baseUrl}/codec/session`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('action="/codec/session"');
    });

    it('signs a supervisor in with an HttpOnly, SameSite=Strict cookie the codec server then accepts', async () => {
      const response = await signIn(`token=${encodeURIComponent(token('supervisor'))}`, { origin: baseUrl });
      expect(response.status).toBe(200);
      const setCookie = response.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^caseflow_codec=/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(setCookie).toMatch(/Path=\/codec/);
      const decoded = await decode(
        { payloads: [started[0].payload] },
        { cookie: cookieOf(response), origin: UI_ORIGINS[0] },
      );
      expect(decoded.status).toBe(200);
      const { payloads } = (await decoded.json()) as { payloads: JsonPayload[] };
      expect(JSON.parse(text(payloads[0]))).toMatchObject({ title: ticket.title });
    });

    it('refuses to sign in a customer (403), a bad token (401), or a form posted from another site (403)', async () => {
      const customer = await signIn(`token=${token('customer')}`);
      expect(customer.status).toBe(403);
      expect(customer.headers.get('set-cookie')).toBeNull();
      expect((await signIn(`token=${forged}`)).status).toBe(401);
      expect((await signIn('token=')).status).toBe(401);
      const crossSite = await signIn(`token=${token('supervisor')}`, { origin: 'http://evil.example' });
      expect(crossSite.status).toBe(403);
      expect(crossSite.headers.get('set-cookie')).toBeNull();
    });

    it('checks the cookie on every request: a customer token set by hand is refused', async () => {
      const response = await decode(
        { payloads: [started[0].payload] },
        { cookie: `caseflow_codec=${token('customer')}` },
      );
      expect(response.status).toBe(403);
    });

    it('signs out by clearing the cookie', async () => {
      const response = await fetch(`${baseUrl}/codec/session/end`, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(/^caseflow_codec=;.*Expires=Thu, 01 Jan 1970/);
    });
  });

  it('serves the Temporal CLI: `temporal workflow show --codec-endpoint` prints the decoded input', async () => {
    const show = (auth: string): Promise<{ stdout: string }> =>
      run(
        requiredTool('CASEFLOW_TEMPORAL_CLI'),
        [
          'workflow',
          'show',
          '--address',
          temporalAddress,
          '--workflow-id',
          ticketNumber,
          '--codec-endpoint',
          `${baseUrl}/codec`,
          '--codec-auth',
          auth,
          '--output',
          'json',
        ],
        { timeout: 15_000 },
      );
    const { stdout } = await show(`Bearer ${token('auditor')}`);
    const shown = JSON.parse(stdout) as {
      events: Array<{ workflowExecutionStartedEventAttributes?: { input: { payloads: JsonPayload[] } } }>;
    };
    const [input] = shown.events[0].workflowExecutionStartedEventAttributes!.input.payloads;
    expect(encodingOf(input)).toBe('json/plain');
    expect(JSON.parse(text(input))).toMatchObject({ requester: ticket.requester, title: ticket.title });
  });
});

function flipLastByte(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[bytes.length - 1] ^= 0x01;
  return bytes.toString('base64');
}
