import { foldTicket } from '@caseflow/domain';
import { engineer, WorkflowHarness, type TicketHandle } from '../support/workflow-harness';
import { anna, balasysS1, ivan, jonas, netixUrgency2, resolution, supratixHigh } from '../support/ticket-fixtures';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Intake to close along each fix path: the workflow alone, with stub activities (no PostgreSQL). */
describe('ticket workflow (stub activities): fix paths', () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await WorkflowHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function expectStateIsFoldOfStream(handle: TicketHandle): Promise<void> {
    expect(foldTicket(h.dated(handle))).toEqual(await h.view(handle));
  }

  it('hotfix: first answer, hotfix, resolution, acceptance, feedback; closed', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'respond', message: 'On it.', eta: '2030-01-01T10:00:00Z' });
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Hotfix applied.' });
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    expect(resolved).toMatchObject({ phase: 'acceptance', resolution: { kind: 'fixed' } });
    const accepted = await h.command(handle, anna, { type: 'accept' });
    expect(accepted).toMatchObject({ phase: 'feedback', acceptance: { by: 'customer' } });
    expect(Date.parse(accepted.acceptance!.feedbackDueAt)).toBeGreaterThan(Date.parse(accepted.acceptance!.at));
    const closed = await h.command(handle, anna, { type: 'giveFeedback', score: 5, comment: 'Fast.' });
    expect(closed.phase).toBe('closed');
    expect(await h.result(handle)).toEqual(closed);

    expect(h.transitions(handle)).toEqual([
      'TicketOpened',
      'CustomerIdentified',
      'FirstResponseSent',
      'HotfixApplied',
      'TicketResolved',
      'ResolutionAccepted',
      'FeedbackGiven',
      'TicketClosed',
    ]);
    expect(h.notifications(handle).map((n) => n.kind)).toEqual(['firstResponse', 'resolved', 'closed']);
    // Each delivery is keyed by its CustomerNotified event's position (the outbox).
    for (const n of h.notifications(handle))
      expect(h.stream(handle)[n.position - 1].event.type).toBe('CustomerNotified');
    const [opened, identified] = h.stream(handle);
    expect(opened.metadata).toMatchObject({ actor: 'customer-contact:ds-stub-1', dataSubject: 'ds-stub-1' });
    expect(identified.metadata).toMatchObject({ actor: 'system:caseflow', policyVersion: 'balasys@1' });
    expect(h.stream(handle).map((e) => e.expectedPosition)).toEqual(h.stream(handle).map((_, i) => i));
    await expectStateIsFoldOfStream(handle);
  });

  it('fix loop: a rejected proposal, an approved one, implementation; the feedback window expires', async () => {
    const handle = await h.open(supratixHigh);
    await h.waitForPhase(handle, 'understand');
    const first = await h.command(handle, engineer, { type: 'proposeFix', description: 'Disable the cache.' });
    expect(first.phase).toBe('awaitingApproval');
    const rejected = await h.command(handle, jonas, {
      type: 'rejectFix',
      proposalId: first.proposal!.id,
      reason: 'The shop needs the cache.',
    });
    expect(rejected).toMatchObject({ phase: 'fix', proposal: { status: 'rejected' } });
    const second = await h.command(handle, engineer, { type: 'proposeFix', description: 'Exclude the checkout.' });
    await expect(h.command(handle, jonas, { type: 'approveFix', proposalId: first.proposal!.id })).rejects.toThrow(
      /is not the one awaiting approval/,
    );
    await h.command(handle, jonas, { type: 'approveFix', proposalId: second.proposal!.id });
    await h.command(handle, engineer, { type: 'implementFix', note: 'Checkout excluded.' });
    await h.command(handle, engineer, { type: 'resolve', ...resolution });
    const accepted = await h.command(handle, jonas, { type: 'accept' });
    await h.jumpTo(new Date(Date.parse(accepted.acceptance!.feedbackDueAt) + HOUR).toISOString());
    const closed = await h.waitForPhase(handle, 'closed');
    expect(await h.result(handle)).toEqual(closed);
    expect(h.transitions(handle).slice(2)).toEqual([
      'FixProposed',
      'FixRejected',
      'FixProposed',
      'FixApproved',
      'FixImplemented',
      'TicketResolved',
      'ResolutionAccepted',
      'TicketClosed',
    ]);
    expect(h.stream(handle).find((e) => e.event.type === 'TicketClosed')?.event.data).toEqual({
      feedback: 'windowExpired',
    });
    expect(h.notifications(handle).map((n) => n.kind)).toEqual(['fixProposed', 'fixProposed', 'resolved', 'closed']);
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-fix-loop-feedback-expired');
  });

  it('acceptance: 7 calendar days of silence count as accepted, then the feedback window runs', async () => {
    const handle = await h.open(netixUrgency2);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Reinstalled the fiscal driver.' });
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    const due = Date.parse(resolved.resolution!.acceptanceDueAt);
    expect(due - Math.floor(Date.parse(resolved.resolution!.at) / 1000) * 1000).toBe(7 * DAY);
    await h.jumpTo(new Date(due - HOUR).toISOString());
    expect((await h.view(handle)).phase).toBe('acceptance');
    await h.jumpTo(new Date(due + HOUR).toISOString());
    const feedback = await h.waitForPhase(handle, 'feedback');
    expect(feedback.acceptance).toMatchObject({ by: 'timeout' });
    expect(Date.parse(feedback.acceptance!.at) - due).toBeGreaterThanOrEqual(0);
    expect(Date.parse(feedback.acceptance!.at) - due).toBeLessThan(60_000);
    // The feedback window starts at the silent acceptance: 7 more calendar days.
    expect(Date.parse(feedback.acceptance!.feedbackDueAt) - Date.parse(feedback.acceptance!.at)).toBeGreaterThan(
      6 * DAY,
    );
    expect(h.notifications(handle).map((n) => n.kind)).toEqual(['resolved', 'acceptedByTimeout']);
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-acceptance-timeout');
    await handle.terminate('path covered');
  });

  it('reopen: the customer reopens with a reason; back in the fix loop until resolved and accepted again', async () => {
    const handle = await h.open(netixUrgency2);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'provideWorkaround', description: 'Restart the service hourly.' });
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Reindexed the receipts table.' });
    await h.command(handle, engineer, { type: 'resolve', ...resolution });
    await expect(h.command(handle, engineer, { type: 'reopen', reason: 'x' })).rejects.toThrow(/for customer/);
    const reopened = await h.command(handle, ivan, { type: 'reopen', reason: 'Totals are wrong again.' });
    expect(reopened).toMatchObject({ phase: 'fix', reopenCount: 1 });
    expect(reopened.resolution).toBeUndefined();
    // A workaround stands as the final answer after a reopen, too.
    const resolvedAgain = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    expect(resolvedAgain.phase).toBe('acceptance');
    await h.command(handle, ivan, { type: 'accept' });
    expect(h.transitions(handle).filter((t) => t === 'TicketResolved')).toHaveLength(2);
    expect(h.transitions(handle)).toContain('TicketReopened');
    await expectStateIsFoldOfStream(handle);
    await handle.terminate('path covered');
  });
});
