import type { Queryable } from '../database';
import type { EventMetadata, RecordedEvent } from '../port';
import type { SchemaRegistry } from '../schemas';

/**
 * Every read selects each event as one text value: its columns joined by U+0001. node-postgres
 * pays per field (a protocol field, a string, a type parser), so one field instead of nine takes
 * about a third off the client's CPU per event. The server's cost stays the same: it formats each
 * column for output either way. See docs/event-store.md, "Read path".
 *
 * Safe to split: JSON text never holds a raw control character, nor do positions, timestamps or
 * versions, and append refuses them in ids, types and stream ids. A row written around the store
 * that has one in those three splits wrongly; its global position (the first field, before any
 * of them) finds it, and it is read again column by column (`rereadNames`).
 */
export const EVENT_TEXT = `concat_ws(E'\\x01', global_position, position,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), schema_version,
  data, metadata, event_id, type, stream_id) AS event_text`;
// concat_ws skips NULLs: every column above is NOT NULL.

const SEPARATOR = '\u0001';
const FIELDS = 9;

export type EventTextRow = [string];

/** The RecordedEvents of rows selected as EVENT_TEXT, upcast to the current schema versions. */
export async function decodeEventTexts(rows: readonly EventTextRow[], registry: SchemaRegistry, db: Queryable): Promise<RecordedEvent[]> {
  const events = new Array<RecordedEvent>(rows.length);
  let unsplittable: number[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const f = rows[i][0].split(SEPARATOR);
    if (f.length === FIELDS) events[i] = toEvent(f, registry);
    else (unsplittable ??= []).push(i);
  }
  if (unsplittable) await rereadNames(rows, unsplittable, events, registry, db);
  return events;
}

function toEvent(f: string[], registry: SchemaRegistry): RecordedEvent {
  const type = f[7];
  const metadata = JSON.parse(f[5]) as EventMetadata;
  let data: unknown = JSON.parse(f[4]);
  let schemaVersion = +f[3];
  // Upcast only events stored at another schema version (a newer one throws).
  if (schemaVersion !== registry.currentVersion(type)) ({ data, schemaVersion } = registry.upcast(type, schemaVersion, data, metadata));
  return { id: f[6], type, data, metadata, streamId: f[8], position: +f[1], globalPosition: +f[0], recordedAt: f[2], schemaVersion };
}

/** Rows with U+0001 in an id, type or stream id: the fields before those split right, the rest is read as columns. */
async function rereadNames(rows: readonly EventTextRow[], indexes: number[], events: RecordedEvent[], registry: SchemaRegistry, db: Queryable): Promise<void> {
  const heads = indexes.map((i) => rows[i][0].split(SEPARATOR, 4));
  const { rows: named } = await db.query<[string, string, string, string, string, string]>(
    `SELECT global_position::text, data::text, metadata::text, event_id, type, stream_id
     FROM es_events WHERE global_position = ANY($1::bigint[])`,
    [heads.map((h) => h[0])],
    { rowMode: 'array' },
  );
  const byPosition = new Map(named.map((r) => [r[0], r]));
  indexes.forEach((index, k) => {
    const row = byPosition.get(heads[k][0]);
    if (!row) throw new Error(`event at global position ${heads[k][0]} vanished while being read`);
    events[index] = toEvent([...heads[k], ...row.slice(1)], registry);
  });
}
