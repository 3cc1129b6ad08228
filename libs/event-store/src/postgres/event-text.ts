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

export type EventTextRow = [string];

/** A row's global position, without decoding the rest (keyset pages continue after it). */
export function eventTextGlobalPosition(row: EventTextRow): number {
  return +row[0].slice(0, row[0].indexOf(SEPARATOR));
}

/** The RecordedEvents of rows selected as EVENT_TEXT, upcast to the current schema versions. */
export async function decodeEventTexts(
  rows: readonly EventTextRow[],
  registry: SchemaRegistry,
  db: Queryable,
): Promise<RecordedEvent[]> {
  const events = new Array<RecordedEvent>(rows.length);
  let unsplittable: number[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const event = decodeEventText(rows[i][0], registry);
    if (event) events[i] = event;
    else (unsplittable ??= []).push(i);
  }
  if (unsplittable) await rereadNames(rows, unsplittable, events, registry, db);
  return events;
}

/** Where the current row's eight separators are (reused: decoding never awaits mid-row). */
const cuts = new Int32Array(8);

/**
 * One row's fields, cut at its eight separators (cheaper than `split`, which makes an array of nine
 * strings); undefined when the row has more than eight.
 */
function decodeEventText(text: string, registry: SchemaRegistry): RecordedEvent | undefined {
  let at = -1;
  for (let k = 0; k < 8; k++) {
    at = text.indexOf(SEPARATOR, at + 1);
    if (at < 0) return undefined;
    cuts[k] = at;
  }
  if (text.indexOf(SEPARATOR, at + 1) >= 0) return undefined;
  const field = (k: number): string => text.slice(cuts[k - 1] + 1, cuts[k]);
  const head: EventHead = [text.slice(0, cuts[0]), field(1), field(2), field(3)];
  return toEvent(head, field(4), field(5), field(6), field(7), text.slice(cuts[7] + 1), registry);
}

/** The four fields before the JSON: global position, position, recorded at, schema version. */
type EventHead = [string, string, string, string];

function toEvent(
  head: EventHead,
  dataText: string,
  metadataText: string,
  id: string,
  type: string,
  streamId: string,
  registry: SchemaRegistry,
): RecordedEvent {
  const metadata = JSON.parse(metadataText) as EventMetadata;
  let data: unknown = JSON.parse(dataText);
  let schemaVersion = +head[3];
  // Upcast only events stored at another schema version (a newer one throws).
  if (!registry.isCurrent(type, schemaVersion))
    ({ data, schemaVersion } = registry.upcast(type, schemaVersion, data, metadata));
  return {
    id,
    type,
    data,
    metadata,
    streamId,
    position: +head[1],
    globalPosition: +head[0],
    recordedAt: head[2],
    schemaVersion,
  };
}

/** Rows with U+0001 in an id, type or stream id: the fields before those split right, the rest is read as columns. */
async function rereadNames(
  rows: readonly EventTextRow[],
  indexes: number[],
  events: RecordedEvent[],
  registry: SchemaRegistry,
  db: Queryable,
): Promise<void> {
  const heads = indexes.map((i) => rows[i][0].split(SEPARATOR, 4) as EventHead);
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
    events[index] = toEvent(heads[k], row[1], row[2], row[3], row[4], row[5], registry);
  });
}
