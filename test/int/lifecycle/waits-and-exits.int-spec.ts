import { foldTicket } from '@caseflow/domain';
import { engineer, LifecycleHarness } from '../../support/lifecycle-harness';
import { anna, balasysS1, bpmsoftCritical, maria } from './fixtures';

const HOUR = 3600_000;

/** Thursday 10:00 Moscow (07:00Z) of the first week after `afterIso` with no Russian holiday nearby. */
function nextThursdayMorningMoscow(afterIso: string): string {
  const day = new Date(afterIso);
  day.setUTCDate(day.getUTCDate() + ((4 - day.getUTCDay() + 7) % 7 || 7));
  for (;;) {
    const iso = day.toISOString().slice(0, 10);
    const month = day.getUTCMonth() + 1;
    const date = day.getUTCDate();
    const nearHoliday =
      (month === 12 && date > 20) ||
      month === 1 ||
      (month === 2 && date > 18 && date < 27) ||
      (month === 3 && date > 3 && date < 12) ||
      (month === 5 && date < 14) ||
      (month === 6 && date > 7 && date < 16) ||
      (month === 11 && date < 8);
    if (!nearHoliday) return `${iso}T07:00:00.000Z`;
    day.setUTCDate(day.getUTCDate() + 7);
  }
}

const monday1730Moscow = (thursdayIso: string): string => {
  const monday = new Date(thursdayIso);
  monday.setUTCDate(monday.getUTCDate() + 4);
  return `${monday.toISOString().slice(0, 10)}T14:30:00.000Z`;
};

describe('ticket lifecycle: clarifications, refusal, cancellation, rejected updates', () => {
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await LifecycleHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('clarification answered across a weekend: the clock pauses, the answer resumes it', async () => {
    const thursday = nextThursdayMorningMoscow(await h.now());
    await h.jumpTo(thursday);
    const handle = await h.open(bpmsoftCritical);
    await h.waitForPhase(handle, 'understand');
    const asked = await h.command(handle, engineer, {
      type: 'requestClarification',
      questions: ['Which browser?', 'Since when?'],
    });
    // 2 business days after Thursday: the end of Monday's service hours (17:30 Moscow).
    expect(asked.clarification).toMatchObject({ reminded: false });
    expect(Date.parse(asked.clarification!.dueAt)).toBe(Date.parse(monday1730Moscow(thursday)));
    expect((await h.clocks(handle))?.resolution ?? (await h.clocks(handle))?.firstResponse).toBeDefined();
    await h.jumpTo(new Date(Date.parse(monday1730Moscow(thursday)) - 2 * HOUR).toISOString());
    const monday = await h.view(handle);
    expect(monday).toMatchObject({ phase: 'understand', clarification: { reminded: true, expired: false } });
    const answered = await h.command(handle, maria, {
      type: 'answerClarification',
      answer: 'Chrome 131, since the 1.7 update.',
    });
    expect(answered.clarification).toBeUndefined();
    const types = await h.types(handle);
    expect(types.filter((t) => t.startsWith('Clarification'))).toEqual([
      'ClarificationRequested',
      'ClarificationReminderSent',
      'ClarificationAnswered',
    ]);
    expect(h.notifications.filter((n) => n.ticketNumber === handle.workflowId).map((n) => n.kind)).toEqual([
      'clarificationRequested',
      'clarificationReminder',
    ]);
    expect(foldTicket(await h.dated(handle))).toEqual(await h.view(handle));
    await handle.terminate('path covered');
  });

  it('clarification unanswered across a weekend: resolved as no customer response; a late answer reopens', async () => {
    const thursday = nextThursdayMorningMoscow(await h.now());
    await h.jumpTo(thursday);
    const handle = await h.open(bpmsoftCritical);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'requestClarification', questions: ['Please send the server log.'] });
    await h.jumpTo(new Date(Date.parse(monday1730Moscow(thursday)) + HOUR).toISOString());
    const resolved = await h.waitForPhase(handle, 'acceptance');
    expect(resolved.resolution).toMatchObject({ kind: 'noCustomerResponse' });
    expect(Date.parse(resolved.resolution!.at)).toBeGreaterThanOrEqual(Date.parse(monday1730Moscow(thursday)));
    const reopened = await h.command(handle, maria, { type: 'answerClarification', answer: 'Sorry, here is the log.' });
    expect(reopened).toMatchObject({ phase: 'fix', reopenCount: 1 });
    expect((await h.types(handle)).filter((t) => t !== 'CustomerNotified').slice(-3)).toEqual([
      'ClarificationReminderSent',
      'TicketResolved',
      'TicketReopened',
    ]);
    await h.recordHistory(handle, 'lifecycle-clarification-unanswered');
    expect(foldTicket(await h.dated(handle))).toEqual(await h.view(handle));
    await handle.terminate('path covered');
  });

  it('clarification with "keep waiting": overdue is recorded, the ticket keeps waiting', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    const asked = await h.command(handle, engineer, { type: 'requestClarification', questions: ['Which node?'] });
    await h.jumpTo(new Date(Date.parse(asked.clarification!.dueAt) + HOUR).toISOString());
    const overdue = await h.view(handle);
    expect(overdue).toMatchObject({ phase: 'understand', clarification: { expired: true } });
    expect((await h.types(handle)).includes('ClarificationExpired')).toBe(true);
    await h.command(handle, anna, { type: 'answerClarification', answer: 'Node 2.' });
    await handle.terminate('path covered');
  });

  it('refusal: a requester who is not the authorized person ends the ticket as refused, with the reason', async () => {
    const handle = await h.open({ ...bpmsoftCritical, requester: 'someone.else@example.com' });
    const final = await h.result(handle);
    expect(final.phase).toBe('refused');
    expect(final.refusal?.code).toBe('REQUESTER_NOT_AUTHORIZED');
    // The reason goes into the log in the clear: it must not name the person.
    expect(final.refusal?.reason).toMatch(/^the requester is not an authorized contact/);
    expect(await h.types(handle)).toEqual(['TicketOpened', 'TicketRefused', 'CustomerNotified']);
    expect(h.notifications.find((n) => n.ticketNumber === handle.workflowId)).toMatchObject({
      kind: 'refused',
      to: 'someone.else@example.com',
    });
    await h.recordHistory(handle, 'lifecycle-refused');
  });

  it('refusal: an unknown customer and a severity outside the scheme', async () => {
    const unknown = await h.result(await h.open({ ...balasysS1, customerId: 'nobody' }));
    expect(unknown.refusal?.code).toBe('UNKNOWN_CUSTOMER');
    const badSeverity = await h.result(await h.open({ ...balasysS1, severity: 'critical' }));
    expect(badSeverity.refusal).toMatchObject({ code: 'INVALID_SEVERITY' });
  });

  it('cancellation by the requester, with a reason; nobody else may cancel for the customer', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    await expect(
      h.command(handle, { id: 'peter.nagy@example.com', role: 'customer' }, { type: 'cancel', reason: 'not mine' }),
    ).rejects.toThrow(/only the requester/);
    await h.command(handle, anna, { type: 'cancel', reason: 'Solved it ourselves.' });
    const final = await h.result(handle);
    expect(final).toMatchObject({ phase: 'cancelled', cancellation: { reason: 'Solved it ourselves.' } });
    expect((await h.types(handle)).slice(-2)).toEqual(['TicketCancelled', 'CustomerNotified']);
  });

  it('rejected updates record nothing and say why', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    const before = (await h.stream(handle)).length;
    await expect(h.command(handle, anna, { type: 'applyHotfix', description: 'x' })).rejects.toThrow(
      /applyHotfix is for engineer or manager, not customer/,
    );
    await expect(
      h.command(handle, engineer, { type: 'resolve', ...{ solution: 's', measures: 'm', prevention: 'p' } }),
    ).rejects.toThrow(/not possible in phase understand/);
    await expect(h.command(handle, engineer, { type: 'requestClarification', questions: [] })).rejects.toThrow(
      /at least one question/,
    );
    await expect(h.command(handle, engineer, { type: 'classify', severity: 'S9', reason: 'x' })).rejects.toThrow(
      /not in this customer's scheme/,
    );
    expect((await h.stream(handle)).length).toBe(before);
    await handle.terminate('path covered');
  });
});
