import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { workflowMetadataQuery } from '@temporalio/workflow';
import { waitUntil } from '../support/wait-until';
import { engineer, WorkflowHarness, type TicketHandle } from '../support/workflow-harness';
import { anna, balasysS1, resolution } from '../support/ticket-fixtures';

const EventType = temporal.api.enums.v1.EventType;
const MINUTE = 60_000;
const after = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/** What a supervisor sees of a ticket in Temporal UI: a summary line, current details, named timers and activities. */
describe('ticket workflow (stub activities): what Temporal UI shows', () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await WorkflowHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const details = async (handle: TicketHandle): Promise<string> =>
    (await handle.query(workflowMetadataQuery)).currentDetails ?? '';

  /** The current details once they contain `text` (the workflow sets them as it starts to wait). */
  const detailsShowing = (handle: TicketHandle, text: string): Promise<string> =>
    waitUntil(async () => (await details(handle)).includes(text) && details(handle), {
      timeoutMs: 10_000,
      what: `current details showing "${text}"`,
    });

  /** The summaries the workflow gave its timers and activities, in history order. */
  async function summaries(handle: TicketHandle, type: temporal.api.enums.v1.EventType): Promise<string[]> {
    const history = await handle.fetchHistory();
    return (history.events ?? [])
      .filter((event) => event.eventType === type)
      .map((event) =>
        event.userMetadata?.summary ? (defaultPayloadConverter.fromPayload(event.userMetadata.summary) as string) : '',
      );
  }

  it('summary, current details, timers and activities name the ticket and what happens, never its title or people', async () => {
    const handle = await h.open({
      ...balasysS1,
      title: 'Anna’s gateway is down',
      description: 'Anna Kovács wrote this.',
    });
    await h.waitForPhase(handle, 'understand');
    expect(await (await handle.describe()).staticSummary()).toBe(`${handle.workflowId} · balasys-demo · S1`);
    await detailsShowing(handle, 'next: ');
    expect(await details(handle)).toMatch(
      new RegExp(
        [
          `^\\*\\*${handle.workflowId} · balasys-demo · S1\\*\\* \\(P1\\)`,
          'phase: understand · tier: L1 · assignee: eve',
          'SLA: running · next deadline \\S+',
          'next: SLA: first response warning \\(due \\S+\\) at \\S+$',
        ].join('\n'),
      ),
    );

    await h.command(handle, engineer, { type: 'respond', message: 'On it.' });
    await h.command(handle, engineer, { type: 'applyHotfix', description: 'Hotfix 7.1.2-1.' });
    const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
    const acceptanceDue = resolved.resolution!.acceptanceDueAt;
    await detailsShowing(handle, `next: acceptance window ends at ${acceptanceDue}`);
    await h.jumpTo(after(acceptanceDue, MINUTE));
    const accepted = await h.waitForPhase(handle, 'feedback');
    await detailsShowing(handle, `next: feedback window ends at ${accepted.acceptance!.feedbackDueAt}`);

    const timers = await summaries(handle, EventType.EVENT_TYPE_TIMER_STARTED);
    expect(timers).toEqual(expect.arrayContaining(['acceptance window ends', 'feedback window ends']));
    expect(timers.some((t) => /^SLA: first response warning \(due \S+\)$/.test(t))).toBe(true);
    expect(timers.every((t) => t !== '')).toBe(true);
    const activities = await summaries(handle, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    expect(activities).toEqual(
      expect.arrayContaining([
        'resolve a data subject',
        'append TicketOpened',
        'identify the customer balasys-demo',
        'append CustomerIdentified',
        'append FirstResponseSent',
        'notify customer: firstResponse',
        'append HotfixApplied',
        'append TicketResolved',
        'notify customer: resolved',
        'append ResolutionAccepted',
        'notify customer: acceptedByTimeout',
      ]),
    );
    expect(activities.every((a) => a !== '')).toBe(true);
    const shown = [await (await handle.describe()).staticSummary(), await details(handle), ...timers, ...activities];
    expect(shown.join('\n')).not.toMatch(/Anna|anna|gateway is down|example\.com/);

    await h.command(handle, anna, { type: 'giveFeedback', score: 5 });
    await h.result(handle);
    await h.recordHistory(handle, 'wf-temporal-ui');
  });
});
