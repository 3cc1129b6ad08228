import { WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError, foldTicket } from '@caseflow/domain';
import { domainErrorFromFailure, ticketCommandUpdate } from '@caseflow/contract';
import { engineer, WorkflowHarness, type TicketHandle } from '../support/workflow-harness';
import { anna, balasysS1, bpmsoftCritical, ivan, netixUrgency2 } from '../support/ticket-fixtures';

const MINUTE = 60_000;
const after = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/** Waiting for the customer, and the ways out before a fix: the workflow alone, with stub activities. */
describe('ticket workflow (stub activities): clarifications, refusal, cancellation', () => {
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

  it('clarification answered after the reminder: the reminder goes out halfway, the answer clears the question', async () => {
    const handle = await h.open(netixUrgency2);
    await h.waitForPhase(handle, 'understand');
    const asked = await h.command(handle, engineer, { type: 'requestClarification', questions: ['Which printer?'] });
    const { reminderAt, dueAt } = asked.clarification!;
    expect(Date.parse(reminderAt)).toBeLessThan(Date.parse(dueAt));
    await h.jumpTo(after(reminderAt, -MINUTE));
    expect(await h.view(handle)).toMatchObject({ phase: 'understand', clarification: { reminded: false } });
    await h.jumpTo(after(reminderAt, MINUTE));
    await h.waitUntil(handle, 'the reminder is recorded', (s) => s.clarification?.reminded === true);
    const answered = await h.command(handle, ivan, { type: 'answerClarification', answer: 'The Atol 30F.' });
    expect(answered).toMatchObject({ phase: 'understand' });
    expect(answered.clarification).toBeUndefined();
    expect(h.transitions(handle).slice(2)).toEqual([
      'ClarificationRequested',
      'ClarificationReminderSent',
      'ClarificationAnswered',
    ]);
    expect(h.notifications(handle).map((n) => [n.kind, n.subject])).toEqual([
      ['clarificationRequested', `Ticket ${handle.workflowId}: please answer by ${dueAt}`],
      ['clarificationReminder', `Ticket ${handle.workflowId}: reminder, please answer by ${dueAt}`],
    ]);
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-clarification-answered');
    await handle.terminate('path covered');
  });

  it('clarification unanswered ("resolve: no customer response"): resolved at the due instant; a late answer reopens', async () => {
    const handle = await h.open(netixUrgency2);
    await h.waitForPhase(handle, 'understand');
    const asked = await h.command(handle, engineer, { type: 'requestClarification', questions: ['The log?'] });
    await h.jumpTo(after(asked.clarification!.dueAt, MINUTE));
    const resolved = await h.waitForPhase(handle, 'acceptance');
    expect(resolved.resolution).toMatchObject({ kind: 'noCustomerResponse', measures: 'none', prevention: 'none' });
    expect(Date.parse(resolved.resolution!.at)).toBeGreaterThanOrEqual(Date.parse(asked.clarification!.dueAt));
    expect(resolved.clarification).toBeUndefined();
    const reopened = await h.command(handle, ivan, { type: 'answerClarification', answer: 'Here is the log.' });
    expect(reopened).toMatchObject({ phase: 'fix', reopenCount: 1 });
    expect(h.transitions(handle).slice(-4)).toEqual([
      'ClarificationRequested',
      'ClarificationReminderSent',
      'TicketResolved',
      'TicketReopened',
    ]);
    expect(h.notifications(handle).map((n) => n.kind)).toEqual([
      'clarificationRequested',
      'clarificationReminder',
      'resolved',
    ]);
    await expectStateIsFoldOfStream(handle);
    await handle.terminate('path covered');
  });

  it('clarification unanswered ("keep waiting"): the overdue question is recorded once and the ticket waits on', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    const asked = await h.command(handle, engineer, { type: 'requestClarification', questions: ['Which node?'] });
    await h.jumpTo(after(asked.clarification!.dueAt, MINUTE));
    const overdue = await h.waitUntil(handle, 'the question is overdue', (s) => s.clarification?.expired === true);
    expect(overdue.phase).toBe('understand');
    await h.jumpTo(after(asked.clarification!.dueAt, 60 * MINUTE));
    expect(h.transitions(handle).filter((t) => t === 'ClarificationExpired')).toHaveLength(1);
    await h.command(handle, anna, { type: 'answerClarification', answer: 'Node 2.' });
    expect(h.stream(handle).find((e) => e.event.type === 'ClarificationExpired')?.event.data).toEqual({
      dueAt: asked.clarification!.dueAt,
      outcome: 'keepWaiting',
    });
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-clarification-keep-waiting');
    await handle.terminate('path covered');
  });

  it('refused identification: the ticket ends as refused, with the reason, and the requester is told', async () => {
    const handle = await h.open({ ...bpmsoftCritical, requester: 'someone.else@example.com' });
    const final = await h.result(handle);
    expect(final).toMatchObject({ phase: 'refused', refusal: { code: 'REQUESTER_NOT_AUTHORIZED' } });
    expect(h.types(handle)).toEqual(['TicketOpened', 'TicketRefused', 'CustomerNotified']);
    expect(h.notifications(handle)).toMatchObject([
      { kind: 'refused', to: 'someone.else@example.com', subject: expect.stringMatching(/ refused: the requester/) },
    ]);
    await expectStateIsFoldOfStream(handle);
  });

  it('cancellation: only the requester cancels for the customer; the ticket ends as cancelled', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'requestClarification', questions: ['Which node?'] });
    await expect(
      h.command(handle, { id: 'peter.nagy@example.com', role: 'customer' }, { type: 'cancel', reason: 'not mine' }),
    ).rejects.toThrow(/only the requester/);
    const cancelled = await h.command(handle, anna, { type: 'cancel', reason: 'Solved it ourselves.' });
    expect(cancelled).toMatchObject({ phase: 'cancelled', cancellation: { reason: 'Solved it ourselves.' } });
    expect(cancelled.clarification).toBeUndefined();
    expect(await h.result(handle)).toEqual(cancelled);
    expect(h.types(handle).slice(-2)).toEqual(['TicketCancelled', 'CustomerNotified']);
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-cancelled');
  });

  it('rejected commands record nothing and say why', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    const before = h.stream(handle).length;
    await expect(h.command(handle, anna, { type: 'applyHotfix', description: 'x' })).rejects.toThrow(
      /applyHotfix is for engineer or manager, not customer/,
    );
    await expect(h.command(handle, engineer, { type: 'accept' })).rejects.toThrow(/accept is for customer/);
    await expect(h.command(handle, anna, { type: 'accept' })).rejects.toThrow(/not possible in phase understand/);
    await expect(h.command(handle, engineer, { type: 'classify', severity: 'S9', reason: 'x' })).rejects.toThrow(
      /not in this customer's scheme/,
    );
    expect(h.stream(handle)).toHaveLength(before);
    await handle.terminate('path covered');
  });

  it('a rejection reaches the client as the DomainError the workflow raised: code, reason and details', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    const failure = await handle
      .executeUpdate(ticketCommandUpdate, {
        args: [{ actor: anna, command: { type: 'applyHotfix', description: 'x' } }],
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
    const rejected = domainErrorFromFailure((failure as WorkflowUpdateFailedError).cause, 'STORE_CONFLICT');
    expect(rejected).toBeInstanceOf(DomainError);
    expect({ code: rejected.code, message: rejected.message, details: rejected.details }).toEqual({
      code: 'COMMAND_REJECTED',
      message: 'applyHotfix is for engineer or manager, not customer',
      details: { field: 'actor.role' },
    });
    await handle.terminate('path covered');
  });
});
