import { openDatabase, type Database } from '../src/database';
import { createEventStore } from '../src/index';
import { readAllInBatches } from '../src/read-all-batches';
import type { EventStore, NewEvent, RecordedEvent } from '../src/port';
import { openTestServer, uniqueSchema } from '../src/contract/postgres-harness';

/**
 * Reads select each event as one U+0001-joined text (postgres/event-text.ts). Append refuses
 * control characters in names, but rows written around the store (by hand, or by a version before
 * that check) may hold U+0001 in an id, a type or a stream id: they must still read back exactly.
 */
describe.each([
  ['PostgreSQL server', uniqueSchema('es_text')],
  ['PGlite', undefined],
])('event text on %s', (_name, schema) => {
  let db: Database;
  let store: EventStore;
  beforeAll(async () => {
    db = schema ? await openTestServer(schema) : await openDatabase({ kind: 'pglite' });
    store = await createEventStore(db);
  });
  afterAll(async () => {
    await store.close();
    if (schema) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  });

  const metadata = {
    actor: 'agent:7',
    occurredAt: '2026-01-05T10:00:00.000Z',
    correlationId: 'c-1',
    policyVersion: 'p-1',
  };
  const event = (id: string, data: unknown): NewEvent => ({ id, type: 'TicketNoteAdded', data, metadata });

  async function insertAroundTheStore(
    streamId: string,
    position: number,
    id: string,
    type: string,
    data: unknown,
  ): Promise<void> {
    await db.query(
      `INSERT INTO es_streams (stream_id, last_position) VALUES ($1, $2) ON CONFLICT (stream_id) DO UPDATE SET last_position = EXCLUDED.last_position`,
      [streamId, position],
    );
    await db.query(
      `INSERT INTO es_events (stream_id, position, event_id, type, schema_version, data, metadata, recorded_at)
       VALUES ($1, $2, $3, $4, 1, $5, $6, now())`,
      [streamId, position, id, type, JSON.stringify(data), JSON.stringify(metadata)],
    );
  }

  const shape = (e: RecordedEvent) => [e.streamId, e.position, e.id, e.type, e.data, e.metadata, e.schemaVersion];

  it('reads rows with U+0001 in their names exactly, alone and among ordinary rows, in every read', async () => {
    const odd = 'legacy\u0001stream';
    await store.append('ticket-1', [event('before', { text: 'tab\tand\u0001control, escaped in JSON' })]);
    await insertAroundTheStore(odd, 1, 'odd\u0001id', 'Odd\u0001Type', { n: 1 });
    await insertAroundTheStore(odd, 2, 'plain-id', 'TicketNoteAdded', { n: 2 });
    await store.append('ticket-1', [event('after', { n: 3 })], { expectedPosition: 1 });

    const expected = [
      ['ticket-1', 1, 'before', 'TicketNoteAdded', { text: 'tab\tand\u0001control, escaped in JSON' }, metadata, 1],
      [odd, 1, 'odd\u0001id', 'Odd\u0001Type', { n: 1 }, metadata, 1],
      [odd, 2, 'plain-id', 'TicketNoteAdded', { n: 2 }, metadata, 1],
      ['ticket-1', 2, 'after', 'TicketNoteAdded', { n: 3 }, metadata, 1],
    ];
    const all = await store.readAll();
    expect(all.map(shape)).toEqual(expected);
    expect(all.map((e) => e.globalPosition)).toEqual([...all.map((e) => e.globalPosition)].sort((a, b) => a - b));
    expect(all.every((e) => !Number.isNaN(Date.parse(e.recordedAt)))).toBe(true);

    expect((await store.readStream(odd)).map(shape)).toEqual(expected.slice(1, 3));
    for (const batchSize of [1, 2, 1000]) {
      const batched: RecordedEvent[] = [];
      for await (const batch of readAllInBatches(store, { batchSize })) batched.push(...batch);
      expect(batched).toEqual(all);
    }
  });
});
