import { foldTicket } from '@caseflow/domain';
import { engineer, LifecycleHarness } from '../../support/lifecycle-harness';
import { anna, balasysS1, ivan, jonas, netixUrgency2, resolution, supratixHigh } from './fixtures';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Intake to close along each fix path, on the time-skipping server with the real activities. */
describe('ticket lifecycle: fix paths', () => {
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await LifecycleHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function expectFoldMatchesWorkflow(handle: Parameters<LifecycleHarness['view']>[0]): Promise<void> {
    expect(foldTicket(await h.dated(handle))).toEqual(await h.view(handle));
  }

  it('hotfix: first answer, hotfix, resolved, accepted, feedback, closed', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'respond', message: 'We are on it.', eta: '2030-01-01T10:00:00Z' });
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Hotfix 7.1.2-hf1 applied.' });
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    expect(resolved.phase).toBe('acceptance');
    await h.command(handle, anna, { type: 'accept' });
    const closed = await h.command(handle, anna, { type: 'giveFeedback', score: 5, comment: 'Fast.' });
    expect(closed.phase).toBe('closed');
    const final = await h.result(handle);

    expect(final).toMatchObject({
      phase: 'closed',
      eta: '2030-01-01T10:00:00Z',
      feedback: { score: 5, comment: 'Fast.' },
    });
    expect((await h.types(handle)).filter((t) => t !== 'CustomerNotified')).toEqual([
      'TicketOpened',
      'CustomerIdentified',
      'FirstResponseSent',
      'HotfixApplied',
      'TicketResolved',
      'ResolutionAccepted',
      'FeedbackGiven',
      'TicketClosed',
    ]);
    await h.recordHistory(handle, 'lifecycle-hotfix');
    const kinds = h.notifications.filter((n) => n.ticketNumber === handle.workflowId).map((n) => n.kind);
    expect(kinds).toEqual(['firstResponse', 'resolved', 'closed']);
    await expectFoldMatchesWorkflow(handle);
  });

  it('approved fix: proposal, approval, implementation, resolution; feedback window expires', async () => {
    const handle = await h.open(supratixHigh);
    await h.waitForPhase(handle, 'understand');
    const proposed = await h.command(handle, engineer, {
      type: 'proposeFix',
      description: 'Raise the PHP memory limit to 512M.',
    });
    expect(proposed.phase).toBe('awaitingApproval');
    await h.command(handle, jonas, { type: 'approveFix', proposalId: proposed.proposal!.id });
    await h.command(handle, engineer, { type: 'implementFix', note: 'Limit raised on all web nodes.' });
    await h.command(handle, engineer, { type: 'resolve', ...resolution });
    await h.command(handle, jonas, { type: 'accept' });
    await h.env.sleep(8 * DAY);
    await h.waitForPhase(handle, 'closed');
    const final = await h.result(handle);
    expect(final.phase).toBe('closed');
    expect((await h.types(handle)).filter((t) => t !== 'CustomerNotified').slice(2)).toEqual([
      'FixProposed',
      'FixApproved',
      'FixImplemented',
      'TicketResolved',
      'ResolutionAccepted',
      'TicketClosed',
    ]);
    await h.recordHistory(handle, 'lifecycle-approved-fix');
    const closedEvent = (await h.stream(handle)).find((e) => e.type === 'TicketClosed');
    expect(closedEvent?.data).toEqual({ feedback: 'windowExpired' });
    await expectFoldMatchesWorkflow(handle);
  });

  it('rejected proposal goes back into the loop until a proposal is approved', async () => {
    const handle = await h.open(supratixHigh);
    await h.waitForPhase(handle, 'understand');
    const first = await h.command(handle, engineer, { type: 'proposeFix', description: 'Disable the cache plugin.' });
    const rejected = await h.command(handle, jonas, {
      type: 'rejectFix',
      proposalId: first.proposal!.id,
      reason: 'The shop needs the cache.',
    });
    expect(rejected).toMatchObject({
      phase: 'fix',
      proposal: { status: 'rejected', rejectionReason: 'The shop needs the cache.' },
    });
    await expect(h.command(handle, jonas, { type: 'approveFix', proposalId: first.proposal!.id })).rejects.toThrow(
      /not possible in phase fix/,
    );
    const second = await h.command(handle, engineer, {
      type: 'proposeFix',
      description: 'Exclude the checkout from the cache.',
    });
    expect(second.proposal!.id).not.toBe(first.proposal!.id);
    await expect(h.command(handle, jonas, { type: 'approveFix', proposalId: first.proposal!.id })).rejects.toThrow(
      /is not the one awaiting approval/,
    );
    const approved = await h.command(handle, jonas, { type: 'approveFix', proposalId: second.proposal!.id });
    expect(approved.phase).toBe('implementing');
    await handle.terminate('path covered');
  });

  it('workaround first lowers severity and priority, then a final fix resolves', async () => {
    const handle = await h.open(balasysS1);
    const identified = await h.waitForPhase(handle, 'understand');
    expect(identified).toMatchObject({ severity: 'S1', priority: 'P1' });
    const impact = await h.command(handle, engineer, {
      type: 'recordBusinessImpact',
      impact: 'No branch can accept card payments.',
    });
    expect(impact.businessImpact).toBe('No branch can accept card payments.');
    await h.command(handle, engineer, { type: 'respond', message: 'Investigating.' });
    const before = await h.clocks(handle);
    expect(before?.update?.span).toEqual({ measure: 'elapsed', seconds: 7200 });
    const workaround = await h.command(handle, engineer, {
      type: 'provideWorkaround',
      description: 'Route traffic through the standby node.',
    });
    expect(workaround).toMatchObject({
      phase: 'fix',
      severity: 'S2',
      priority: 'P2',
      workaround: { description: 'Route traffic through the standby node.' },
    });
    const after = await h.clocks(handle);
    expect(after?.classification.severity).toBe('S2');
    expect(after?.update?.span).not.toEqual(before?.update?.span);
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Engineering release 7.1.3 installed.' });
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    expect(resolved.phase).toBe('acceptance');
    expect((await h.types(handle)).filter((t) => t !== 'CustomerNotified').slice(2)).toEqual([
      'BusinessImpactRecorded',
      'FirstResponseSent',
      'WorkaroundProvided',
      'HotfixApplied',
      'TicketResolved',
    ]);
    await expectFoldMatchesWorkflow(handle);
    await handle.terminate('path covered');
  });

  it('acceptance: reopened with a reason returns to the fix loop with the clock resumed', async () => {
    const handle = await h.open(netixUrgency2);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Reindexed the receipts table.' });
    await h.command(handle, engineer, { type: 'resolve', ...resolution });
    await expect(h.command(handle, engineer, { type: 'reopen', reason: 'x' })).rejects.toThrow(/for customer/);
    const reopened = await h.command(handle, ivan, { type: 'reopen', reason: 'Totals are wrong again on Monday.' });
    expect(reopened).toMatchObject({ phase: 'fix', reopenCount: 1 });
    expect(reopened.resolution).toBeUndefined();
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Fixed the rounding in the report.' });
    await h.command(handle, engineer, { type: 'resolve', ...resolution });
    await h.command(handle, ivan, { type: 'accept' });
    expect((await h.types(handle)).filter((t) => t === 'TicketResolved')).toHaveLength(2);
    await h.recordHistory(handle, 'lifecycle-reopened');
    await expectFoldMatchesWorkflow(handle);
    await handle.terminate('path covered');
  });

  it('acceptance: silence for 7 calendar days counts as accepted', async () => {
    const handle = await h.open(netixUrgency2);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Reinstalled the fiscal driver.' });
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    const due = Date.parse(resolved.resolution!.acceptanceDueAt);
    // Deadlines are exact to the second: 7 local days after the resolution's second.
    expect(due - Math.floor(Date.parse(resolved.resolution!.at) / 1000) * 1000).toBe(7 * DAY);
    await h.env.sleep(6 * DAY + 23 * HOUR);
    expect((await h.view(handle)).phase).toBe('acceptance');
    await h.env.sleep(2 * HOUR);
    const feedback = await h.waitForPhase(handle, 'feedback');
    expect(feedback.acceptance?.by).toBe('timeout');
    expect(Date.parse(feedback.acceptance!.at) - due).toBeGreaterThanOrEqual(0);
    expect(Date.parse(feedback.acceptance!.at) - due).toBeLessThan(60_000);
    await expectFoldMatchesWorkflow(handle);
    await handle.terminate('path covered');
  });
});
