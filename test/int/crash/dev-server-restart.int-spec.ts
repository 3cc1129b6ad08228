import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TicketState } from '@caseflow/domain';
import { ProcessRig, type TicketHandle } from '../../support/processes/process-rig';
import { within } from '../../support/wait-until';
import { balasysS1, balasysToClose } from './balasys-lifecycle';

const step = (name: string) => balasysToClose.findIndex((s) => s.name === name);

/**
 * The dev server stopped (SIGTERM) in the middle of a ticket's life and started again on its
 * SQLite file and port, while the `applyHotfix` update is in flight: its HotfixApplied is committed
 * to the store and the append activity reports back only after the restart. The same worker process
 * reconnects and the ticket closes.
 */
describe('crash: dev server stopped and started again on its database file', () => {
  let rig: ProcessRig;
  beforeAll(async () => {
    rig = await ProcessRig.start('server_restart');
  }, 120_000);
  afterAll(async () => {
    await rig?.stop();
  });

  async function runSteps(handle: TicketHandle, from: number, to = balasysToClose.length): Promise<void> {
    for (const s of balasysToClose.slice(from, to)) await rig.command(handle, s.actor, s.command);
  }

  it('the in-flight update completes after the restart, the ticket closes, its stream has each event once', async () => {
    const control = await rig.open(balasysS1);
    const victim = await rig.open(balasysS1);
    const release = path.join(rig.dir, 'release-hotfix');
    const worker = await rig.startWorker('drill', {
      CASEFLOW_DRILL_TICKET: victim.workflowId,
      CASEFLOW_DRILL_AFTER: 'HotfixApplied',
      CASEFLOW_DRILL_RELEASE_FILE: release,
    });
    await rig.waitForPhase(control, 'understand');
    await runSteps(control, 0);
    expect((await rig.result(control)).phase).toBe('closed');

    await rig.waitForPhase(victim, 'understand');
    await runSteps(victim, 0, step('applyHotfix'));
    const hotfix = balasysToClose[step('applyHotfix')];
    const updateId = `${victim.workflowId}-hotfix`;
    const applying = rig.command(victim, hotfix.actor, hotfix.command, updateId);
    applying.catch(() => undefined);
    await worker.waitForOutput(new RegExp(`DRILL_POINT ${victim.workflowId} HotfixApplied`), 30_000);

    await rig.restartServer(async () => {
      expect(worker.running).toBe(true);
    });
    fs.writeFileSync(release, '');
    await worker.waitForOutput(new RegExp(`DRILL_RELEASED ${victim.workflowId} HotfixApplied`), 10_000);
    // The client's own call may have given up while the server was down: the update id finds the outcome.
    const applied = await within(
      'the applyHotfix update to complete after the restart',
      applying.catch(() => victim.getUpdateHandle<TicketState>(updateId).result()),
      60_000,
    );
    const hotfixEvent = (await rig.stream(victim)).find((e) => e.type === 'HotfixApplied');
    expect(applied.version).toBe(hotfixEvent?.position);
    await runSteps(victim, step('applyHotfix') + 1);
    const final = await rig.result(victim);
    expect(final.phase).toBe('closed');
    expect(worker.running).toBe(true);

    await rig.expectEachEventOnce(victim, control, final);
  }, 180_000);
});
