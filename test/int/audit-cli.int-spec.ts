import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { engineer, LifecycleHarness, type TicketHandle } from '../support/lifecycle-harness';
import { anna, balasysS1, resolution } from './lifecycle/fixtures';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

/** caseflow-audit as a process, against the store a real ticket wrote. */
describe('caseflow-audit', () => {
  let h: LifecycleHarness;
  let handle: TicketHandle;
  let respondedAt: string;

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
          env: { ...process.env, CASEFLOW_STORE: 'postgres', CASEFLOW_PG_URL: h.databaseUrl },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  beforeAll(async () => {
    h = await LifecycleHarness.start();
    handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    respondedAt = (await h.command(handle, engineer, { type: 'respond', message: 'On it.' })).firstResponseAt as string;
    await h.env.sleep(3 * 3600_000);
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Hotfix applied.' });
    await h.command(handle, engineer, { type: 'resolve', ...resolution });
    await h.command(handle, anna, { type: 'accept' });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('prints a ticket timeline, one line per event in order', async () => {
    const { code, stdout } = await audit('timeline', handle.workflowId);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.map((line) => line.split('  ')[3])).toEqual(await h.types(handle));
    expect(lines[0]).toMatch(
      /^#1 {2}\S+ {2}customer-contact:ds-[0-9a-f-]{36} {2}TicketOpened {2}severity="S1" description="Details of what broke\."/,
    );
  });

  it('prints the state and SLA clocks as they were at a past instant', async () => {
    const { code, stdout } = await audit('state', handle.workflowId, '--at', respondedAt);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      state: { phase: string; firstResponseAt?: string };
      slaClocks: { firstResponse: { status: string } };
      calendars: { identical: unknown };
    };
    expect(report.state.phase).toBe('understand');
    expect(report.state.firstResponseAt).toBe(respondedAt);
    expect(report.slaClocks.firstResponse.status).toBe('met');
    expect(report.calendars.identical).toBe(true);
    // The test server's clock runs ahead of the real one: ask for a later instant to see everything.
    const now = JSON.parse((await audit('state', handle.workflowId, '--at', '2099-01-01T00:00:00Z')).stdout) as {
      state: unknown;
    };
    expect(now.state).toEqual(await h.view(handle));
  });

  it('erases the requester by e-mail: timeline and state read [erased], the clocks stay, every chain verifies', async () => {
    const at = '2099-01-01T00:00:00Z';
    const before = JSON.parse((await audit('state', handle.workflowId, '--at', at)).stdout) as {
      state: { requester: string };
      slaClocks: unknown;
    };
    expect(before.state.requester).toBe(anna.id);

    const erased = await audit('erase-subject', '--email', anna.id);
    expect(erased).toMatchObject({ code: 0, stdout: expect.stringMatching(/erased 1 key\(s\) of subject ds-/) });
    expect(erased.stdout).not.toContain(anna.id);

    const after = JSON.parse((await audit('state', handle.workflowId, '--at', at)).stdout) as {
      state: { requester: string; title: string; phase: string };
      slaClocks: unknown;
    };
    expect(after.state).toMatchObject({ requester: '[erased]', title: '[erased]', phase: 'feedback' });
    expect(after.slaClocks).toEqual(before.slaClocks);
    const timeline = await audit('timeline', handle.workflowId);
    expect(timeline.stdout).toContain('description="[erased]"');
    expect(timeline.stdout).not.toContain(anna.id);
    expect(await audit('verify', '--all')).toMatchObject({ code: 0, stdout: expect.stringContaining('verified:') });
    expect(await audit('verify', `ticket-${handle.workflowId}`)).toMatchObject({ code: 0 });
    // Nobody is left under that address.
    expect((await audit('erase-subject', '--email', anna.id)).code).toBe(1);
  });

  it('exits 1 for an unknown ticket and 2 for bad usage', async () => {
    expect(await audit('timeline', 'CF-1999-000001')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no events for ticket CF-1999-000001'),
    });
    expect((await audit('state', handle.workflowId, '--at', 'yesterday')).code).toBe(2);
    expect((await audit('frobnicate')).code).toBe(2);
  });
});
