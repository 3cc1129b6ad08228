import { ProjectionHarness } from '../support/projection-harness';
import { seededRandom } from '../support/random-lifecycles';

/**
 * Resuming after a crash: the projector's database session dies between writing a batch's rows and
 * storing its checkpoint (inside the same transaction), and events already applied are delivered
 * again from an older checkpoint. Neither counts anything twice: the tables equal a rebuild.
 */
describe('tickets projection: crash between apply and checkpoint, then resume', () => {
  let h: ProjectionHarness;

  beforeAll(async () => {
    h = await ProjectionHarness.start('postgres');
    const generator = h.generator(1313);
    const tickets = [];
    for (let i = 0; i < 25; i++)
      tickets.push(
        await generator.ticket({
          number: `CF-2026-${String(1_000_000 + i)}`,
          openedAt: new Date(Date.UTC(2026, 4, 4, 7) + i * 3_600_000).toISOString(),
          steps: 25,
        }),
      );
    await h.append(tickets, seededRandom(1313));
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('a session killed before its checkpoint is stored leaves nothing of the batch; the restart applies it once', async () => {
    // The first two checkpoint writes (the batch, and the subscription's retry of it) kill their own
    // session: the batch's rows were written, the commit never comes.
    await h.db.exec(`
      CREATE SEQUENCE crash_once;
      CREATE FUNCTION crash_before_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('crash_once') <= 2 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER crash_before_checkpoint BEFORE INSERT OR UPDATE ON projection_checkpoints
        FOR EACH ROW EXECUTE FUNCTION crash_before_checkpoint();
    `);
    const errors: unknown[] = [];
    let crash: () => void = () => undefined;
    const crashed = new Promise<void>((resolve) => (crash = resolve));
    const runner = h.runner({
      batchSize: 40,
      retryMs: 1_000,
      onError: (error) => {
        errors.push(error);
        crash();
      },
    });
    runner.start();
    await crashed;
    // Nothing of the killed batch is visible.
    const { rows } = await h.db.query<{ n: string }>('SELECT count(*) AS n FROM projection_tickets');
    expect(Number(rows[0].n)).toBe(0);
    expect((await h.projector.checkpoint()).position).toBe(0);

    await runner.caughtUp();
    await runner.stop();
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(String(errors[0])).toMatch(/terminat/i);
    const resumed = await h.dump();
    expect(resumed.projection_failures).toEqual([]);
    expect(resumed.projection_tickets).toHaveLength(25);
    const events = await h.store.sealed.readAll({ types: ['TicketOpened', 'TicketReopened', 'CommentAdded'] });
    expect(events.length).toBeGreaterThan(25);

    await h.db.exec('DROP TRIGGER crash_before_checkpoint ON projection_checkpoints');
    await h.projector.rebuild(h.store.sealed);
    expect(await h.dump()).toEqual(resumed);
  });

  it('events delivered again from an older checkpoint change nothing (no double counts)', async () => {
    const before = await h.dump();
    const timelineRows = before.projection_timeline.length;
    const { rows: storeRows } = await h.db.query<{ n: string }>(
      "SELECT count(*) AS n FROM es_events WHERE stream_id LIKE 'ticket-%'",
    );
    expect(timelineRows).toBe(Number(storeRows[0].n));
    const reopened = await h.db.query<{ n: string }>('SELECT sum(reopen_count) AS n FROM projection_tickets');

    for (const from of [0, Math.floor((await h.projector.checkpoint()).position / 2)]) {
      await h.db.query('UPDATE projection_checkpoints SET global_position = $1', [from]);
      const runner = h.runner({ batchSize: 7 });
      runner.start();
      await runner.caughtUp();
      await runner.stop();
      expect(await h.dump()).toEqual(before);
    }
    const again = await h.db.query<{ n: string }>('SELECT sum(reopen_count) AS n FROM projection_tickets');
    expect(again.rows[0].n).toBe(reopened.rows[0].n);
  });
});
