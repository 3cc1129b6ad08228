import { wordsOf, type ProjectorRunner, type TicketFilter, type TicketSummary } from '@caseflow/projections';
import { ProjectionHarness } from '../support/projection-harness';
import type { GeneratedTicket, LifecycleGenerator } from '../support/random-lifecycles';

const FIXTURE = 2_500;
const ARRIVING = 300;
const DAY = 86_400_000;
const FROM = Date.UTC(2026, 5, 1, 6);
const NOW = new Date(Date.UTC(2026, 5, 20, 12));

/** The filter as a plain predicate on a summary, written apart from the SQL it checks. */
function matches(filter: TicketFilter, t: TicketSummary): boolean {
  const deadline = t.sla.nextDeadline === null ? null : Date.parse(t.sla.nextDeadline);
  const checks = [
    filter.customerId === undefined || t.customerId === filter.customerId,
    !filter.phase || filter.phase.includes(t.phase),
    !filter.severity || filter.severity.includes(t.severity),
    !filter.priority || (t.priority !== null && filter.priority.includes(t.priority)),
    !filter.type || filter.type.includes(t.type),
    filter.assignee === undefined || t.assignee === filter.assignee,
    filter.tier === undefined || t.tier === filter.tier,
    !filter.slaStatus || filter.slaStatus.includes(t.sla.status),
    !filter.deadlineBefore || (deadline !== null && deadline < Date.parse(filter.deadlineBefore)),
    !filter.deadlineAfter || (deadline !== null && deadline > Date.parse(filter.deadlineAfter)),
    !filter.openedFrom || Date.parse(t.openedAt) >= Date.parse(filter.openedFrom),
    !filter.openedTo || Date.parse(t.openedAt) <= Date.parse(filter.openedTo),
    filter.text === undefined || wordsOf(filter.text).every((w) => wordsOf(t.title).includes(w)),
  ];
  return checks.every(Boolean);
}

const FILTERS: TicketFilter[] = [
  {},
  { customerId: 'balasys-demo', phase: ['understand', 'fix'] },
  { assignee: 'eve' },
  { slaStatus: ['breached'] },
  { slaStatus: ['warned', 'running', 'paused'] },
  { slaStatus: ['met'], customerId: 'bpmsoft-demo' },
  { slaStatus: ['met', 'breached'] },
  { text: 'login' },
  { text: 'Login TIMEOUT' },
  { severity: ['S1', 'critical', '1'], type: ['incident'] },
  { priority: ['P1', 'P2'], tier: 'L1' },
  { openedFrom: new Date(FROM + 3 * DAY).toISOString(), openedTo: new Date(FROM + 9 * DAY).toISOString() },
  { deadlineBefore: new Date(NOW.getTime() + 4 * DAY).toISOString() },
  { deadlineAfter: new Date(NOW.getTime() + 3 * DAY).toISOString(), customerId: 'supratix-demo' },
];

/**
 * Lists on a fixture of a few thousand tickets: each filter returns exactly the tickets the plain
 * predicate picks, in the stable order, and paging with the cursor neither repeats nor skips one
 * while new tickets (opened at instants among the existing ones) keep arriving.
 */
describe('tickets projection: filters and keyset pages', () => {
  let h: ProjectionHarness;
  let runner: ProjectorRunner;
  let generator: LifecycleGenerator;
  let all: TicketSummary[];
  let arrived = 0;

  const openedAt = () => new Date(FROM + Math.floor(generator.random() * 18 * DAY)).toISOString();
  const generate = async (from: number, count: number): Promise<GeneratedTicket[]> => {
    const tickets: GeneratedTicket[] = [];
    for (let i = 0; i < count; i++)
      tickets.push(
        await generator.ticket({
          number: `CF-2026-${1_000_000 + from + i}`,
          openedAt: openedAt(),
          steps: Math.floor(generator.random() * 9),
        }),
      );
    return tickets;
  };

  beforeAll(async () => {
    h = await ProjectionHarness.start('postgres');
    generator = h.generator(2026);
    runner = h.runner({ batchSize: 1_000 });
    runner.start();
    await h.appendConcurrently(await generate(0, FIXTURE));
    await runner.caughtUp();
    const { rows } = await h.db.query<{ number: string }>('SELECT number FROM projection_tickets');
    all = [];
    for (const { number } of rows) all.push((await h.readModel.get(number, NOW))!);
  }, 300_000);
  afterAll(async () => {
    await runner?.stop();
    await h?.stop();
  });

  it('has the fixture projected, with a spread of values to filter on', () => {
    expect(all).toHaveLength(FIXTURE);
    const counts = FILTERS.map((filter) => [JSON.stringify(filter), all.filter((t) => matches(filter, t)).length]);
    expect(counts.filter(([, n]) => n === 0)).toEqual([]);
    expect(all.filter((t) => matches({}, t)).length).toBe(FIXTURE);
  });

  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter] as const))(
    '%s: every match once, in order, while new tickets arrive',
    async (_name, filter) => {
      const expected = new Set(all.filter((t) => matches(filter, t)).map((t) => t.number));
      const arriving = generate(FIXTURE + arrived, ARRIVING / FILTERS.length).then((t) => h.appendConcurrently(t, 4));
      arrived += ARRIVING / FILTERS.length;

      const seen: TicketSummary[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await h.readModel.list(filter, { limit: 97, cursor }, NOW);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      await arriving;

      const numbers = seen.map((t) => t.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const number of expected) expect(numbers).toContain(number);
      for (const t of seen) expect(matches(filter, t)).toBe(true);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]];
        const ordered = a.openedAt > b.openedAt || (a.openedAt === b.openedAt && a.number > b.number);
        expect(ordered).toBe(true);
      }
      expect(pages).toBe(Math.max(1, Math.ceil(seen.length / 97)));
    },
  );

  it('waits for a version: at once when folded, until the event is projected, false after the timeout', async () => {
    const ticket = all[0];
    expect(await h.readModel.waitForVersion(ticket.number, ticket.version, 1_000)).toBe(true);
    const started = Date.now();
    expect(await h.readModel.waitForVersion(ticket.number, ticket.version + 1, 300)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);

    const waiting = h.readModel.waitForVersion(ticket.number, ticket.version + 1, 10_000);
    const [opened] = await h.store.readStream(`ticket-${ticket.number}`, { to: 1 });
    const comment = {
      id: `${ticket.number}/wait`,
      type: 'CommentAdded',
      data: { text: 'Any news?', visibility: 'public', author: 'staff' },
      metadata: {
        actor: 'engineer:eve',
        dataSubject: opened.metadata.dataSubject,
        occurredAt: new Date(Date.parse(ticket.updatedAt) + 60_000).toISOString(),
        correlationId: ticket.number,
      },
    };
    await h.store.append(`ticket-${ticket.number}`, [comment], { expectedPosition: ticket.version });
    expect(await waiting).toBe(true);
    expect((await h.readModel.get(ticket.number, NOW))?.version).toBe(ticket.version + 1);
    const timeline = await h.readModel.timeline(ticket.number, 'customer');
    expect(timeline[timeline.length - 1]).toMatchObject({ type: 'CommentAdded', summary: 'Comment: Any news?' });
    expect(await h.readModel.lag()).toMatchObject({ lag: 0 });
  });

  it('refuses a cursor it did not write', async () => {
    await expect(h.readModel.list({}, { cursor: 'bm90IGEgY3Vyc29y' }, NOW)).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
      field: 'cursor',
    });
  });
});
