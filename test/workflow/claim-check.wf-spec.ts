import { engineer, WorkflowHarness } from '../support/workflow-harness';
import { anna, balasysS1 } from '../support/ticket-fixtures';

/**
 * Tickets opened before the claim check (docs/codec.md) hold the requester's e-mail; the gateway
 * now sends customers by subject id and their texts as references. Such a ticket still knows its
 * requester: by the subject the workflow resolved for that e-mail.
 */
describe('ticket workflow (stub activities): a ticket opened with an e-mail, commanded by subject id', () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await WorkflowHarness.start();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('the requester cancels by subject id, another subject may not; both are logged by subject id only', async () => {
    const handle = await h.open(balasysS1);
    await h.waitForPhase(handle, 'understand');
    const [opened] = h.recorded(handle, 'TicketOpened');
    const subject = opened.actor.replace(/^customer-contact:/, '');
    expect(subject).toMatch(/^ds-/);
    await expect(
      h.command(handle, { id: 'ds-someone-else', role: 'customer' }, { type: 'cancel', reason: 'not mine' }),
    ).rejects.toThrow('only the requester may cancel the ticket');
    await h.command(handle, engineer, { type: 'respond', message: 'On it.' });
    const cancelled = await h.command(handle, { id: subject, role: 'customer' }, { type: 'cancel', reason: 'Solved.' });
    expect(cancelled).toMatchObject({ phase: 'cancelled', requester: anna.id });
    expect(h.recorded(handle, 'TicketCancelled')[0].actor).toBe(`customer-contact:${subject}`);
  });
});
