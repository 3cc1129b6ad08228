import { bundleWorkflowCode, Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { workflowBundleOptions } from '@caseflow/worker';
import { caseflowDataConverter } from '@caseflow/codec';
import { TEST_CODEC_KEYS } from '../support/codec-keys';
import { readHistory, recordedHistories } from '../support/histories';
import { ticketWorkflowSource } from '../support/workflow-bundle';

const histories = recordedHistories();
/** Histories recorded through the codec are encrypted under the test key; older ones are plain, so the replayer accepts both (a worker does not). */
const dataConverter = caseflowDataConverter(TEST_CODEC_KEYS, { plaintext: 'accept' });
const quiet = { log: () => undefined, info: () => undefined, debug: () => undefined, trace: () => undefined };
const logger = { ...quiet, warn: console.warn, error: console.error };

function currentCode(): Pick<ReplayWorkerOptions, 'workflowBundle'> {
  const source = ticketWorkflowSource();
  if (!source.workflowBundle) throw new Error('the workflow tier bundles the workflows in its global setup');
  return { workflowBundle: source.workflowBundle };
}

/** Every recorded history, of every version, replays on today's workflow code. */
describe('recorded workflow histories replay on the current code', () => {
  it('has recorded histories, each named after the version that recorded it', () => {
    expect(histories.length).toBeGreaterThan(0);
    expect(histories.map((h) => h.file)).toContain('lifecycle-hotfix_v0.1.0-b0ec117.json');
    // Recorded on e9ae111: an update clock warned and breached, and nothing was due then. It replays
    // only because the update duty is behind patched('update-cadence-duty') (without it: a
    // DeterminismViolationError, an activity where the history has a timer).
    expect(histories.map((h) => h.file)).toContain('wf-update-clock-before-duty_v0.1.0-e9ae111.json');
    // Recorded at 7181a70 through the gateway's claim check (docs/codec.md): references, no personal
    // data; the second one's requester was erased mid-lifecycle and it still closed (and replays).
    expect(histories.map((h) => h.file)).toEqual(
      expect.arrayContaining([
        'claim-check-lifecycle_v0.1.0-7181a70.json',
        'claim-check-requester-erased_v0.1.0-7181a70.json',
      ]),
    );
  });

  it('has a customer queue history from before the queue told a moved ticket (patched queue-prioritized-notice)', () => {
    // Recorded at b3cfd82: enqueue, prioritize, release. Temporal compares a signal's target, not its
    // input, so this one cannot tell the notice from a later turn; it does show old queues replay.
    expect(histories.map((h) => h.file)).toContain('queue-prioritized_v0.1.0-b3cfd82.json');
  });

  it.each(histories.map((h) => h.file))('%s', async (file) => {
    await Worker.runReplayHistory({ ...currentCode(), dataConverter }, readHistory(file), file);
  });
});

/** The replay suite can fail: a history and a workflow that disagree are a DeterminismViolationError. */
describe('replay detects a workflow that no longer matches its history', () => {
  const history = readHistory('lifecycle-hotfix_v0.1.0-b0ec117.json');

  it('fails on a history whose first activity is not the one the workflow schedules', async () => {
    const tampered = structuredClone(history);
    const scheduled = tampered.events!.find((event) => event.activityTaskScheduledEventAttributes)!;
    expect(scheduled.activityTaskScheduledEventAttributes!.activityType!.name).toBe('resolveDataSubject');
    scheduled.activityTaskScheduledEventAttributes!.activityType!.name = 'identifyTicket';
    await expect(Worker.runReplayHistory(currentCode(), tampered, 'tampered')).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });

  it('fails when the workflow code changed: the same workflow with one timer more', async () => {
    const changed = await bundleWorkflowCode({
      ...workflowBundleOptions(),
      workflowInterceptorModules: [require.resolve('./fixtures/extra-timer.interceptor')],
      logger,
    });
    await expect(Worker.runReplayHistory({ workflowBundle: changed }, history, 'changed')).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
    // The claim-check recordings too (encrypted: the replayer decodes them with the test key).
    const claimCheck = readHistory('claim-check-requester-erased_v0.1.0-7181a70.json');
    await expect(
      Worker.runReplayHistory({ workflowBundle: changed, dataConverter }, claimCheck, 'changed'),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });

  it('fails on a claim-check history whose workflow looked the requester up by activity (as before the claim check)', async () => {
    // The claim-check workflow takes the requester's subject from its reference: no activity. A
    // history where the first activity is resolveDataSubject is one this code does not make.
    const tampered = structuredClone(readHistory('claim-check-lifecycle_v0.1.0-7181a70.json'));
    const scheduled = tampered.events!.find((event) => event.activityTaskScheduledEventAttributes)!;
    expect(scheduled.activityTaskScheduledEventAttributes!.activityType!.name).toBe('appendTicketEvent');
    scheduled.activityTaskScheduledEventAttributes!.activityType!.name = 'resolveDataSubject';
    await expect(
      Worker.runReplayHistory({ ...currentCode(), dataConverter }, tampered, 'tampered'),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
