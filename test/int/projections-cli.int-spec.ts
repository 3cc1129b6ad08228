import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ProjectionHarness } from '../support/projection-harness';
import { seededRandom } from '../support/random-lifecycles';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

/** `caseflow projections status|rebuild` as a process against a scratch database the test writes tickets to. */
describe('caseflow projections', () => {
  let h: ProjectionHarness;

  async function caseflow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, CASEFLOW_STORE: 'postgres', CASEFLOW_PG_URL: h.url };
    const argv = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
    try {
      const { stdout, stderr } = await run('node', [...argv, 'apps/caseflow-cli/src/main.ts', ...args], {
        cwd: root,
        timeout: 120_000,
        env,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  const fields = (stdout: string) =>
    Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')),
    );

  beforeAll(async () => {
    h = await ProjectionHarness.start('postgres');
    const generator = h.generator(4242);
    const tickets = [];
    for (let i = 0; i < 15; i++)
      tickets.push(
        await generator.ticket({
          number: `CF-2026-${1_200_000 + i}`,
          openedAt: new Date(Date.UTC(2026, 9, 1) + i * 600_000).toISOString(),
        }),
      );
    await h.append(tickets, seededRandom(4242));
    // Not a ticket's sequence: closed before it was opened.
    await h.store.append('ticket-CF-2026-1299999', [
      {
        id: 'bad-1',
        type: 'TicketClosed',
        data: { feedback: 'given' },
        metadata: { actor: 'system:caseflow', occurredAt: '2026-10-02T00:00:00.000Z', correlationId: 'x' },
      },
    ]);
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('status before the projector ran: position 0, the whole store as lag', async () => {
    const { code, stdout } = await caseflow('projections', 'status');
    expect(code).toBe(0);
    const head = await h.store.headPosition();
    expect(fields(stdout)).toEqual({
      position: '0',
      head: String(head),
      lag: String(head),
      rebuilding: 'no',
      tickets: '0',
      failures: '0',
    });
  });

  it('rebuild gives the tables the live projector builds, byte for byte; status then shows no lag and the failure', async () => {
    const runner = h.runner({ batchSize: 9 });
    runner.start();
    await runner.caughtUp();
    await runner.stop();
    const incremental = await h.dump();
    expect(incremental.projection_tickets).toHaveLength(15);

    const rebuilt = await caseflow('projections', 'rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^rebuilt tickets: \d+ events, 15 tickets, checkpoint \d+ /);
    expect(await h.dump()).toEqual(incremental);

    // An event the projection does not read moves the head, not the lag.
    await h.store.append('misc-1', [
      {
        id: 'misc-1/1',
        type: 'Unrelated',
        data: {},
        metadata: { actor: 'system:x', occurredAt: '2026-10-03T00:00:00Z', correlationId: 'm' },
      },
    ]);
    const { stdout } = await caseflow('projections', 'status');
    const head = await h.store.headPosition();
    expect(fields(stdout)).toMatchObject({ head: String(head), lag: '0', tickets: '15', failures: '1' });
    expect(Number(fields(stdout).position)).toBeLessThan(head);
    expect(stdout).toContain('failure\tticket-CF-2026-1299999@1\tTicketClosed before TicketOpened');
  });

  it('usage errors exit 2', async () => {
    expect((await caseflow('projections')).code).toBe(2);
    expect((await caseflow('projections', 'rebuild', '--now', 'x')).code).toBe(2);
  });
});
