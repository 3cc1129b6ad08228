import { foldTicket } from '@caseflow/domain';
import { engineer, WorkflowHarness, type TicketHandle } from '../support/workflow-harness';
import { balasysS1 } from '../support/ticket-fixtures';

const MINUTE = 60_000;
const after = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
const second = (iso: string): string => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();

/**
 * 000's communication frequency as a duty: the assignee is reminded when the update clock warns,
 * the missed update is recorded when it breaches, and each customer-visible update starts the next
 * cycle, at the instants the customer's calendar (Budapest, Hungarian holidays) gives.
 */
describe('ticket workflow (stub activities): the update cadence as a duty', () => {
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

  async function updateClock(handle: TicketHandle) {
    const update = (await h.clocks(handle))?.update;
    if (!update?.dueAt || !update.warnsAt) throw new Error('the update clock is not running');
    return { ...update, dueAt: update.dueAt, warnsAt: update.warnsAt };
  }

  it('PrivilegeSU S1, every 2 hours 24x7: reminded and overdue on a Saturday, a new cycle from the next update', async () => {
    await h.jumpTo('2027-03-06T10:00:00.000Z'); // Saturday 11:00 in Budapest
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'respond', message: 'Looking at the gateway logs.' });
    const first = await updateClock(handle);
    expect(first.span).toEqual({ measure: 'elapsed', seconds: 7200 });
    expect(Date.parse(first.warnsAt) - Date.parse(first.startedAt)).toBe(90 * MINUTE);

    await h.jumpTo(after(first.warnsAt, -MINUTE));
    expect(h.recorded(handle, 'UpdateReminderSent')).toEqual([]);
    await h.jumpTo(after(first.warnsAt, MINUTE));
    await h.waitUntil(handle, 'the reminder', (s) => s.updateDuty?.reminded === true);
    const [reminder] = h.recorded(handle, 'UpdateReminderSent');
    expect(second(reminder.at)).toBe(second(first.warnsAt));
    expect(reminder.data).toEqual({ cycleStartedAt: first.startedAt, dueAt: first.dueAt });
    expect(reminder.actor).toBe('system:caseflow');

    await h.jumpTo(after(first.dueAt, MINUTE));
    await h.waitUntil(handle, 'the missed update', (s) => s.updateDuty?.overdue === true);
    expect(second(h.recorded(handle, 'UpdateOverdue')[0].at)).toBe(second(after(first.dueAt, 1000)));

    const updated = await h.command(handle, engineer, { type: 'respond', message: 'Node 2 restarted, watching.' });
    const next = await updateClock(handle);
    expect(Date.parse(next.startedAt)).toBe(Date.parse(second(updated.lastCustomerUpdateAt!)));
    expect(next.missedUpdates).toBe(1);
    await h.jumpTo(after(next.warnsAt, MINUTE));
    await h.waitUntil(handle, 'the next cycle’s reminder', (s) => s.updateDuty?.cycleStartedAt === next.startedAt);
    expect(h.transitions(handle).filter((t) => t.startsWith('Update'))).toEqual([
      'UpdateReminderSent',
      'UpdateOverdue',
      'UpdateReminderSent',
    ]);
    expect(h.staffNotifications(handle).map((n) => [n.kind, n.to])).toEqual([
      ['updateDue', 'eve'],
      ['updateOverdue', 'eve'],
      ['updateDue', 'eve'],
    ]);
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-update-cadence-24x7');
    await handle.terminate('path covered');
  });

  it('PrivilegeSU S2, once a business day: across a weekend and the 15 March holiday the duty falls on Tuesday', async () => {
    await h.jumpTo('2027-03-12T13:00:00.000Z'); // Friday 14:00 in Budapest
    const handle = await h.open({ ...balasysS1, severity: 'S2' });
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'respond', message: 'We reproduced it.' });
    const cycle = await updateClock(handle);
    // Until the close of the next business day: Monday 15 March is a Hungarian holiday, so Tuesday 17:00.
    expect(cycle.dueAt).toBe('2027-03-16T16:00:00Z');
    // Three quarters of the 11 business hours (3 on Friday, 8 on Tuesday): Tuesday about 14:15 in Budapest.
    expect(cycle.warnsAt > '2027-03-16T13:14:00Z' && cycle.warnsAt <= '2027-03-16T13:15:00Z').toBe(true);

    await h.jumpTo('2027-03-15T20:00:00.000Z'); // Monday evening: nothing over the weekend and the holiday
    expect(h.transitions(handle).filter((t) => t.startsWith('Update'))).toEqual([]);
    await h.jumpTo('2027-03-16T13:20:00.000Z');
    await h.waitUntil(handle, 'the reminder', (s) => s.updateDuty?.reminded === true);
    expect(second(h.recorded(handle, 'UpdateReminderSent')[0].at)).toBe(second(cycle.warnsAt));
    await h.jumpTo('2027-03-16T16:30:00.000Z');
    await h.waitUntil(handle, 'the missed update', (s) => s.updateDuty?.overdue === true);
    expect(second(h.recorded(handle, 'UpdateOverdue')[0].at)).toBe('2027-03-16T16:00:01.000Z');

    // An update after hours (17:30): the next cycle runs on Wednesday's business hours, warned at 15:00.
    await h.command(handle, engineer, { type: 'respond', message: 'A fix is being built.' });
    const next = await updateClock(handle);
    expect(next.dueAt).toBe('2027-03-17T16:00:00Z');
    expect(next.warnsAt).toBe('2027-03-17T14:00:00Z');
    await h.jumpTo('2027-03-17T14:01:00.000Z');
    await h.waitUntil(handle, 'the next reminder', (s) => s.updateDuty?.cycleStartedAt === next.startedAt);
    expect(second(h.recorded(handle, 'UpdateReminderSent')[1].at)).toBe('2027-03-17T14:00:00.000Z');
    expect(h.staffNotifications(handle).map((n) => n.kind)).toEqual(['updateDue', 'updateOverdue', 'updateDue']);
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-update-cadence-business-days');
    await handle.terminate('path covered');
  });

  it('no duty while the clock waits for the customer, and none once the ticket is resolved', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'respond', message: 'Which node?' });
    const asked = await h.command(handle, engineer, { type: 'requestClarification', questions: ['Which node?'] });
    expect((await h.clocks(handle))?.update?.status).toBe('paused');
    await h.jumpTo(after(asked.clarification!.reminderAt, -MINUTE));
    expect(h.transitions(handle).filter((t) => t.startsWith('Update'))).toEqual([]);
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Hotfix on node 2.' });
    await h.command(handle, engineer, {
      type: 'resolve',
      solution: 's',
      measures: 'm',
      prevention: 'p',
    });
    await h.jumpTo(after(await h.now(), 6 * 60 * MINUTE));
    expect(h.transitions(handle).filter((t) => t.startsWith('Update'))).toEqual([]);
    await handle.terminate('path covered');
  });
});
