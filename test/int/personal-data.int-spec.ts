import { clocksAsOf, stateAt } from '@caseflow/directory';
import { foldTicket, type TicketEvent } from '@caseflow/domain';
import { ERASED, isSealed, type RecordedEvent } from '@caseflow/event-store';
import { engineer, LifecycleHarness, type TicketHandle } from '../support/lifecycle-harness';
import { bpmsoftCritical, maria } from './lifecycle/fixtures';

/**
 * A real ticket (workflow, activities, PostgreSQL): what the customer wrote and who they are never
 * reach the stored rows in the clear, the store reads them back, and erasing the person leaves
 * `[erased]` while every chain verifies and the state and SLA clocks still fold.
 */
describe('personal data of a real ticket', () => {
  let h: LifecycleHarness;
  let handle: TicketHandle;
  let streamId: string;
  const title = 'Deals page blank for Maria Ivanova';
  const description = 'Since Tuesday the deals page is empty; reach me on +7 913 555 0101.';
  const answer = 'It happens for every deal; my colleague Olga sees it too.';
  const questions = ['Does it happen for every deal, Maria?'];
  const plaintext = [maria.id, title, description, answer, questions[0], 'Maria', '+7 913 555 0101', 'crm.example.com'];

  beforeAll(async () => {
    h = await LifecycleHarness.start();
    handle = await h.open({ ...bpmsoftCritical, title, description });
    streamId = `ticket-${handle.workflowId}`;
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'requestClarification', questions });
    await h.command(handle, maria, { type: 'answerClarification', answer });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const rawRows = async () =>
    (
      await h.db.query<{ type: string; data: string; metadata: string }>(
        'SELECT type, data::text AS data, metadata::text AS metadata FROM es_events WHERE stream_id = $1 ORDER BY position',
        [streamId],
      )
    ).rows;
  const subject = async () => (await h.stream(handle))[0].metadata.dataSubject as string;
  const byType = (events: RecordedEvent[], type: string) =>
    events.find((e) => e.type === type)!.data as Record<string, unknown>;

  it('stores no e-mail address, name, phone number or customer text in any row, data or metadata', async () => {
    const rows = await rawRows();
    expect(rows.map((r) => r.type)).toEqual([
      'TicketOpened',
      'CustomerIdentified',
      'AnalysisStarted',
      'ClarificationRequested',
      'CustomerNotified',
      'ClarificationAnswered',
    ]);
    const stored = rows
      .map((r) => `${r.data}\n${r.metadata}`)
      .join('\n')
      .toLowerCase();
    for (const text of plaintext) expect(stored).not.toContain(text.toLowerCase());
    expect(stored).not.toContain('customer:');
    const opened = JSON.parse(rows[0].data) as Record<string, unknown>;
    for (const field of ['requester', 'title', 'description', 'intake']) expect(isSealed(opened[field])).toBe(true);
    expect(JSON.parse(rows[0].metadata)).toMatchObject({
      actor: `customer-contact:${await subject()}`,
      dataSubject: await subject(),
    });
    expect(await subject()).toMatch(/^ds-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("reads it back in the clear while the key exists, and folds to the workflow's own state", async () => {
    const events = await h.stream(handle);
    expect(byType(events, 'TicketOpened')).toMatchObject({
      requester: maria.id,
      title,
      description,
      intake: bpmsoftCritical.intake,
    });
    expect(byType(events, 'ClarificationRequested')).toMatchObject({ questions });
    expect(byType(events, 'CustomerNotified')).toMatchObject({ to: maria.id, kind: 'clarificationRequested' });
    expect(byType(events, 'ClarificationAnswered')).toEqual({ answer });
    expect(events.at(-1)!.metadata.actor).toBe(`customer-contact:${await subject()}`);
    expect(await h.subjects.find(maria.id)).toBe(await subject());
    expect(foldTicket(await h.dated(handle))).toEqual(await h.view(handle));
  });

  it('after erasing the person: [erased] on read, every chain verifies, state and SLA clocks still fold', async () => {
    const now = await h.now();
    const before = await h.stream(handle);
    const clocksBefore = clocksAsOf(before, now);
    const id = await subject();

    expect(await h.keys.erase(id)).toBe(1);
    expect(await h.subjects.forget(id)).toBe(true);
    expect(await h.subjects.find(maria.id)).toBeUndefined();

    const after = await h.stream(handle);
    expect(byType(after, 'TicketOpened')).toMatchObject({
      requester: ERASED,
      title: ERASED,
      description: ERASED,
      intake: ERASED,
      severity: 'critical',
    });
    expect(byType(after, 'ClarificationRequested').questions).toEqual([ERASED]);
    expect(byType(after, 'CustomerNotified')).toMatchObject({
      to: ERASED,
      subject: ERASED,
      kind: 'clarificationRequested',
    });
    expect(byType(after, 'ClarificationAnswered')).toEqual({ answer: ERASED });
    expect(JSON.stringify(after)).not.toContain(maria.id);

    expect(await h.store.verify(streamId)).toMatchObject({ ok: true, events: 6 });
    expect(await h.store.verify('all')).toMatchObject({ ok: true });

    const state = stateAt(after, now)!;
    expect(state).toMatchObject({
      requester: ERASED,
      title: ERASED,
      phase: (await h.view(handle)).phase,
      version: 6,
      priority: 'P1',
    });
    expect(
      foldTicket(
        after.map((e) => ({ event: { type: e.type, data: e.data } as TicketEvent, at: e.metadata.occurredAt })),
      ),
    ).toEqual(state);
    expect(clocksBefore?.slaClocks).not.toBeNull();
    expect(clocksAsOf(after, now)).toEqual(clocksBefore);
  });
});
