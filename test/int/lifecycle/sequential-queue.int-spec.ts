import { WorkflowUpdateFailedError } from '@temporalio/client';
import { customerQueueId, prioritizeUpdate, queueStateQuery, queueTurnSignal } from '@caseflow/contract';
import { engineer, LifecycleHarness } from '../../support/lifecycle-harness';
import { bpmsoftCritical, maria, resolution } from './fixtures';

/** 003 BPMSoft: a client's new request is analysed only after the previous one is resolved, unless agreed otherwise. */
describe('ticket lifecycle: the sequential queue (003)', () => {
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await LifecycleHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const queue = () => h.env.client.workflow.getHandle(customerQueueId('bpmsoft-demo'));

  it('queues later requests, lets staff reorder with a reason, and starts the next on resolution', async () => {
    const a = await h.open({ ...bpmsoftCritical, title: 'A' });
    await h.waitForPhase(a, 'understand');
    const b = await h.open({ ...bpmsoftCritical, title: 'B' });
    const waitingBehind = (ticket: typeof a) =>
      h.waitUntil(
        ticket,
        'it waits behind another request',
        (s) => s.phase === 'queued' && (s.queue?.ahead.length ?? 0) > 0,
      );
    expect((await waitingBehind(b)).queue).toEqual({ ahead: [a.workflowId] });
    const c = await h.open({ ...bpmsoftCritical, title: 'C' });
    expect((await waitingBehind(c)).queue).toEqual({ ahead: [a.workflowId, b.workflowId] });

    // A queued ticket is acknowledged (first response) but not worked on.
    await h.command(
      b,
      { id: 'eve.engineer', role: 'engineer' },
      { type: 'respond', message: 'Received; queued behind your current request.' },
    );
    await expect(h.command(b, engineer, { type: 'applyHotfix', description: 'x' })).rejects.toThrow(
      /not possible in phase queued/,
    );

    await expect(
      queue().executeUpdate(prioritizeUpdate, { args: [{ ticket: c.workflowId, actor: maria, reason: 'please' }] }),
    ).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    const agreement = 'Agreed with Maria by phone: C blocks the quarterly close.';
    const reason = await h.sealFor(c, agreement);
    const reordered = await queue().executeUpdate(prioritizeUpdate, {
      args: [{ ticket: c.workflowId, actor: engineer, reason }],
      updateId: `agreement-${c.workflowId}`,
    });
    expect(reordered).toEqual({ active: a.workflowId, waiting: [c.workflowId, b.workflowId] });
    // C records the agreement (opened from the vault by the activity, sealed again by the store).
    await h.waitUntil(c, 'the agreement to be recorded', (s) => s.queue?.ahead.length === 1);
    const moved = (await h.stream(c)).find((e) => e.type === 'TicketPrioritized');
    expect(moved?.data).toEqual({ ahead: [a.workflowId], reason: agreement });
    expect(moved?.metadata.actor).toBe(`engineer:${engineer.id}`);
    // The same update repeated (as a later queue run would, its dedupe gone) records nothing twice.
    const again = { actor: engineer, reason, updateId: `agreement-${c.workflowId}` };
    await c.signal(queueTurnSignal, { turn: false, ahead: [a.workflowId], prioritized: again });
    await h.command(c, engineer, { type: 'comment', text: 'Still queued.', visibility: 'internal' });
    expect((await h.types(c)).filter((t) => t === 'TicketPrioritized')).toHaveLength(1);

    await h.command(a, engineer, { type: 'applyHotfix', description: 'Fixed.' });
    await h.command(a, engineer, { type: 'resolve', ...resolution });
    const started = await h.waitForPhase(c, 'understand');
    expect(started.queue).toBeUndefined();
    expect((await h.types(c)).filter((t) => t !== 'CustomerNotified')).toEqual([
      'TicketOpened',
      'CustomerIdentified',
      'TicketQueued',
      'TicketPrioritized',
      'CommentAdded',
      'AnalysisStarted',
    ]);
    expect((await h.view(b)).phase).toBe('queued');

    await h.command(b, maria, { type: 'cancel', reason: 'No longer needed.' });
    await h.result(b);
    expect(await queue().query(queueStateQuery)).toEqual({ active: c.workflowId, waiting: [] });
    await h.recordHistory(c, 'lifecycle-queued');
  });

  it('does not stay blocked by a ticket that ended without releasing its turn', async () => {
    const state = await queue().query(queueStateQuery);
    await h.env.client.workflow.getHandle(state.active!).terminate('simulated crash of the active ticket');
    const next = await h.open({ ...bpmsoftCritical, title: 'D' });
    const view = await h.waitForPhase(next, 'understand');
    expect(view.number).toBe(next.workflowId);
    expect(await queue().query(queueStateQuery)).toEqual({ active: next.workflowId, waiting: [] });
  });
});
