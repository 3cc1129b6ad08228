import { foldTicket } from '@caseflow/domain';
import { searchAttributes } from '@caseflow/contract';
import { engineer, WorkflowHarness, type TicketHandle } from '../support/workflow-harness';
import { helpdeskIlP3, jonas, manager, noa, supratixHigh } from '../support/ticket-fixtures';

const brief = {
  customerNumber: 'STX-K-10077',
  domain: 'shop.example.com',
  contact: 'jonas.weber@example.com',
  errorDescription: 'Checkout answers 502 since the 3.5 upgrade.',
  endCustomerContactAllowed: false,
};

/** 002/004: who works on a ticket, in which tier; the dedicated pair; hand-overs with their reasons. */
describe('ticket workflow (stub activities): tiers and assignment', () => {
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

  it('the dedicated pair (004): the first of them is the assignee from identification on, the other takes over', async () => {
    const handle = await h.open(helpdeskIlP3);
    const identified = await h.waitForPhase(handle, 'understand');
    expect(identified).toMatchObject({
      tier: 'L1',
      assignee: 'dana.mizrahi',
      dedicated: ['dana.mizrahi', 'yossi.ben-david'],
    });
    expect(identified.assignedAt).toBe(h.recorded(handle, 'CustomerIdentified')[0].at);
    expect(await h.searchAttribute(handle, searchAttributes.assignee)).toBe('dana.mizrahi');
    expect(await h.searchAttribute(handle, searchAttributes.tier)).toBe('L1');
    // An engineer answering does not make them the assignee: the ticket names its assignee.
    await h.command(handle, engineer, { type: 'respond', message: 'Dana is on your laptop ticket.' });
    expect(await h.searchAttribute(handle, searchAttributes.assignee)).toBe('dana.mizrahi');

    await expect(h.command(handle, noa, { type: 'assign', assignee: 'yossi.ben-david', reason: 'x' })).rejects.toThrow(
      /assign is for engineer or manager, not customer/,
    );
    await expect(
      h.command(handle, engineer, { type: 'assign', assignee: 'dana.mizrahi', reason: 'again' }),
    ).rejects.toThrow(/already assigned to dana.mizrahi/);
    await expect(h.command(handle, engineer, { type: 'assign', assignee: 'Yossi B', reason: 'x' })).rejects.toThrow(
      /assignee must be a staff id/,
    );
    const taken = await h.command(handle, engineer, {
      type: 'assign',
      assignee: 'yossi.ben-david',
      reason: 'Dana rotates to field work this week.',
    });
    expect(taken).toMatchObject({ tier: 'L1', assignee: 'yossi.ben-david' });
    expect(h.recorded(handle, 'TicketAssigned').map((e) => e.data)).toEqual([
      { assignee: 'yossi.ben-david', reason: 'Dana rotates to field work this week.' },
    ]);
    expect(h.staffNotifications(handle).map((n) => [n.kind, n.to])).toEqual([['assigned', 'yossi.ben-david']]);
    expect(await h.searchAttribute(handle, searchAttributes.assignee)).toBe('yossi.ben-david');
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-dedicated-pair');
    await handle.terminate('path covered');
  });

  it('hand-over L1 → L2 with 002’s five fields, then L2 → L3 with a reason; each an event the customer hears of', async () => {
    const handle = await h.open(supratixHigh);
    await h.waitForPhase(handle, 'understand');
    expect(await h.view(handle)).toMatchObject({ tier: 'L1', assignee: 'lena.fischer' });

    await expect(
      h.command(handle, engineer, {
        type: 'handOver',
        tier: 'L2',
        assignee: 'max.second',
        reason: 'Needs the platform team.',
      }),
    ).rejects.toThrow(/needs the brief: customerNumber, domain, contact, errorDescription, endCustomerContactAllowed/);
    await expect(
      h.command(handle, engineer, {
        type: 'handOver',
        tier: 'L2',
        assignee: 'max.second',
        reason: 'Needs the platform team.',
        brief: { ...brief, domain: '' },
      }),
    ).rejects.toThrow(/brief.domain must be a non-empty text/);
    await expect(
      h.command(handle, engineer, {
        type: 'handOver',
        tier: 'L2',
        assignee: 'max.second',
        reason: 'Needs the platform team.',
        brief: { ...brief, endCustomerContactAllowed: 'no' as never },
      }),
    ).rejects.toThrow(/brief.endCustomerContactAllowed must be true or false/);
    await expect(
      h.command(handle, jonas, { type: 'handOver', tier: 'L2', assignee: 'max.second', reason: 'x', brief }),
    ).rejects.toThrow(/handOver is for engineer or manager/);

    const second = await h.command(handle, engineer, {
      type: 'handOver',
      tier: 'L2',
      assignee: 'max.second',
      reason: 'Needs the platform team.',
      brief,
    });
    expect(second).toMatchObject({ tier: 'L2', assignee: 'max.second' });
    expect(h.recorded(handle, 'TicketHandedOver')[0]).toMatchObject({
      data: { from: 'L1', to: 'L2', assignee: 'max.second', reason: 'Needs the platform team.', brief },
      actor: 'engineer:eve.engineer',
    });
    expect(await h.searchAttribute(handle, searchAttributes.tier)).toBe('L2');

    await expect(
      h.command(handle, manager, { type: 'handOver', tier: 'L2', assignee: 'max.second', reason: 'x' }),
    ).rejects.toThrow(/already in tier L2/);
    await expect(
      h.command(handle, manager, { type: 'handOver', tier: 'L3', assignee: 'pia.services', reason: 'x', brief }),
    ).rejects.toThrow(/a brief goes with a hand-over from first level only/);
    const third = await h.command(handle, manager, {
      type: 'handOver',
      tier: 'L3',
      assignee: 'pia.services',
      reason: 'A code change in the checkout module is needed.',
    });
    expect(third).toMatchObject({ tier: 'L3', assignee: 'pia.services' });
    expect(h.recorded(handle, 'TicketHandedOver')[1].data).toEqual({
      from: 'L2',
      to: 'L3',
      assignee: 'pia.services',
      reason: 'A code change in the checkout module is needed.',
    });
    expect(h.notifications(handle).map((n) => [n.kind, n.subject])).toEqual([
      ['handedOver', `Ticket ${handle.workflowId}: now handled by L2`],
      ['handedOver', `Ticket ${handle.workflowId}: now handled by L3`],
    ]);
    expect(h.staffNotifications(handle).map((n) => [n.kind, n.to])).toEqual([
      ['assigned', 'max.second'],
      ['assigned', 'pia.services'],
    ]);
    expect(await h.searchAttribute(handle, searchAttributes.tier)).toBe('L3');
    expect(await h.searchAttribute(handle, searchAttributes.assignee)).toBe('pia.services');
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-tier-hand-over');
    await handle.terminate('path covered');
  });

  it('comments from either side and internal notes: the event says its visibility, the view carries no text', async () => {
    const handle = await h.open(helpdeskIlP3);
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, noa, { type: 'comment', text: 'The laptop also loses Wi-Fi.' });
    await h.command(handle, engineer, {
      type: 'comment',
      text: 'We will swap the docking station.',
      visibility: 'public',
    });
    const noted = await h.command(handle, engineer, {
      type: 'comment',
      text: 'Noa’s manager asked us to hurry; spare laptops are in room 3.',
      visibility: 'internal',
    });
    await expect(
      h.command(handle, noa, { type: 'comment', text: 'for staff only', visibility: 'internal' }),
    ).rejects.toThrow(/internal notes are for staff/);
    await expect(h.command(handle, engineer, { type: 'comment', text: 'which way?' })).rejects.toThrow(
      /visibility must be public or internal/,
    );
    await expect(h.command(handle, noa, { type: 'comment', text: ' ' })).rejects.toThrow(
      /text must be a non-empty text/,
    );

    expect(h.recorded(handle, 'CommentAdded').map((e) => [e.data.author, e.data.visibility, e.actor])).toEqual([
      ['customer', 'public', 'customer-contact:ds-stub-1'],
      ['staff', 'public', 'engineer:eve.engineer'],
      ['staff', 'internal', 'engineer:eve.engineer'],
    ]);
    expect(noted.comments).toBe(2);
    // The fold counts public comments; texts (above all the internal note's) stay in the stream.
    expect(JSON.stringify(await h.view(handle))).not.toMatch(/room 3|docking|Wi-Fi/);
    expect(h.notifications(handle).map((n) => n.kind)).toEqual(['comment']);
    expect(h.staffNotifications(handle).map((n) => [n.kind, n.to])).toEqual([['customerComment', 'dana.mizrahi']]);
    await expectStateIsFoldOfStream(handle);
    await h.recordHistory(handle, 'wf-comments-and-notes');
    await handle.terminate('path covered');
  });
});
