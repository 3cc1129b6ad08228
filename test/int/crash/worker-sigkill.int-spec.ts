import { ProcessRig, type TicketHandle } from '../../support/processes/process-rig';
import { within } from '../../support/wait-until';
import { balasysS1, balasysToClose } from './balasys-lifecycle';

/**
 * A worker process SIGKILLed in the middle of a ticket's life, with the `respond` update in flight:
 * its FirstResponseSent is committed to the store and the append activity has not reported back.
 * A new worker process (the production entry) finishes the update and the ticket.
 */
describe('crash: worker SIGKILLed mid-update, then restarted', () => {
  let rig: ProcessRig;
  beforeAll(async () => {
    rig = await ProcessRig.start('worker_sigkill');
  }, 120_000);
  afterAll(async () => {
    await rig?.stop();
  });

  async function runSteps(handle: TicketHandle, from: number): Promise<void> {
    for (const step of balasysToClose.slice(from)) await rig.command(handle, step.actor, step.command);
  }

  it('the in-flight respond completes after the restart, the ticket closes, its stream has each event once', async () => {
    const control = await rig.open(balasysS1);
    const victim = await rig.open(balasysS1);
    const doomed = await rig.startWorker('drill', {
      CASEFLOW_DRILL_TICKET: victim.workflowId,
      CASEFLOW_DRILL_AFTER: 'FirstResponseSent',
    });
    await rig.waitForPhase(control, 'understand');
    await runSteps(control, 0);
    const controlFinal = await rig.result(control);
    expect(controlFinal.phase).toBe('closed');

    await rig.waitForPhase(victim, 'understand');
    const [respond] = balasysToClose;
    let settled = false;
    const responding = rig.command(victim, respond.actor, respond.command).finally(() => (settled = true));
    responding.catch(() => undefined);
    await doomed.waitForOutput(new RegExp(`DRILL_POINT ${victim.workflowId} FirstResponseSent`), 30_000);
    expect((await rig.stream(victim)).map((e) => e.type).at(-1)).toBe('FirstResponseSent');
    const killed = await doomed.kill();
    expect(killed.signal).toBe('SIGKILL');
    expect(settled).toBe(false);

    await rig.startWorker('production');
    // The lost append is retried once its start-to-close timeout (30 s) passes: the store finds the event id.
    const answered = await within('the respond update to complete after the restart', responding, 90_000);
    expect(answered.firstResponseAt).toEqual(expect.any(String));
    await runSteps(victim, 1);
    const final = await rig.result(victim);
    expect(final.phase).toBe('closed');

    await rig.expectEachEventOnce(victim, control, final);
    const history = (await victim.fetchHistory()).events ?? [];
    const activityType = new Map(
      history
        .filter((e) => e.activityTaskScheduledEventAttributes)
        .map((e) => [String(e.eventId), e.activityTaskScheduledEventAttributes!.activityType?.name]),
    );
    const appendAttempts = history
      .filter((e) => e.activityTaskStartedEventAttributes)
      .filter(
        (e) => activityType.get(String(e.activityTaskStartedEventAttributes!.scheduledEventId)) === 'appendTicketEvent',
      )
      .map((e) => e.activityTaskStartedEventAttributes!.attempt ?? 1);
    // Exactly one append ran twice: the one whose first attempt died with the worker.
    expect(appendAttempts.filter((attempt) => attempt > 1)).toEqual([2]);
  }, 180_000);
});
