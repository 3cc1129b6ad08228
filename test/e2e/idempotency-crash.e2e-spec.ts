import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { dataConverterFor } from '@caseflow/codec';
import { ticketViewQuery } from '@caseflow/contract';
import type { TicketState } from '@caseflow/domain';
import { openDatabase, type Database } from '@caseflow/event-store';
import { issueEmbeddedToken, loadOrCreateSecret } from '@caseflow/identity';
import { workflowBundleOptions } from '@caseflow/worker';
import { testCodecConfig } from '../support/codec-keys';
import { holdAnswers } from '../support/held-answers';
import { createScratchDatabase } from '../support/postgres';
import { startGatewayProcess, type GatewayProcess } from '../support/processes/gateway-process';
import { killAllProcessGroups } from '../support/processes/process-group';
import { waitUntil } from '../support/wait-until';
import { balasysSessionsDropBody } from '../support/ticket-fixtures';

const LEASE_SECONDS = 2;

/**
 * A POST whose gateway is SIGKILLed after the Temporal call completed and before its answer was
 * kept (held there by a trigger on the idempotency table): the client sees a dropped connection,
 * retries with the same key at a new gateway process, and gets the answer, with the work done once.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Idempotency-Key across a gateway crash', () => {
  const temporalAddress = process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS as string;
  let dir: string;
  let scratch: { url: string; drop: () => Promise<void> };
  let db: Database;
  let gateway: GatewayProcess;
  let token: string;
  let start: () => Promise<GatewayProcess>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-idempotency-crash-'));
    scratch = await createScratchDatabase('cf_idem_crash');
    const secretFile = path.join(dir, 'auth-hs256.secret');
    const workflowBundle = path.join(dir, 'workflow-bundle.js');
    fs.writeFileSync(workflowBundle, (await bundleWorkflowCode(workflowBundleOptions())).code);
    const taskQueue = `idem-crash-${randomUUID()}`;
    start = () =>
      startGatewayProcess({
        temporalAddress,
        taskQueue,
        databaseUrl: scratch.url,
        secretFile,
        workflowBundle,
        checkpointSink: path.join(dir, 'checkpoints.jsonl'),
        idempotencyLeaseSeconds: LEASE_SECONDS,
      });
    gateway = await start();
    db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
    await db.query('UPDATE ticket_number_counters SET last_value = 4600000');
    await db.query(
      'INSERT INTO ticket_number_counters (year, last_value) VALUES ($1, 4600000) ON CONFLICT DO NOTHING',
      [new Date().getUTCFullYear()],
    );
    token = await issueEmbeddedToken(
      loadOrCreateSecret(secretFile),
      { sub: 'eve.engineer', role: 'engineer', tier: 'L2' },
      { issuer: 'caseflow', audience: 'caseflow', expiresInSeconds: 3_600 },
    );
  }, 420_000);

  afterAll(async () => {
    await killAllProcessGroups();
    await db?.close();
    await scratch?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (url: string, body: unknown, key: string) =>
    fetch(`${gateway.baseUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  const eventTypes = async (number: string): Promise<string[]> =>
    (
      await db.query<{ type: string }>('SELECT type FROM es_events WHERE stream_id = $1 ORDER BY position', [
        `ticket-${number}`,
      ])
    ).rows.map((row) => row.type);
  /** The gateway process's last lines, its lease renewals (which pile up behind a held answer) left out. */
  const gatewaySaid = () =>
    gateway.group.output
      .split('\n')
      .filter((line) => !line.includes('lease renewal'))
      .slice(-40)
      .join('\n');
  // Generous: the gateway process bundles the workflows and starts its worker under CI's load.
  const eventually = <T>(probe: () => Promise<T | undefined>, what: string) =>
    waitUntil(probe, {
      timeoutMs: 90_000,
      intervalMs: 100,
      what: () => `${what}; the gateway process said:\n${gatewaySaid()}`,
    });

  /** The ticket's workflow is in `phase` and has folded every event of its stream (no recording in flight). */
  async function settledIn(phase: string, number: string): Promise<boolean> {
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const client = new Client({ connection, dataConverter: dataConverterFor(testCodecConfig()) });
      const view = (await client.workflow.getHandle(number).query(ticketViewQuery)) as Partial<TicketState>;
      return view.phase === phase && view.version === (await eventTypes(number)).length;
    } catch {
      return false; // not started yet, or its worker is busy
    } finally {
      await connection.close();
    }
  }

  /** Sends the POST, waits until `done` says its work happened, SIGKILLs the gateway, starts another. */
  async function crashAfterTheWork(url: string, body: unknown, key: string, done: () => Promise<boolean>) {
    const held = await holdAnswers(scratch.url);
    const lost = post(url, body, key).then(
      async (response) => `answered ${response.status} ${await response.text()}`,
      () => 'connection dropped',
    );
    try {
      await eventually(async () => ((await done()) ? true : undefined), 'the work under the key');
      await gateway.group.kill();
    } catch (error) {
      // The work never showed: what the gateway answered instead, once its held answer is let go.
      await held.abandon();
      const answer = await Promise.race([lost, sleep(5_000).then(() => 'no answer within 5 s')]);
      throw new Error(`${(error as Error).message}\nthe request was ${answer}`, { cause: error });
    }
    // The dead process's UPDATE is still queued in PostgreSQL: end it, as a real crash's connection would end.
    await held.abandon();
    const outcome = await lost;
    // The dead gateway's last words when it answered after all.
    expect(outcome === 'connection dropped' ? outcome : `${outcome}\n${gateway.group.output.slice(-3000)}`).toBe(
      'connection dropped',
    );
    gateway = await start();
  }

  /** Retries until the key's lease (held by the dead process) runs out: 409 until then. */
  const retry = (url: string, body: unknown, key: string) =>
    eventually(async () => {
      const response = await post(url, body, key);
      return response.status === 409 ? undefined : response;
    }, 'the retry to be let through');

  it('opens one ticket when an open is retried after the gateway died before answering', async () => {
    const key = randomUUID();
    const body = balasysSessionsDropBody;
    let number = '';
    await crashAfterTheWork('/v1/tickets', body, key, async () => {
      const { rows } = await db.query<{ resource: string | null }>(
        'SELECT resource FROM idempotency_keys WHERE key = $1',
        [key],
      );
      number = rows[0]?.resource ?? '';
      // Settled in the workflow itself, not just in the store: an event is stored before the workflow
      // hears its activity completed, and a worker killed in between leaves the ticket "still being
      // identified" until that activity times out (a command then answers 422).
      return number !== '' && (await settledIn('understand', number));
    });

    const response = await retry('/v1/tickets', body, key);
    expect(response.status).toBe(201);
    // Re-driven (same number, so the same workflow id), not replayed: the dead process kept no answer.
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    expect(await response.json()).toEqual({ number });
    expect((await eventTypes(number)).filter((type) => type === 'TicketOpened')).toHaveLength(1);
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM ticket_owners');
    expect(Number(rows[0].n)).toBe(1);

    const commandKey = randomUUID();
    const command = { command: { type: 'comment', text: 'Logs received.', visibility: 'public' } };
    const url = `/v1/tickets/${number}/commands`;
    await crashAfterTheWork(url, command, commandKey, async () => (await eventTypes(number)).includes('CommentAdded'));
    const answered = await retry(url, command, commandKey);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('idempotent-replayed')).toBeNull();
    expect(await answered.json()).toMatchObject({ number });
    expect((await eventTypes(number)).filter((type) => type === 'CommentAdded')).toHaveLength(1);
  }, 420_000);
});
