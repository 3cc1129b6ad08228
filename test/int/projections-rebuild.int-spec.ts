import fc from 'fast-check';
import { clocksAsOf, stateAt } from '@caseflow/directory';
import { slaSummary } from '@caseflow/domain';
import { seededRandom } from '../support/random-lifecycles';
import { ProjectionHarness } from '../support/projection-harness';

/**
 * The tickets projection on the real server: built incrementally by the live subscription while
 * random lifecycles are appended, it equals a rebuild from scratch row for row, and every row says
 * what the domain's own fold of the stream says (the auditors' stateAt and clocksAsOf), the SLA
 * status and next deadline included, at instants after the last event.
 */
describe.each(['postgres', 'pglite'] as const)(
  'tickets projection on %s: incremental equals rebuilt, and equals the domain fold',
  (kind) => {
    let h: ProjectionHarness;
    let run = 0;

    beforeAll(async () => {
      h = await ProjectionHarness.start(kind);
    });
    afterAll(async () => {
      await h?.stop();
    });

    it('rebuilt from scratch gives byte-identical tables (property over random lifecycles)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.integer({ min: 1, max: 7 }),
          async (seed, batch) => {
            run++;
            const generator = h.generator(seed);
            const tickets = [];
            for (let i = 0; i < 12; i++)
              tickets.push(
                await generator.ticket({
                  number: `CF-2026-${String(run * 100 + i).padStart(6, '0')}`,
                  openedAt: new Date(
                    Date.UTC(2026, 2, 2, 8) + Math.floor(generator.random() * 30 * 86_400_000),
                  ).toISOString(),
                }),
              );
            // Small rounds: the live path commits many batches, each with its checkpoint.
            const runner = h.runner({ batchSize: batch });
            runner.start();
            await h.append(tickets, seededRandom(seed));
            await runner.caughtUp();
            await runner.stop();
            const incremental = await h.dump();
            expect(incremental.projection_failures).toEqual([]);
            const report = await h.projector.rebuild(h.store.sealed, 5);
            expect(report.position).toBe((await h.projector.checkpoint()).position);
            expect(await h.dump()).toEqual(incremental);
          },
        ),
        { numRuns: 4 },
      );
    });

    it('every row is the domain fold of its stream, SLA status and next deadline as of later instants', async () => {
      const { rows } = await h.db.query<{ number: string }>('SELECT number FROM projection_tickets ORDER BY number');
      expect(rows.length).toBeGreaterThanOrEqual(48);
      const random = seededRandom(7);
      const seen = { phases: new Set<string>(), statuses: new Set<string>() };
      for (const { number } of rows) {
        const events = await h.store.readStream(`ticket-${number}`);
        const last = Date.parse(events[events.length - 1].metadata.occurredAt);
        for (const offsetHours of [0.001, random() * 12, random() * 24 * 10]) {
          const now = new Date(last + offsetHours * 3_600_000);
          const state = stateAt(events, now.toISOString())!;
          const clocks = clocksAsOf(events, now.toISOString());
          const { closedAt, ...summary } = (await h.readModel.get(number, now))!;
          const sla = slaSummary(clocks?.slaClocks ?? null);
          const closing = events.find((e) => ['TicketClosed', 'TicketRefused', 'TicketCancelled'].includes(e.type));
          seen.phases.add(state.phase);
          seen.statuses.add(sla.status);
          expect(closedAt).toBe(closing ? new Date(closing.metadata.occurredAt).toISOString() : null);
          expect(summary).toEqual({
            number,
            customerId: state.customerId,
            requesterSubject: events[0].metadata.dataSubject,
            title: state.title,
            type: state.ticketType,
            severity: state.severity,
            priority: state.priority ?? null,
            phase: state.phase,
            assignee: state.assignee ?? null,
            tier: state.tier,
            responsibility: state.responsibility,
            channel: null,
            openedAt: new Date(state.openedAt).toISOString(),
            updatedAt: new Date(state.updatedAt).toISOString(),
            reopenCount: state.reopenCount,
            sla: { status: sla.status, nextDeadline: sla.nextDeadline && new Date(sla.nextDeadline).toISOString() },
            csat: state.feedback?.score ?? null,
            version: events.length,
          });
        }
      }
      // The fixture is varied enough for the comparison to mean something.
      expect(seen.phases.size).toBeGreaterThanOrEqual(4);
      expect([...seen.statuses]).toEqual(expect.arrayContaining(['breached', 'running', 'met']));
    });
  },
);
