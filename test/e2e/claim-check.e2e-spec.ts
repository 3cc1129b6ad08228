import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { JsonPayload } from '@caseflow/codec';
import { isPersonalReference } from '@caseflow/domain';
import { searchAttributes } from '@caseflow/contract';
import { runAuditCli } from '../support/audit-cli';
import { startGateway, type Harness } from '../support/gateway-harness';
import { decrypted } from '../support/decrypted-history';
import { encodingOf, isSearchAttribute, scanHistory, type FoundPayload } from '../support/history-payloads';

const ERASED = '[erased]';

/**
 * Design (a) over HTTP, on the Go-built dev server: the gateway seals every personal value into the
 * vault, the ticket workflow carries references, the codec server opens them for supervisors, and
 * `caseflow-audit erase-subject` turns them into [erased] while the ticket keeps running.
 */
describe('claim check: personal data never enters Temporal', () => {
  const temporalAddress = process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS as string;
  const run = randomUUID().slice(0, 8);
  const anna = 'anna.kovacs@example.com';
  const personal = {
    requester: anna,
    title: `Kovács Anna: sessions drop ${run}`,
    description: `Anna writes from Szeged: gw-szeged-01 drops every session ${run}`,
    message: `Dear Anna, we are on gw-szeged-01 ${run}`,
    question: `Anna, which node restarted last? ${run}`,
    answer: `gw-szeged-01, on Monday, Kovács Anna ${run}`,
    comment: `Anna again: Debrecen sees it too ${run}`,
    feedback: `Thank you, Anna Kovács ${run}`,
  };
  let gateway: Harness;
  let connection: Connection;
  let raw: Client;
  const tokens: Record<string, string> = {};

  const command = (number: string, role: string, body: Record<string, unknown>): Promise<Response> =>
    gateway.request('POST', `/v1/tickets/${number}/commands`, { token: tokens[role], body: { command: body } });
  const accepted = async (number: string, role: string, body: Record<string, unknown>) => {
    const response = await command(number, role, body);
    expect({ command: body.type, status: response.status }).toEqual({ command: body.type, status: 200 });
    return (await response.json()) as Record<string, unknown>;
  };
  const decode = async (payloads: JsonPayload[], token?: string): Promise<Response> =>
    gateway.request('POST', '/codec/decode', {
      token,
      body: { payloads },
      headers: { 'x-namespace': 'default' },
    });
  const openTicket = async (fields: Partial<typeof personal> = {}): Promise<string> => {
    const response = await gateway.request('POST', '/v1/tickets', {
      token: tokens.customer,
      body: {
        customerId: 'balasys-demo',
        title: personal.title,
        description: personal.description,
        severity: 'S2',
        product: 'zorp-gateway',
        productVersion: '7.1',
        ...fields,
      },
    });
    expect(response.status).toBe(201);
    const { number } = (await response.json()) as { number: string };
    await gateway.eventually(async () => {
      const view = await gateway.request('GET', `/v1/tickets/${number}`, { token: tokens.engineer });
      return view.status === 200 && ((await view.json()) as { phase: string }).phase === 'understand'
        ? true
        : undefined;
    }, `ticket ${number} to be identified`);
    return number;
  };
  const startedInput = async (number: string): Promise<FoundPayload> => {
    const { payloads } = scanHistory(await raw.workflow.getHandle(number).fetchHistory());
    return payloads.find((found) => found.path.endsWith('workflowExecutionStartedEventAttributes.input.payloads[0]'))!;
  };
  const text = (payload: JsonPayload): string => Buffer.from(payload.data ?? '', 'base64').toString('utf8');

  beforeAll(async () => {
    if (!temporalAddress) throw new Error('the e2e global setup did not start the Temporal dev server');
    gateway = await startGateway({ numbersFrom: 3_000_000 });
    tokens.customer = await gateway.customerToken('balasys-demo', anna);
    tokens.engineer = await gateway.token({ sub: 'eve.engineer', role: 'engineer', tier: 'L2' });
    tokens.supervisor = await gateway.token({ sub: 'sue.supervisor', role: 'supervisor' });
    connection = await Connection.connect({ address: temporalAddress });
    // A client without the codec: the history as the server stores it.
    raw = new Client({ connection, namespace: 'default' });
  });

  afterAll(async () => {
    await connection?.close();
    await gateway?.close();
  });

  describe('a full lifecycle over HTTP', () => {
    let number: string;
    let history: temporal.api.history.v1.IHistory;
    let closedVersion = 0;

    beforeAll(async () => {
      number = await openTicket();
      await accepted(number, 'engineer', { type: 'respond', message: personal.message });
      await accepted(number, 'engineer', { type: 'requestClarification', questions: [personal.question] });
      await accepted(number, 'customer', { type: 'answerClarification', answer: personal.answer });
      await accepted(number, 'customer', { type: 'comment', text: personal.comment });
      await accepted(number, 'engineer', { type: 'applyHotfix', description: 'Patched the session cache.' });
      await accepted(number, 'engineer', {
        type: 'resolve',
        solution: 'Patched the session cache.',
        measures: 'Restarted nodes.',
        prevention: 'Upgrade to 7.1.3.',
      });
      await accepted(number, 'customer', { type: 'accept' });
      const closed = await accepted(number, 'customer', { type: 'giveFeedback', score: 5, comment: personal.feedback });
      expect(closed).toMatchObject({ phase: 'closed', requester: anna, title: personal.title });
      closedVersion = (closed as { version: number }).version;
      history = await raw.workflow.getHandle(number).fetchHistory();
    });

    it('the gateway reads the ticket back in clear (the projection opens the sealed values of the store)', async () => {
      const read = (path: string) =>
        gateway.request('GET', `${path}?minVersion=${closedVersion}`, { token: tokens.customer });
      const view = await read(`/v1/tickets/${number}`);
      expect(view.headers.get('caseflow-stale')).toBeNull();
      const ticket = (await view.json()) as { requesterSubject: string };
      expect(ticket).toMatchObject({ phase: 'closed', title: personal.title, csat: 5 });
      expect(ticket.requesterSubject).not.toContain('@');
      const timeline = JSON.stringify(await (await read(`/v1/tickets/${number}/timeline`)).json());
      expect(timeline).toContain(personal.feedback);
    });

    it('its history holds every payload encrypted, and not one personal value even decrypted', () => {
      const { payloads, json } = scanHistory(history);
      const sealed = payloads.filter((found) => !isSearchAttribute(found));
      expect(sealed.length).toBeGreaterThan(20);
      for (const value of Object.values(personal)) expect(json).not.toContain(value);
      const decoded = decrypted(history);
      const all = decoded.map((found) => found.text).join('\n');
      for (const value of Object.values(personal))
        expect({ value, found: all.includes(value) }).toEqual({ value, found: false });
      for (const name of ['Anna', 'Kovács', '@example.com', 'Szeged', 'Debrecen'])
        expect({ name, found: all.includes(name) }).toEqual({ name, found: false });
      const input = JSON.parse(
        decoded.find((found) => found.path.includes('StartedEventAttributes.input'))!.text,
      ) as Record<string, unknown>;
      expect([input.requester, input.title, input.description].every(isPersonalReference)).toBe(true);
    });

    it('its search attributes hold no personal value', async () => {
      const attributes = (await raw.workflow.getHandle(number).describe()).typedSearchAttributes;
      const values = Object.values(searchAttributes).map((key) => attributes.get(key as never));
      expect(values.filter((value) => value !== undefined).length).toBeGreaterThanOrEqual(6);
      const set = JSON.stringify(values);
      for (const value of [...Object.values(personal), '@', 'Anna']) expect(set).not.toContain(value);
    });
  });

  describe('erasing the requester mid-lifecycle (caseflow-audit erase-subject)', () => {
    let number: string;
    let input: FoundPayload;

    beforeAll(async () => {
      number = await openTicket({ title: `Erasable ${personal.title}` });
      await accepted(number, 'engineer', { type: 'respond', message: personal.message });
      input = await startedInput(number);
    });

    it('before: the codec server opens the references for a supervisor; anonymous and customers get nothing', async () => {
      const response = await decode([input.payload], tokens.supervisor);
      expect(response.status).toBe(200);
      const [payload] = ((await response.json()) as { payloads: JsonPayload[] }).payloads;
      expect(JSON.parse(text(payload))).toMatchObject({
        requester: anna,
        title: `Erasable ${personal.title}`,
        description: personal.description,
      });
      expect((await decode([input.payload])).status).toBe(401);
      expect((await decode([input.payload], tokens.customer)).status).toBe(403);
      expect(encodingOf(input.payload)).toBe('binary/encrypted');
    });

    it('after: [erased] through the codec server and the gateway, and staff drive the ticket on', async () => {
      const erased = await runAuditCli(gateway.databaseUrl, 'erase-subject', '--email', anna);
      expect(erased).toMatchObject({ code: 0, stdout: expect.stringContaining('now reads as [erased]') });
      const response = await decode([input.payload], tokens.supervisor);
      const [payload] = ((await response.json()) as { payloads: JsonPayload[] }).payloads;
      expect(JSON.parse(text(payload))).toMatchObject({ requester: ERASED, title: ERASED, description: ERASED });
      expect(text(payload)).not.toMatch(/anna|Kovács|Szeged/i);
      await accepted(number, 'engineer', { type: 'applyHotfix', description: 'Patched the session cache.' });
      const resolved = await accepted(number, 'engineer', {
        type: 'resolve',
        solution: 'Patched the session cache.',
        measures: 'Restarted nodes.',
        prevention: 'Upgrade to 7.1.3.',
      });
      expect(resolved).toMatchObject({ phase: 'acceptance', requester: ERASED, title: ERASED });
    });
  });
});
