import { openDatabase, type Database } from '../src/database';
import { createEventStore } from '../src/index';
import { runMigrations } from '../src/migrations';
import { EVENT_STORE_MIGRATIONS, EVENT_STORE_NAMESPACE } from '../src/postgres/schema';

/** A store written before the hash chains (migrations 1-2) gets its chains when it is opened. */
describe('hash chain migration (v3) on a store with older events', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('hashes the existing events once, then appends continue the chains and verify', async () => {
    await runMigrations(db, EVENT_STORE_MIGRATIONS.filter((m) => m.version <= 2), EVENT_STORE_NAMESPACE);
    for (const [stream, position] of [['ticket-1', 1], ['ticket-1', 2], ['ticket-2', 1]] as const) {
      await db.query(
        `INSERT INTO es_streams (stream_id, last_position) VALUES ($1, $2) ON CONFLICT (stream_id) DO UPDATE SET last_position = EXCLUDED.last_position`,
        [stream, position],
      );
      await db.query(
        `INSERT INTO es_events (stream_id, position, event_id, type, schema_version, data, metadata, recorded_at)
         VALUES ($1, $2, $3, 'TicketNoteAdded', 1, $4, '{"actor":"a","occurredAt":"2026-01-01T00:00:00Z","correlationId":"c"}', now())`,
        [stream, position, `${stream}-${position}`, JSON.stringify({ n: position })],
      );
    }
    const store = await createEventStore(db);
    expect(await store.verify('all')).toMatchObject({ ok: true, streams: 2, events: 3 });
    await store.append('ticket-1', [{ id: 'later', type: 'TicketNoteAdded', data: {}, metadata: { actor: 'a', occurredAt: '2026-01-02T00:00:00Z', correlationId: 'c' } }], { expectedPosition: 2 });
    expect(await store.verify('ticket-1')).toMatchObject({ ok: true, events: 3 });
    await expect(db.query(`DELETE FROM es_events WHERE stream_id = 'ticket-2'`)).rejects.toThrow(/append-only/);
    await store.close();
  });
});
