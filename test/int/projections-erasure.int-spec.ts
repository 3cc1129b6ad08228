import { ERASED } from '@caseflow/event-store';
import { PROJECTION_TABLES } from '@caseflow/projections';
import { ProjectionHarness } from '../support/projection-harness';
import { CUSTOMERS, seededRandom, type GeneratedTicket } from '../support/random-lifecycles';

const NOW = new Date(Date.UTC(2026, 8, 30));

/**
 * Personal data in the projection: titles, requesters and everything the customer wrote stay sealed
 * in every table (the rows say nothing of a person even before erasure), read in the clear while
 * the key lives, and after `erase-subject` (the key destroyed, the subject forgotten) nothing of the
 * person can be read or found, in any row, by title words included, while others' tickets still read.
 */
describe.each(['postgres', 'pglite'] as const)('tickets projection on %s: erasure reaches every row', (kind) => {
  let h: ProjectionHarness;
  let tickets: GeneratedTicket[];
  let erased: GeneratedTicket[];
  let kept: GeneratedTicket[];
  const bpmsoft = CUSTOMERS.find((c) => c.id === 'bpmsoft-demo')!;
  const person = bpmsoft.authorizedContacts[0];

  const rowsAsText = async () => {
    const texts: string[] = [];
    for (const table of PROJECTION_TABLES) {
      const { rows } = await h.db.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
      texts.push(...rows.map((r) => r.row));
    }
    return texts.join('\n').toLowerCase();
  };
  const plaintexts = (list: GeneratedTicket[]) => [...new Set(list.flatMap((t) => t.personalTexts))];

  beforeAll(async () => {
    h = await ProjectionHarness.start(kind);
    const generator = h.generator(99);
    tickets = [];
    for (let i = 0; i < 12; i++)
      tickets.push(
        await generator.ticket({
          number: `CF-2026-${1_100_000 + i}`,
          openedAt: new Date(Date.UTC(2026, 8, 1) + i * 3_600_000).toISOString(),
          customer: i % 3 === 0 ? bpmsoft : CUSTOMERS[i % 3],
          steps: 20,
        }),
      );
    erased = tickets.filter((t) => t.requester.email === person.email);
    kept = tickets.filter((t) => t.requester.email !== person.email);
    await h.append(tickets, seededRandom(99));
    const runner = h.runner();
    runner.start();
    await runner.caughtUp();
    await runner.stop();
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('holds no plaintext of anyone, yet reads titles and timelines and finds title words while the key lives', async () => {
    expect(erased.length).toBeGreaterThanOrEqual(4);
    const stored = await rowsAsText();
    for (const text of plaintexts(tickets)) expect(stored).not.toContain(text.toLowerCase());

    const ticket = erased[0];
    expect((await h.readModel.get(ticket.number, NOW))?.title).toBe(ticket.title);
    const timeline = await h.readModel.timeline(ticket.number, 'staff');
    expect(timeline[0].summary).toContain(ticket.title);
    const word = ticket.title.split(' ')[0];
    const found = await h.readModel.list({ text: `${word} ${person.name}` }, { limit: 200 }, NOW);
    expect(found.items.map((t) => t.number).sort()).toEqual(
      erased
        .map((t) => t.number)
        .filter((n) => {
          const t = tickets.find((x) => x.number === n)!;
          return t.title.toLowerCase().split(' ').includes(word);
        })
        .sort(),
    );
  });

  it('after erasure: [erased] on read, no title word matches, and no row holds the person', async () => {
    const subject = await h.subjects.idFor(person.email);
    expect(await h.keys.erase(subject)).toBeGreaterThan(0);
    expect(await h.subjects.forget(subject)).toBe(true);

    const stored = await rowsAsText();
    for (const text of plaintexts(erased)) expect(stored).not.toContain(text.toLowerCase());
    expect(stored).not.toContain(person.email.toLowerCase());

    for (const ticket of erased) {
      const summary = (await h.readModel.get(ticket.number, NOW))!;
      expect(summary.title).toBe(ERASED);
      const timeline = JSON.stringify(await h.readModel.timeline(ticket.number, 'staff'));
      for (const text of ticket.personalTexts) expect(timeline).not.toContain(text);
      expect(timeline).toContain(ERASED);
    }
    for (const word of person.name.toLowerCase().split(' '))
      expect((await h.readModel.list({ text: word }, {}, NOW)).items).toEqual([]);

    // Everyone else still reads, and is still found by their words.
    for (const ticket of kept) {
      expect((await h.readModel.get(ticket.number, NOW))?.title).toBe(ticket.title);
      const found = await h.readModel.list({ text: ticket.title }, { limit: 200 }, NOW);
      expect(found.items.map((t) => t.number)).toContain(ticket.number);
    }
  });

  it('a customer never sees internal entries; staff see them', async () => {
    const withNotes = await h.db.query<{ number: string }>(
      "SELECT DISTINCT number FROM projection_timeline WHERE visibility = 'internal'",
    );
    expect(withNotes.rows.length).toBeGreaterThan(0);
    for (const { number } of withNotes.rows) {
      const customer = await h.readModel.timeline(number, 'customer');
      const staff = await h.readModel.timeline(number, 'staff');
      expect(customer.every((e) => e.visibility === 'public')).toBe(true);
      expect(customer.some((e) => ['StaffNotified', 'UpdateReminderSent', 'UpdateOverdue'].includes(e.type))).toBe(
        false,
      );
      expect(customer.some((e) => e.type === 'CommentAdded' && e.details.visibility === 'internal')).toBe(false);
      expect(staff.length).toBeGreaterThan(customer.length);
      expect(staff.filter((e) => e.visibility === 'public')).toEqual(
        customer.map((e) => expect.objectContaining({ position: e.position, type: e.type, summary: e.summary })),
      );
    }
  });
});
