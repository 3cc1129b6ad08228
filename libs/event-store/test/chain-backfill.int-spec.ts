import { openDatabase, type Database } from '../src/database';
import { createEventStore } from '../src/index';
import { PostgresEventStore } from '../src/postgres/postgres-event-store';
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
    await runMigrations(
      db,
      EVENT_STORE_MIGRATIONS.filter((m) => m.version <= 2),
      EVENT_STORE_NAMESPACE,
    );
    for (const [stream, position] of [
      ['ticket-1', 1],
      ['ticket-1', 2],
      ['ticket-2', 1],
    ] as const) {
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
    await store.append(
      'ticket-1',
      [
        {
          id: 'later',
          type: 'TicketNoteAdded',
          data: {},
          metadata: { actor: 'a', occurredAt: '2026-01-02T00:00:00Z', correlationId: 'c' },
        },
      ],
      { expectedPosition: 2 },
    );
    expect(await store.verify('ticket-1')).toMatchObject({ ok: true, events: 3 });
    await expect(db.query(`DELETE FROM es_events WHERE stream_id = 'ticket-2'`)).rejects.toThrow(/append-only/);
    await store.close();
  });
});

/** v4 turns data and metadata from jsonb into json: converted rows keep jsonb's spacing and still verify. */
describe('json columns migration (v4) on a chained store', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
  });
  afterAll(async () => {
    await db.close();
  });

  const event = (id: string, data: unknown) => ({
    id,
    type: 'TicketNoteAdded',
    data,
    metadata: { actor: 'agent:7', occurredAt: '2026-01-01T00:00:00Z', correlationId: id },
  });

  it('verifies converted rows by their content, keeps new rows verbatim, and still finds a changed one', async () => {
    await runMigrations(
      db,
      EVENT_STORE_MIGRATIONS.filter((m) => m.version <= 3),
      EVENT_STORE_NAMESPACE,
    );
    const v3 = new PostgresEventStore(db);
    await v3.append('ticket-1', [
      event('a', { text: 'before', tags: ['x', 'y'], n: 1 }),
      event('b', { nested: { z: 1, a: [1, 2] } }),
    ]);
    await v3.close();
    const { rows: before } = await db.query<{ data: string }>(
      `SELECT data::text AS data FROM es_events WHERE event_id = 'a'`,
    );
    expect(before[0].data).toBe('{"n": 1, "tags": ["x", "y"], "text": "before"}');

    const store = await createEventStore(db);
    await store.append('ticket-1', [event('c', { z: 'last', a: 'first' })], { expectedPosition: 2 });
    const { rows } = await db.query<{ data: string; metadata: string }>(
      `SELECT data::text AS data, metadata::text AS metadata FROM es_events WHERE event_id = 'c'`,
    );
    expect(rows[0]).toEqual({
      data: '{"a":"first","z":"last"}',
      metadata: '{"actor":"agent:7","correlationId":"c","occurredAt":"2026-01-01T00:00:00Z"}',
    });
    expect(await store.verify('all')).toMatchObject({ ok: true, streams: 1, events: 3 });
    expect((await store.readStream('ticket-1')).map((e) => e.data)).toEqual([
      { text: 'before', tags: ['x', 'y'], n: 1 },
      { nested: { z: 1, a: [1, 2] } },
      { z: 'last', a: 'first' },
    ]);

    await db.transaction(async (tx) => {
      await tx.exec('ALTER TABLE es_events DISABLE TRIGGER USER');
      await tx.query(
        `UPDATE es_events SET data = '{"n": 2, "tags": ["x", "y"], "text": "before"}' WHERE event_id = 'a'`,
      );
      await tx.exec('ALTER TABLE es_events ENABLE TRIGGER USER');
    });
    expect(await store.verify('ticket-1')).toMatchObject({ ok: false, failure: { kind: 'changed', position: 1 } });
    await store.close();
  });
});
