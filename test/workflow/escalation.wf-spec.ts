import { foldTicket, type TicketCommand } from '@caseflow/domain';
import { searchAttributes } from '@caseflow/contract';
import { engineer, WorkflowHarness, type TicketHandle } from '../support/workflow-harness';
import { anna, balasysS1, manager } from '../support/ticket-fixtures';

const HOUR = 3600_000;
const after = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
const second = (iso: string): string => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
const balasysS2 = { ...balasysS1, severity: 'S2' };

const acceptance = (fields: Partial<Extract<TicketCommand, { type: 'acceptEscalation' }>> = {}): TicketCommand => ({
  type: 'acceptEscalation',
  actionPlan: 'Conference call every morning at 10:00 until a workaround holds.',
  channels: ['phone', 'webex'],
  updateFrequency: { every: 4, unit: 'hours' },
  participants: ['Anna Kovács', 'sam.specialist', 'mia.manager'],
  ...fields,
});

/** 000's escalation: the customer asks, the manager decides, the escalation is lowered when its cause is gone. */
describe('ticket workflow (stub activities): escalation and de-escalation', () => {
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

  async function escalationRequested(): Promise<TicketHandle> {
    const handle = await h.open(balasysS2);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'respond', message: 'We are looking into it.' });
    const requested = await h.command(handle, anna, {
      type: 'requestEscalation',
      reason: 'Half of our users cannot log in since this morning.',
    });
    expect(requested.escalation).toMatchObject({
      level: 0,
      pending: { reason: 'Half of our users cannot log in since this morning.' },
    });
    return handle;
  }

  it('accepted: severity raised, a specialist assigned, the agreed plan recorded; the agreed frequency is the update duty', async () => {
    const handle = await escalationRequested();
    expect(h.staffNotifications(handle)).toMatchObject([{ kind: 'escalationRequested', to: 'role:manager' }]);
    await expect(h.command(handle, engineer, acceptance({ severity: 'S1' }))).rejects.toThrow(
      /acceptEscalation is for manager, not engineer/,
    );
    await expect(h.command(handle, anna, { type: 'requestEscalation', reason: 'again' })).rejects.toThrow(
      /already waiting for the manager/,
    );

    const accepted = await h.command(handle, manager, acceptance({ severity: 'S1', specialist: 'sam.specialist' }));
    expect(accepted).toMatchObject({
      severity: 'S1',
      priority: 'P1',
      assignee: 'sam.specialist',
      escalation: {
        level: 1,
        agreement: {
          severityBefore: 'S2',
          severity: 'S1',
          specialist: 'sam.specialist',
          channels: ['phone', 'webex'],
          updateFrequency: { every: 4, unit: 'hours' },
          participants: ['Anna Kovács', 'sam.specialist', 'mia.manager'],
        },
      },
    });
    expect(accepted.escalation?.pending).toBeUndefined();
    expect(h.transitions(handle).slice(2)).toEqual([
      'FirstResponseSent',
      'EscalationRequested',
      'StaffNotified',
      'EscalationAccepted',
      'StaffNotified',
    ]);
    expect(h.notifications(handle).map((n) => n.kind)).toEqual(['firstResponse', 'escalationAccepted']);
    expect(h.staffNotifications(handle).map((n) => [n.kind, n.to])).toEqual([
      ['escalationRequested', 'role:manager'],
      ['assigned', 'sam.specialist'],
    ]);
    expect(h.recorded(handle, 'EscalationAccepted')[0].actor).toBe('manager:mia.manager');
    expect(await h.searchAttribute(handle, searchAttributes.severity)).toBe('S1');
    expect(await h.searchAttribute(handle, searchAttributes.assignee)).toBe('sam.specialist');

    // The agreed "every 4 hours" replaces the plan's cadence: reminded at 3 hours, overdue after 4.
    const update = (await h.clocks(handle))!.update!;
    expect(update.span).toEqual({ measure: 'elapsed', seconds: 4 * 3600 });
    expect(Date.parse(update.dueAt!)).toBe(Date.parse(update.startedAt) + 4 * HOUR);
    await h.jumpTo(after(update.warnsAt!, 60_000));
    await h.waitUntil(handle, 'the assignee is reminded', (s) => s.updateDuty?.reminded === true);
    expect(second(h.recorded(handle, 'UpdateReminderSent')[0].at)).toBe(second(update.warnsAt!));
    await h.jumpTo(after(update.dueAt!, 60_000));
    await h.waitUntil(handle, 'the missed update is recorded', (s) => s.updateDuty?.overdue === true);
    expect(
      h
        .staffNotifications(handle)
        .slice(2)
        .map((n) => [n.kind, n.to]),
    ).toEqual([
      ['updateDue', 'sam.specialist'],
      ['updateOverdue', 'sam.specialist'],
    ]);
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-escalation-accepted');
    await handle.terminate('path covered');
  });

  it('declined: the reason is recorded and answered to the customer; the severity stays; she may ask again', async () => {
    const handle = await escalationRequested();
    await expect(h.command(handle, manager, acceptance())).rejects.toThrow(
      /raises the severity, assigns a specialist, or both/,
    );
    await expect(h.command(handle, manager, acceptance({ severity: 'S3' }))).rejects.toThrow(
      /S3 does not raise the current S2/,
    );
    await expect(h.command(handle, manager, acceptance({ severity: 'S1', channels: ['pigeon'] }))).rejects.toThrow(
      /"pigeon" is not one of/,
    );
    const declined = await h.command(handle, manager, {
      type: 'declineEscalation',
      reason: 'The workaround from yesterday keeps the service up; S2 stays.',
    });
    expect(declined).toMatchObject({
      severity: 'S2',
      escalation: { level: 0, declined: { reason: 'The workaround from yesterday keeps the service up; S2 stays.' } },
    });
    expect(declined.escalation?.pending).toBeUndefined();
    expect(h.notifications(handle).map((n) => n.kind)).toEqual(['firstResponse', 'escalationDeclined']);
    await expect(h.command(handle, manager, { type: 'declineEscalation', reason: 'again' })).rejects.toThrow(
      /no escalation request is waiting/,
    );
    const again = await h.command(handle, anna, { type: 'requestEscalation', reason: 'It got worse.' });
    expect(again.escalation).toMatchObject({ pending: { reason: 'It got worse.' }, declined: {} });
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-escalation-declined');
    await handle.terminate('path covered');
  });

  it('lowered when a workaround drops the severity: recorded with its cause, the plan’s cadence back', async () => {
    const handle = await escalationRequested();
    await h.command(handle, manager, acceptance({ specialist: 'sam.specialist' }));
    expect((await h.clocks(handle))!.update!.span).toEqual({ measure: 'elapsed', seconds: 4 * 3600 });
    const lowered = await h.command(handle, engineer, {
      type: 'provideWorkaround',
      description: 'Pin the sessions to node 1.',
    });
    expect(lowered).toMatchObject({
      severity: 'S3',
      escalation: {
        level: 0,
        lowered: { cause: 'severityDropped', reason: 'a workaround lowered the severity to S3' },
      },
    });
    expect(lowered.escalation?.agreement).toBeUndefined();
    expect(h.transitions(handle).slice(-2)).toEqual(['WorkaroundProvided', 'EscalationLowered']);
    expect(h.recorded(handle, 'EscalationLowered')[0].actor).toBe('system:caseflow');
    expect(
      h
        .notifications(handle)
        .map((n) => n.kind)
        .slice(-1),
    ).toEqual(['escalationLowered']);
    // PrivilegeSU S3: weekly, as the plan says.
    expect((await h.clocks(handle))!.update!.span).toEqual({ measure: 'calendarDays', days: 7 });
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-escalation-lowered-workaround');
    await handle.terminate('path covered');
  });

  it('lowered when the customer misses an agreed activity (an unanswered clarification): the raised severity goes back', async () => {
    const handle = await escalationRequested();
    await h.command(handle, manager, acceptance({ severity: 'S1' }));
    const asked = await h.command(handle, engineer, {
      type: 'requestClarification',
      questions: ['Can you join the call at 10:00 with the gateway logs?'],
    });
    await h.jumpTo(after(asked.clarification!.dueAt, 60_000));
    const lowered = await h.waitUntil(handle, 'the escalation is lowered', (s) => s.escalation?.level === 0);
    expect(lowered).toMatchObject({
      severity: 'S2',
      priority: 'P2',
      clarification: { expired: true },
      escalation: { level: 0, lowered: { cause: 'customerMissedActivity' } },
    });
    expect(lowered.escalation?.lowered?.reason).toMatch(/^the clarification due at .* went unanswered$/);
    expect(h.transitions(handle).slice(-3)).toEqual([
      'ClarificationReminderSent',
      'ClarificationExpired',
      'EscalationLowered',
    ]);
    expect(h.recorded(handle, 'EscalationLowered')[0].data).toMatchObject({ severity: 'S2', priority: 'P2' });
    expect(await h.searchAttribute(handle, searchAttributes.severity)).toBe('S2');
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-escalation-lowered-missed-activity');
    await handle.terminate('path covered');
  });

  it('lowered by the manager, with a cause of 000 only; nothing to lower afterwards', async () => {
    const handle = await escalationRequested();
    await h.command(handle, manager, acceptance({ specialist: 'sam.specialist' }));
    await expect(
      h.command(handle, manager, { type: 'lowerEscalation', cause: 'boredom' as never, reason: 'x' }),
    ).rejects.toThrow(/cause must be one of severityDropped, customerMissedActivity/);
    await expect(
      h.command(handle, engineer, { type: 'lowerEscalation', cause: 'customerMissedActivity', reason: 'x' }),
    ).rejects.toThrow(/lowerEscalation is for manager/);
    const lowered = await h.command(handle, manager, {
      type: 'lowerEscalation',
      cause: 'customerMissedActivity',
      reason: 'Nobody joined the agreed calls on Monday and Tuesday.',
    });
    expect(lowered).toMatchObject({
      severity: 'S2',
      escalation: { level: 0, lowered: { cause: 'customerMissedActivity' } },
    });
    await expect(
      h.command(handle, manager, { type: 'lowerEscalation', cause: 'severityDropped', reason: 'x' }),
    ).rejects.toThrow(/not escalated/);
    await expectStateIsFoldOfStream(handle);
    await handle.terminate('path covered');
  });
});
