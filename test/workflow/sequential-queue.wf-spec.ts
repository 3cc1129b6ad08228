import { customerQueueId, queueStateQuery } from '@caseflow/contract';
import { engineer, WorkflowHarness, type TicketHandle } from '../support/workflow-harness';
import { bpmsoftCritical, maria, resolution } from '../support/ticket-fixtures';
import { waitUntil } from '../support/wait-until';

/** 003: one request of a client analysed at a time; the workflow and its queue alone, with stub activities. */
describe('ticket workflow (stub activities): the sequential queue (003)', () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await WorkflowHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const queue = () => h.env.client.workflow.getHandle(customerQueueId('bpmsoft-demo'));
  const waitingBehind = (ticket: TicketHandle, ahead: TicketHandle[]) =>
    h.waitUntil(ticket, `it waits behind ${ahead.length}`, (s) => s.queue?.ahead.length === ahead.length);

  it('the first request starts at once, later ones wait; resolving or cancelling passes the turn on', async () => {
    const a = await h.open({ ...bpmsoftCritical, title: 'A' });
    await h.waitForPhase(a, 'understand');
    expect(h.transitions(a)).toEqual(['TicketOpened', 'CustomerIdentified', 'AnalysisStarted']);
    const b = await h.open({ ...bpmsoftCritical, title: 'B' });
    expect((await waitingBehind(b, [a])).queue).toEqual({ ahead: [a.workflowId] });
    const c = await h.open({ ...bpmsoftCritical, title: 'C' });
    expect((await waitingBehind(c, [a, b])).queue).toEqual({ ahead: [a.workflowId, b.workflowId] });

    // Queued: answered and classified, not worked on.
    const answered = await h.command(b, engineer, { type: 'respond', message: 'Received; queued.' });
    expect(answered).toMatchObject({ phase: 'queued', firstResponseAt: expect.any(String) });
    await expect(h.command(b, engineer, { type: 'applyHotfix', description: 'x' })).rejects.toThrow(
      /not possible in phase queued/,
    );

    await h.command(a, engineer, { type: 'applyHotfix', description: 'Fixed.' });
    await h.command(a, engineer, { type: 'resolve', ...resolution });
    const started = await h.waitForPhase(b, 'understand');
    expect(started.queue).toBeUndefined();
    expect(h.stream(b).find((e) => e.event.type === 'AnalysisStarted')?.event.data).toEqual({
      waitedFor: [a.workflowId],
    });

    await h.command(c, maria, { type: 'cancel', reason: 'No longer needed.' });
    await h.result(c);
    expect(h.transitions(c)).toEqual(['TicketOpened', 'CustomerIdentified', 'TicketQueued', 'TicketCancelled']);
    expect(await queue().query(queueStateQuery)).toEqual({ active: b.workflowId, waiting: [] });
    await h.command(b, engineer, { type: 'applyHotfix', description: 'Fixed too.' });
    await h.command(b, engineer, { type: 'resolve', ...resolution });
    const released = await waitUntil(
      async () => {
        const state = await queue().query(queueStateQuery);
        return state.active === undefined && state;
      },
      { timeoutMs: 10_000, what: 'the last ticket to release the queue' },
    );
    expect(released).toEqual({ waiting: [] });
    await h.recordHistory(b, 'wf-queued');
    await h.recordHistory(c, 'wf-queued-cancelled');
    await Promise.all([a, b].map((ticket) => ticket.terminate('path covered')));
  });
});
