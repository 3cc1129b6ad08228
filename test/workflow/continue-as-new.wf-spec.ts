import { workflowMetadataQuery } from '@temporalio/workflow';
import { foldTicket, type Actor, type TicketCommand, type TicketState } from '@caseflow/domain';
import { searchAttributes } from '@caseflow/contract';
import { engineer, WorkflowHarness, type TicketHandle } from '../support/workflow-harness';
import { anna, balasysS1 } from '../support/ticket-fixtures';

const MINUTE = 60_000;
const after = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
const second = (iso: string): string => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();

/** A small history limit, so a few comments take the ticket into its next run. */
const LIMIT = { continueAsNewAfter: 120 };

/**
 * A long life: past its history limit the ticket continues as new, with its fold, SLA clocks and
 * deadlines, its stream position, and the ids of the updates it handled.
 */
describe('ticket workflow (stub activities): continue-as-new', () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await WorkflowHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const runId = async (handle: TicketHandle): Promise<string> => (await handle.describe()).runId;

  /** Comments back and forth (each with its notification) until the ticket is in a new run; returns the last state. */
  async function talkUntilNextRun(handle: TicketHandle): Promise<TicketState> {
    const before = await runId(handle);
    for (let i = 0; i < 40; i++) {
      const [actor, visibility]: [Actor, 'public'] = [i % 2 === 0 ? anna : engineer, 'public'];
      const state = await h.command(handle, actor, { type: 'comment', text: `message ${i}`, visibility });
      // The update that crossed the limit still got its answer, with its notification recorded.
      expect(state.comments).toBeGreaterThan(0);
      if ((await runId(handle)) !== before) return state;
    }
    throw new Error('the ticket never continued as new');
  }

  async function expectStreamIsWhole(handle: TicketHandle): Promise<void> {
    const stream = h.stream(handle);
    expect(stream.map((e) => e.expectedPosition)).toEqual(stream.map((_, i) => i));
    expect(new Set(stream.map((e) => e.eventId)).size).toBe(stream.length);
    expect(foldTicket(h.dated(handle))).toEqual(await h.view(handle));
    // Each notification delivered once, for the event at its position.
    const delivered = [...h.notifications(handle), ...h.staffNotifications(handle)].map((n) => n.position);
    expect(new Set(delivered).size).toBe(delivered.length);
    for (const position of delivered) expect(stream[position - 1].event.type).toMatch(/^(Customer|Staff)Notified$/);
  }

  it('a pending update duty, a pending clarification and a retried update cross into the next runs', async () => {
    const handle = await h.open(balasysS1, LIMIT);
    const firstRun = await runId(handle);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'respond', message: 'On it.' });
    const cycle = (await h.clocks(handle))!.update!;
    const note = { type: 'comment', text: 'Customer prefers calls after 10:00.', visibility: 'internal' } as const;
    await h.command(handle, engineer, note, 'note-once');

    await talkUntilNextRun(handle);
    expect(await runId(handle)).not.toBe(firstRun);
    const details = (await handle.query(workflowMetadataQuery)).currentDetails ?? '';
    expect(details).toMatch(/continued as new/);
    expect(details).toContain(`**${handle.workflowId} · balasys-demo · S1** (P1)`);
    // What supervisors search by carries over: the customer (set once at opening) and the rest.
    expect(await h.searchAttribute(handle, searchAttributes.customer)).toBe('balasys-demo');
    expect(await h.searchAttribute(handle, searchAttributes.assignee)).toBe('eve');
    expect(await h.searchAttribute(handle, searchAttributes.phase)).toBe('understand');

    // The same update again (a client's retry reaching the new run): answered, nothing appended.
    const length = h.stream(handle).length;
    const retried = await h.command(handle, engineer, note, 'note-once');
    expect(retried.version).toBe(length);
    expect(h.stream(handle)).toHaveLength(length);
    expect(h.recorded(handle, 'CommentAdded').filter((c) => c.data.visibility === 'internal')).toHaveLength(1);

    // The update duty's deadline, set in the first run, falls due in the second at its instant.
    await h.jumpTo(after(cycle.warnsAt!, MINUTE));
    await h.waitUntil(handle, 'the reminder', (s) => s.updateDuty?.reminded === true);
    expect(second(h.recorded(handle, 'UpdateReminderSent')[0].at)).toBe(second(cycle.warnsAt!));

    // A clarification asked in this run, answered late in the next: reminder and expiry keep their instants.
    const ask: TicketCommand = { type: 'requestClarification', questions: ['Which node?'] };
    const asked = await h.command(handle, engineer, ask, 'ask-once');
    const { reminderAt, dueAt } = asked.clarification!;
    const secondRun = await runId(handle);
    await talkUntilNextRun(handle);
    expect(await runId(handle)).not.toBe(secondRun);
    // Decided again, this retry would be refused (a question is already waiting): the run knows it handled it.
    const questions = h.recorded(handle, 'ClarificationRequested').length;
    expect((await h.command(handle, engineer, ask, 'ask-once')).clarification).toEqual(asked.clarification);
    expect(h.recorded(handle, 'ClarificationRequested')).toHaveLength(questions);
    await h.jumpTo(after(reminderAt, MINUTE));
    await h.waitUntil(handle, 'the clarification reminder', (s) => s.clarification?.reminded === true);
    expect(second(h.recorded(handle, 'ClarificationReminderSent')[0].at)).toBe(second(reminderAt));
    await h.jumpTo(after(dueAt, MINUTE));
    await h.waitUntil(handle, 'the overdue question', (s) => s.clarification?.expired === true);
    expect(second(h.recorded(handle, 'ClarificationExpired')[0].at)).toBe(second(dueAt));
    const answered = await h.command(handle, anna, { type: 'answerClarification', answer: 'Node 2.' });
    expect(answered.clarification).toBeUndefined();

    await expectStreamIsWhole(handle);
    await h.recordHistory(handle, 'wf-continued-as-new');
    await handle.terminate('path covered');
  });

  it('a ticket that ends in a later run returns its final state', async () => {
    const handle = await h.open(balasysS1, LIMIT);
    await h.waitForPhase(handle, 'understand');
    await talkUntilNextRun(handle);
    const cancelled = await h.command(handle, anna, { type: 'cancel', reason: 'Solved it ourselves.' });
    expect(await h.result(handle)).toEqual(cancelled);
    await expectStreamIsWhole(handle);
  });
});
