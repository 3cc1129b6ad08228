import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  SubjectKeys,
  createEventStore,
  openDatabase,
  withPersonalData,
  type ChainedEvent,
  type Database,
  type NewEvent,
  type PostgresEventStore,
} from '@caseflow/event-store';
import { createScratchDatabase } from '../support/postgres';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

/** caseflow-audit's integrity commands as a process, on a scratch database: exit codes and output. */
describe('caseflow-audit: verify, export, checkpoint, erase-subject, as-of-recorded', () => {
  let scratch: { url: string; drop: () => Promise<void> };
  let db: Database;
  let store: PostgresEventStore;
  let dir: string;
  let sink: string;
  let midway: string;
  const stream = 'ticket-CF-2026-000777';

  const meta = (actor: string) => ({ actor, occurredAt: '2026-03-02T09:00:00.000Z', correlationId: 'corr-777' });
  const note = (id: string, text: string): NewEvent => ({
    id,
    type: 'TicketNoteAdded',
    data: { text },
    metadata: meta('agent:ana'),
  });

  async function audit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(
        'node',
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'apps/audit-cli/src/main.ts',
          ...args,
        ],
        {
          cwd: root,
          timeout: 60_000,
          env: {
            ...process.env,
            CASEFLOW_STORE: 'postgres',
            CASEFLOW_PG_URL: scratch.url,
            CASEFLOW_CHECKPOINT_SINK: sink,
          },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  /** One statement behind the store's back, append-only triggers off. */
  const tamper = (sql: string, params: unknown[]) =>
    db.transaction(async (tx) => {
      await tx.exec('ALTER TABLE es_events DISABLE TRIGGER USER');
      await tx.query(sql, params);
      await tx.exec('ALTER TABLE es_events ENABLE TRIGGER USER');
    });

  beforeAll(async () => {
    scratch = await createScratchDatabase('audit_cli');
    db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
    store = await createEventStore(db);
    dir = await mkdtemp(path.join(tmpdir(), 'caseflow-audit-'));
    sink = path.join(dir, 'checkpoints.jsonl');
    const personal = withPersonalData(store, {
      keys: await SubjectKeys.open(db),
      types: {
        TicketOpened: { subject: (e) => (e.data as { customerId: string }).customerId, fields: ['requesterEmail'] },
      },
    });
    await personal.append(
      stream,
      [
        {
          id: 'open',
          type: 'TicketOpened',
          data: { customerId: 'cust-9', requesterEmail: 'olga@example.com', severity: 'S2' },
          metadata: meta('customer:cust-9'),
        },
      ],
      {
        expectedPosition: 0,
      },
    );
    await personal.append(stream, [note('n1', 'first look')], { expectedPosition: 1 });
    midway = (await store.readStream(stream))[1].recordedAt;
    await new Promise((r) => setTimeout(r, 20));
    await personal.append(stream, [note('n2', 'hotfix applied'), note('n3', 'resolved')], { expectedPosition: 2 });
    await personal.append('ticket-CF-2026-000778', [note('m1', 'other ticket')], { expectedPosition: 0 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await db?.close();
    await scratch?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('verifies a stream and the whole store: exit 0', async () => {
    expect(await audit('verify', stream)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('verified: 4 event(s) in 1 stream(s)'),
    });
    expect(await audit('verify', '--all')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('verified: 5 event(s) in 2 stream(s)'),
    });
  });

  it('prints a stream as of a recorded instant, personal data opened', async () => {
    const { code, stdout } = await audit('as-of-recorded', stream, midway);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^#1 {2}\S+ {2}customer:cust-9 {2}TicketOpened {2}.*"requesterEmail":"olga@example\.com"/);
    expect(lines[1]).toContain('first look');
    expect((await audit('as-of-recorded', stream, '2000-01-01T00:00:00Z')).code).toBe(1);
  });

  it('exports a stream as JSON lines with its hashes, personal data sealed', async () => {
    const { code, stdout } = await audit('export', stream);
    expect(code).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ChainedEvent);
    expect(events.map((e) => e.position)).toEqual([1, 2, 3, 4]);
    events.forEach((e, i) => {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.prevHash).toBe(i === 0 ? '0'.repeat(64) : events[i - 1].hash);
    });
    expect(stdout).not.toContain('olga@example.com');
    expect((await audit('export', 'ticket-nope')).code).toBe(1);
  });

  it('takes a checkpoint into the store and the sink', async () => {
    const { code, stdout } = await audit('checkpoint');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { root: string; globalPosition: number; streams: number };
    const exported = JSON.parse((await readFile(sink, 'utf8')).trim().split('\n').at(-1)!) as {
      root: string;
      heads: unknown[];
    };
    expect(exported.root).toBe(printed.root);
    expect(exported.heads).toHaveLength(2);
    expect((await store.readStream('$checkpoints')).at(-1)?.data).toMatchObject({
      root: printed.root,
      globalPosition: printed.globalPosition,
    });
    expect(await audit('verify', '--all', '--checkpoint', sink)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('against checkpoint'),
    });
  });

  it('says how to take a checkpoint when none exists yet: exit 1, no stack', async () => {
    const none = path.join(dir, 'no-checkpoint-yet.jsonl');
    const { code, stdout, stderr } = await audit('verify', '--all', '--checkpoint', none);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`No checkpoint file at ${none}: no checkpoint was taken there yet`);
    expect(stderr).toContain(`CASEFLOW_CHECKPOINT_SINK=${none} npm run audit -- checkpoint`);
    expect(stderr).toContain('npm run audit -- verify --all');
    expect(stderr).not.toMatch(/ENOENT|\n\s+at /);
    expect((await audit('verify', stream, '--checkpoint', none)).stderr).toContain(`npm run audit -- verify ${stream}`);
  });

  it('erases a subject: the data reads [erased], every chain still verifies', async () => {
    expect(await audit('erase-subject', 'cust-9')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('erased 1 key(s) of subject cust-9'),
    });
    const { stdout } = await audit('as-of-recorded', stream, '2099-01-01T00:00:00Z');
    expect(stdout).toContain('"requesterEmail":"[erased]"');
    expect(stdout).not.toContain('olga@example.com');
    expect((await audit('verify', '--all', '--checkpoint', sink)).code).toBe(0);
    expect((await audit('erase-subject', 'cust-9')).code).toBe(1);
  });

  it('a changed row: exit 4 with the first bad position, expected and actual hash', async () => {
    const stored = (await store.readChain(stream))[2].hash!;
    await tamper(`UPDATE es_events SET data = '{"text":"nothing happened"}' WHERE stream_id = $1 AND position = 3`, [
      stream,
    ]);
    const { code, stdout, stderr } = await audit('verify', stream);
    expect(code).toBe(4);
    expect(stdout).toContain(`NOT VERIFIED: changed at ${stream} #3`);
    expect(stdout).toContain(`expected ${stored}`);
    expect(stderr).toContain(`first bad position: ${stream} #3`);
    expect((await audit('verify', '--all')).code).toBe(4);
  });

  it('a truncation that keeps the chain valid is caught by the exported checkpoint', async () => {
    const other = 'ticket-CF-2026-000778';
    await store.append(other, [note('m2', 'later')], { expectedPosition: 1 });
    const first = (await store.readChain(other))[0];
    await tamper(`DELETE FROM es_events WHERE stream_id = $1 AND position = 2`, [other]);
    expect((await audit('verify', other)).code).toBe(4); // the head row still says 2
    await db.query(`UPDATE es_streams SET last_position = 1, last_hash = $2 WHERE stream_id = $1`, [other, first.hash]);
    expect((await audit('verify', other)).code).toBe(0); // a valid prefix…
    await tamper(`DELETE FROM es_events WHERE stream_id = $1`, [other]);
    await db.query(`DELETE FROM es_streams WHERE stream_id = $1`, [other]);
    const { code, stdout } = await audit('verify', other, '--checkpoint', sink); // …but not what was exported
    expect(code).toBe(4);
    expect(stdout).toContain(`NOT VERIFIED: checkpoint at ${other} #1`);
  });

  it('exits 2 for bad usage', async () => {
    expect((await audit('verify')).code).toBe(2);
    expect((await audit('verify', 'ticket-never-written')).code).toBe(1);
    expect((await audit('as-of-recorded', stream, 'yesterday')).code).toBe(2);
  });
});
