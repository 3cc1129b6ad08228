import type { Actor } from '@caseflow/domain';
import type { SlaClocks, TargetClock } from '@caseflow/sla';
import { searchAttributes } from '@caseflow/contract';
import { engineer, LifecycleHarness, type TicketHandle } from '../../support/lifecycle-harness';
import { waitUntil } from '../../support/wait-until';
import { anna, balasysS1, bpmsoftCritical, jonas, netixUrgency2, resolution, supratixHigh } from './fixtures';

const noa: Actor = { id: 'noa.levi@example.com', role: 'customer' };

/** The instant's whole second: the clocks count whole seconds, the workflow's instants carry milliseconds. */
const second = (iso: string): string => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();

type Kind = 'firstResponse' | 'update' | 'resolution';

/**
 * One scenario per source process (000 Balasys, 001 Netix, 002 SupraTix, 003 BPMSoft, 004 IL
 * helpdesk) on its preset, opened at an instant its calendar makes interesting. Every deadline is
 * a literal, computed by hand (local wall-clock time in the comment). The test server's clock only
 * moves forward, so the scenarios run in date order.
 */
describe('ticket lifecycle: one scenario per source process, business instants of every deadline', () => {
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await LifecycleHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Waits (real time) until the clock of `kind` has `status`: after a jump the workflow may still be waking up. */
  async function clockIn(handle: TicketHandle, kind: Kind, status: TargetClock['status']): Promise<SlaClocks> {
    let clocks: SlaClocks | null = null;
    return waitUntil(
      async () => {
        clocks = await h.clocks(handle);
        return clocks?.[kind]?.status === status && clocks;
      },
      {
        timeoutMs: 5_000,
        what: () => `${kind} clock ${status}: it is ${clocks?.[kind]?.status} as of ${clocks?.asOf}`,
      },
    );
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    await waitUntil(check, { timeoutMs: 5_000, what });
  }

  async function due(
    handle: TicketHandle,
    kind: Kind,
  ): Promise<Pick<TargetClock, 'status' | 'dueAt' | 'warnsAt'> | undefined> {
    const clock = (await h.clocks(handle))?.[kind];
    return clock && { status: clock.status, dueAt: clock.dueAt, warnsAt: clock.warnsAt };
  }

  /** CaseflowSlaStatus and CaseflowNextDeadline, awaited until they read `expected`. */
  async function expectSearchAttributes(
    handle: TicketHandle,
    expected: { status: string; nextDeadline: string | undefined },
  ): Promise<void> {
    let actual: { status: string | undefined; nextDeadline: string | undefined } | undefined;
    const read = async () => {
      const attributes = (await handle.describe()).typedSearchAttributes;
      actual = {
        status: attributes.get(searchAttributes.slaStatus),
        nextDeadline: attributes.get(searchAttributes.nextDeadline)?.toISOString(),
      };
      return actual.status === expected.status && actual.nextDeadline === expected.nextDeadline;
    };
    await waitUntil(read, { timeoutMs: 5_000 }).catch(() => undefined);
    expect(actual).toEqual(expected);
  }

  it('001 Netix: opened on a Russian New Year holiday, 2 business hours from Monday, silent acceptance', async () => {
    await h.jumpTo('2027-01-06T04:00:00.000Z'); // Wed 6 Jan 11:00 Novosibirsk (UTC+7), New Year holidays until Fri 8 Jan
    const handle = await h.open(netixUrgency2);
    const opened = await h.waitForPhase(handle, 'understand');
    expect(second(opened.openedAt)).toBe('2027-01-06T04:00:00.000Z');

    // 2 business hours counted from Mon 11 Jan 09:00: due Mon 11:00, warned at 75% (1h30) Mon 10:30.
    expect(await due(handle, 'firstResponse')).toEqual({
      status: 'running',
      dueAt: '2027-01-11T04:00:00Z',
      warnsAt: '2027-01-11T03:30:00Z',
    });
    expect((await h.clocks(handle))?.update).toBeUndefined(); // no update cadence
    expect((await h.clocks(handle))?.resolution).toBeUndefined(); // no resolution target (planned per ticket)
    await expectSearchAttributes(handle, { status: 'running', nextDeadline: '2027-01-11T04:00:00.000Z' });

    await h.jumpTo('2027-01-11T03:31:00.000Z'); // Mon 10:31
    await clockIn(handle, 'firstResponse', 'warned');
    await expectSearchAttributes(handle, { status: 'warned', nextDeadline: '2027-01-11T04:00:00.000Z' });
    await h.jumpTo('2027-01-11T04:01:00.000Z'); // Mon 11:01
    await clockIn(handle, 'firstResponse', 'breached');
    await expectSearchAttributes(handle, { status: 'breached', nextDeadline: undefined });

    // A late answer with the planned date (001 Netix) leaves the target breached.
    const answered = await h.command(handle, engineer, {
      type: 'respond',
      message: 'Planned for Wednesday.',
      eta: '2027-01-13T04:00:00.000Z',
    });
    expect(answered.eta).toBe('2027-01-13T04:00:00.000Z');
    expect((await h.clocks(handle))?.firstResponse?.status).toBe('breached');
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Reindexed the receipts table.' });
    await h.jumpTo('2027-01-11T05:00:00.000Z'); // Mon 12:00
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    expect(second(resolved.resolution!.at)).toBe('2027-01-11T05:00:00.000Z');
    expect(resolved.resolution!.acceptanceDueAt).toBe('2027-01-18T05:00:00.000Z'); // Mon 18 Jan 12:00: 7 calendar days

    await h.jumpTo('2027-01-18T05:01:00.000Z'); // Mon 18 Jan 12:01
    const accepted = await h.waitForPhase(handle, 'feedback');
    expect(accepted.acceptance).toMatchObject({ by: 'timeout', feedbackDueAt: '2027-01-25T05:00:00.000Z' }); // Mon 25 Jan 12:00
    expect(second(accepted.acceptance!.at)).toBe('2027-01-18T05:00:00.000Z');
    await h.jumpTo('2027-01-25T05:01:00.000Z');
    expect((await h.waitForPhase(handle, 'closed')).phase).toBe('closed');
    expect(h.notifications.filter((n) => n.ticketNumber === handle.workflowId).map((n) => n.kind)).toEqual([
      'firstResponse',
      'resolved',
      'acceptedByTimeout',
      'closed',
    ]);
  });

  it('000 Balasys PrivilegeSU S1: opened on Easter Sunday as the clocks go forward; every 2 hours 24x7 until a workaround, then daily in business hours', async () => {
    await h.jumpTo('2027-03-28T00:30:00.000Z'); // Sun 28 Mar 01:30 CET, Easter Sunday; at 02:00 CET the clocks go to 03:00 CEST
    const handle = await h.open(balasysS1);
    const opened = await h.waitForPhase(handle, 'understand');
    expect(second(opened.openedAt)).toBe('2027-03-28T00:30:00.000Z');
    expect(opened).toMatchObject({ severity: 'S1', priority: 'P1', customer: { plan: 'PrivilegeSU' } });

    // 2 hours 24x7: 04:30 CEST on the wall clock (three wall-clock hours later); warned at 1h30, 04:00 CEST.
    expect(await due(handle, 'firstResponse')).toEqual({
      status: 'running',
      dueAt: '2027-03-28T02:30:00Z',
      warnsAt: '2027-03-28T02:00:00Z',
    });
    expect((await h.clocks(handle))?.resolution).toBeUndefined(); // the document gives no resolution target
    await expectSearchAttributes(handle, { status: 'running', nextDeadline: '2027-03-28T02:30:00.000Z' });
    await h.jumpTo('2027-03-28T02:05:00.000Z'); // 04:05 CEST
    await clockIn(handle, 'firstResponse', 'warned');
    await expectSearchAttributes(handle, { status: 'warned', nextDeadline: '2027-03-28T02:30:00.000Z' });

    await h.jumpTo('2027-03-28T02:10:00.000Z'); // 04:10 CEST
    await h.command(handle, engineer, { type: 'respond', message: 'Investigating the gateway.' });
    expect((await h.clocks(handle))?.firstResponse?.status).toBe('met');
    // Before the workaround: an update every 2 hours 24x7 after the last one: 06:10 CEST, warned 05:40 CEST.
    expect(await due(handle, 'update')).toEqual({
      status: 'running',
      dueAt: '2027-03-28T04:10:00Z',
      warnsAt: '2027-03-28T03:40:00Z',
    });
    await expectSearchAttributes(handle, { status: 'running', nextDeadline: '2027-03-28T04:10:00.000Z' });

    await h.jumpTo('2027-03-28T03:00:00.000Z'); // 05:00 CEST
    const workaround = await h.command(handle, engineer, {
      type: 'provideWorkaround',
      description: 'Route traffic through the standby node.',
    });
    expect(workaround).toMatchObject({ severity: 'S2', priority: 'P2' });
    // After it (S2): daily in business hours, from the last update (Sunday): Easter Monday is a holiday,
    // so the close of Tue 30 Mar, 17:00 CEST; 8 business hours, warned after 6: Tue 15:00 CEST.
    expect(await due(handle, 'update')).toEqual({
      status: 'running',
      dueAt: '2027-03-30T15:00:00Z',
      warnsAt: '2027-03-30T13:00:00Z',
    });
    expect((await h.clocks(handle))?.update?.matchedBy).toBe('plan PrivilegeSU (privileged) x S2');

    await h.jumpTo('2027-03-30T13:05:00.000Z'); // Tue 15:05 CEST
    await clockIn(handle, 'update', 'warned');
    await h.jumpTo('2027-03-30T15:01:00.000Z'); // Tue 17:01 CEST
    await clockIn(handle, 'update', 'breached');
    await expectSearchAttributes(handle, { status: 'breached', nextDeadline: undefined });

    await h.command(handle, engineer, { type: 'respond', message: 'Engineering release 7.1.3 is being built.' });
    expect((await h.clocks(handle))?.update).toMatchObject({
      status: 'running',
      dueAt: '2027-03-31T15:00:00Z',
      missedUpdates: 1,
    }); // Wed 31 Mar 17:00 CEST
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Engineering release 7.1.3 installed.' });
    await h.jumpTo('2027-03-31T08:00:00.000Z'); // Wed 10:00 CEST
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    expect(resolved.resolution!.acceptanceDueAt).toBe('2027-04-07T08:00:00.000Z'); // Wed 7 Apr 10:00 CEST
    expect((await h.clocks(handle))?.update).toBeUndefined();
    const accepted = await h.command(handle, anna, { type: 'accept' });
    expect(accepted.acceptance!.feedbackDueAt).toBe('2027-04-07T08:00:00.000Z'); // 7 calendar days for feedback
    const closed = await h.command(handle, anna, { type: 'giveFeedback', score: 4 });
    expect(closed.phase).toBe('closed');
  });

  it('002 SupraTix: opened a minute before close on the eve of Ascension; the approval wait pauses updates and resolution', async () => {
    await h.jumpTo('2027-05-05T14:59:00.000Z'); // Wed 5 May 16:59 CEST; Thu 6 May is Ascension Day
    const handle = await h.open(supratixHigh);
    const opened = await h.waitForPhase(handle, 'understand');
    expect(second(opened.openedAt)).toBe('2027-05-05T14:59:00.000Z');

    // Next business day: Fri 7 May 17:00; 8h01m of business time, warned after 6h00m45s: Fri 14:59:45.
    expect(await due(handle, 'firstResponse')).toEqual({
      status: 'running',
      dueAt: '2027-05-07T15:00:00Z',
      warnsAt: '2027-05-07T12:59:45Z',
    });
    // 10 business days (Ascension and Whit Monday 17 May skipped): Fri 21 May 17:00; warned Wed 19 May 12:59:45.
    expect(await due(handle, 'resolution')).toEqual({
      status: 'running',
      dueAt: '2027-05-21T15:00:00Z',
      warnsAt: '2027-05-19T10:59:45Z',
    });

    await h.jumpTo('2027-05-07T08:00:00.000Z'); // Fri 10:00
    await h.command(handle, engineer, { type: 'respond', message: 'Looking at the PHP limits.' });
    // Every 2 business days from the answer: Tue 11 May 17:00, 23 business hours, warned after 17h15: Tue 11:15.
    expect(await due(handle, 'update')).toEqual({
      status: 'running',
      dueAt: '2027-05-11T15:00:00Z',
      warnsAt: '2027-05-11T09:15:00Z',
    });

    await h.jumpTo('2027-05-10T09:00:00.000Z'); // Mon 10 May 11:00
    const proposed = await h.command(handle, engineer, {
      type: 'proposeFix',
      description: 'Raise the PHP memory limit to 512M.',
    });
    expect(await due(handle, 'update')).toEqual({ status: 'paused', dueAt: null, warnsAt: null });
    expect(await due(handle, 'resolution')).toEqual({ status: 'paused', dueAt: null, warnsAt: null });
    await expectSearchAttributes(handle, { status: 'paused', nextDeadline: undefined });

    await h.jumpTo('2027-05-12T08:00:00.000Z'); // Wed 12 May 10:00: two days later, past the update's due time
    await h.command(handle, jonas, { type: 'approveFix', proposalId: proposed.proposal!.id });
    // 9 of the 23 update hours were used before the pause: 14 left from Wed 10:00, Thu 13 May 16:00 (warned Thu 10:15).
    expect(await due(handle, 'update')).toEqual({
      status: 'running',
      dueAt: '2027-05-13T14:00:00Z',
      warnsAt: '2027-05-13T08:15:00Z',
    });
    // The 15 paused business hours move the resolution target to Tue 25 May 16:00 (warned Fri 21 May 11:59:45).
    expect(await due(handle, 'resolution')).toEqual({
      status: 'running',
      dueAt: '2027-05-25T14:00:00Z',
      warnsAt: '2027-05-21T09:59:45Z',
    });
    await expectSearchAttributes(handle, { status: 'running', nextDeadline: '2027-05-13T14:00:00.000Z' });

    await h.command(handle, engineer, { type: 'implementFix', note: 'Limit raised on all web nodes.' });
    await h.jumpTo('2027-05-13T08:16:00.000Z'); // Thu 13 May 10:16
    await clockIn(handle, 'update', 'warned');
    await expectSearchAttributes(handle, { status: 'warned', nextDeadline: '2027-05-13T14:00:00.000Z' });
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    expect(resolved.resolution!.acceptanceDueAt).toBe('2027-05-20T08:16:00.000Z'); // Thu 20 May 10:16
    expect((await h.clocks(handle))?.resolution).toMatchObject({ status: 'met', dueAt: '2027-05-25T14:00:00Z' });
    await handle.terminate('scenario covered');
  });

  it("004 helpdesk: opened ten minutes before Thursday close, Friday short day, clocks back on Sunday; the customer's own quartet table", async () => {
    await h.jumpTo('2027-10-28T14:50:00.000Z'); // Thu 28 Oct 17:50 IDT (UTC+3); Fri 08:00-13:00; Sun 31 Oct 02:00 back to IST (UTC+2)
    const handle = await h.open({
      customerId: 'helpdesk-il-demo',
      requester: noa.id,
      severity: 'P3',
      product: 'office-suite',
      productVersion: '2024',
      quartet: { service: 'Incident', category: 'Workstation', item: 'laptop' },
    });
    const opened = await h.waitForPhase(handle, 'understand');
    expect(second(opened.openedAt)).toBe('2027-10-28T14:50:00.000Z');
    expect(opened.customer).toMatchObject({ plan: 'managed', quartetTable: 'customer-example' });

    // 15 minutes in the service window: 10 on Thursday, 5 on Friday: Fri 08:05 IDT; warned at 11m15s, Fri 08:01:15.
    expect(await due(handle, 'firstResponse')).toEqual({
      status: 'running',
      dueAt: '2027-10-29T05:05:00Z',
      warnsAt: '2027-10-29T05:01:15Z',
    });
    // Without the engineer's impact the quartet is an incident (P3): 3 business days, Fri, Sun, Mon 1 Nov 18:00 IST;
    // 25h10m of service time, warned after 18h52m30s: Mon 11:42:30 IST.
    expect(await due(handle, 'resolution')).toEqual({
      status: 'running',
      dueAt: '2027-11-01T16:00:00Z',
      warnsAt: '2027-11-01T09:42:30Z',
    });
    expect((await h.clocks(handle))?.resolution?.matchedBy).toBe('quartet Incident/*/*/* -> priority P3');

    await h.jumpTo('2027-10-28T14:55:00.000Z'); // Thu 17:55 IDT
    expect(opened).toMatchObject({ severity: 'P3', priority: 'P3' });
    const classified = await h.command(handle, engineer, {
      type: 'classify',
      quartetImpact: 'management',
      reason: 'The CFO cannot work.',
    });
    // The ticket's own priority follows the quartet table, like its SLA.
    expect(classified).toMatchObject({ severity: 'P1', priority: 'P1', quartet: { impact: 'management' } });
    expect((await handle.describe()).typedSearchAttributes.get(searchAttributes.priority)).toBe('P1');
    // Only the customer's own table makes a management workstation incident P1 (the default table says P3):
    // 4 service hours from the opening, 10 min Thu + 3h50 Fri: Fri 11:50 IDT; warned after 3h, Fri 10:50 IDT.
    const p1 = (await h.clocks(handle))?.resolution;
    expect(p1).toMatchObject({ status: 'running', dueAt: '2027-10-29T08:50:00Z', warnsAt: '2027-10-29T07:50:00Z' });
    expect(p1?.matchedBy).toBe('quartet Incident/Workstation/*/management -> priority P1');
    expect((await h.clocks(handle))?.classification).toMatchObject({
      customerId: 'helpdesk-il-demo',
      quartetTable: 'customer-example',
    });

    await h.jumpTo('2027-10-29T05:02:00.000Z'); // Fri 08:02 IDT
    await clockIn(handle, 'firstResponse', 'warned');
    await h.jumpTo('2027-10-29T05:06:00.000Z'); // Fri 08:06 IDT
    await clockIn(handle, 'firstResponse', 'breached');
    await expectSearchAttributes(handle, { status: 'breached', nextDeadline: '2027-10-29T08:50:00.000Z' });
    await h.command(handle, engineer, { type: 'respond', message: 'Dana from the helpdesk has your laptop ticket.' });
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Replaced the docking station.' });

    await h.jumpTo('2027-10-29T07:51:00.000Z'); // Fri 10:51 IDT
    await clockIn(handle, 'resolution', 'warned');
    await h.jumpTo('2027-10-29T08:00:00.000Z'); // Fri 11:00 IDT
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    expect((await h.clocks(handle))?.resolution?.status).toBe('met');
    // 7 calendar days: Fri 5 Nov 11:00 IST, 169 hours later (the clocks went back on Sunday).
    expect(resolved.resolution!.acceptanceDueAt).toBe('2027-11-05T09:00:00.000Z');
    await h.command(handle, noa, { type: 'accept' });
    await handle.terminate('scenario covered');
  });

  it('003 BPMSoft: opened before National Unity Day; clarification unanswered for 2 business days, reminder halfway', async () => {
    await h.jumpTo('2027-11-03T14:15:00.000Z'); // Wed 3 Nov 17:15 Moscow (UTC+3); Thu 4 Nov is a public holiday
    const handle = await h.open({ ...bpmsoftCritical, severity: 'high' });
    const opened = await h.waitForPhase(handle, 'understand');
    expect(second(opened.openedAt)).toBe('2027-11-03T14:15:00.000Z');

    // High: 2 business hours: 15 min Wed, 1h45 Fri: Fri 5 Nov 10:15; warned at 1h30, Fri 09:45.
    expect(await due(handle, 'firstResponse')).toEqual({
      status: 'running',
      dueAt: '2027-11-05T07:15:00Z',
      warnsAt: '2027-11-05T06:45:00Z',
    });
    await h.jumpTo('2027-11-05T06:50:00.000Z'); // Fri 09:50
    await clockIn(handle, 'firstResponse', 'warned');
    await expectSearchAttributes(handle, { status: 'warned', nextDeadline: '2027-11-05T07:15:00.000Z' });
    await h.command(handle, engineer, { type: 'respond', message: 'We reproduce it on 1.7.' });
    expect((await h.clocks(handle))?.firstResponse?.status).toBe('met');

    await h.jumpTo('2027-11-05T07:00:00.000Z'); // Fri 10:00
    const asked = await h.command(handle, engineer, {
      type: 'requestClarification',
      questions: ['Which account shows the error?'],
    });
    // 2 business days after Friday: Tue 9 Nov 17:30; the reminder halfway through its 25h30 of service hours: Mon 8 Nov 13:45.
    expect(asked.clarification).toMatchObject({
      dueAt: '2027-11-09T14:30:00.000Z',
      reminderAt: '2027-11-08T10:45:00.000Z',
      reminded: false,
    });

    await h.jumpTo('2027-11-08T10:46:00.000Z'); // Mon 13:46
    await until(
      async () =>
        (await h.view(handle)).phase === 'understand' &&
        h.notifications.some((n) => n.ticketNumber === handle.workflowId && n.kind === 'clarificationReminder'),
      'the reminder',
    );
    expect(await h.view(handle)).toMatchObject({
      phase: 'understand',
      clarification: { reminded: true, expired: false },
    });

    await h.jumpTo('2027-11-09T14:31:00.000Z'); // Tue 17:31
    const unanswered = await h.waitForPhase(handle, 'acceptance');
    expect(unanswered.resolution).toMatchObject({
      kind: 'noCustomerResponse',
      acceptanceDueAt: '2027-11-16T14:30:00.000Z',
    }); // Tue 16 Nov 17:30
    expect(second(unanswered.resolution!.at)).toBe('2027-11-09T14:30:00.000Z');
    await handle.terminate('scenario covered');
  });
});
