import type { Queryable } from '@caseflow/event-store';

/** A column and the PostgreSQL type its parameter array is cast to. */
type Column = readonly [name: string, type: 'text' | 'jsonb' | 'integer' | 'bigint' | 'timestamptz' | 'bytea'];

/**
 * Many rows in one statement: one array parameter per column, unnested. jsonb travels as text,
 * bytea as hex, so both drivers (pg, PGlite) pass the arrays the same way.
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly Column[],
  rows: ReadonlyArray<Record<string, unknown>>,
  onConflict: string,
): Promise<void> {
  if (!rows.length) return;
  const names = columns.map(([name]) => name);
  const wire = (type: Column[1]) => (type === 'jsonb' || type === 'bytea' ? 'text' : type);
  const unnest = columns.map(([, type], i) => `$${i + 1}::${wire(type)}[]`).join(', ');
  const select = columns
    .map(([name, type]) => (type === 'jsonb' ? `${name}::jsonb` : type === 'bytea' ? `decode(${name}, 'hex')` : name))
    .join(', ');
  const params = columns.map(([name, type]) =>
    rows.map((row) => {
      const value = row[name];
      if (value === null || value === undefined) return null;
      return type === 'jsonb' ? JSON.stringify(value) : value;
    }),
  );
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT ${select} FROM unnest(${unnest}) AS u(${names.join(', ')})
     ${onConflict}`,
    params,
  );
}

export const TICKET_COLUMNS: readonly Column[] = [
  ['number', 'text'],
  ['stream_id', 'text'],
  ['opened_event_id', 'text'],
  ['customer_id', 'text'],
  ['requester_subject', 'text'],
  ['title', 'jsonb'],
  ['type', 'text'],
  ['severity', 'text'],
  ['priority', 'text'],
  ['phase', 'text'],
  ['assignee', 'text'],
  ['tier', 'text'],
  ['responsibility', 'text'],
  ['channel', 'text'],
  ['opened_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['reopen_count', 'integer'],
  ['csat', 'integer'],
  ['first_response_status', 'text'],
  ['first_response_warns_at', 'timestamptz'],
  ['first_response_due_at', 'timestamptz'],
  ['update_status', 'text'],
  ['update_warns_at', 'timestamptz'],
  ['update_due_at', 'timestamptz'],
  ['resolution_status', 'text'],
  ['resolution_warns_at', 'timestamptz'],
  ['resolution_due_at', 'timestamptz'],
  ['sla_breach_at', 'timestamptz'],
  ['sla_warn_at', 'timestamptz'],
  ['sla_rest', 'text'],
  ['version', 'integer'],
];

/** Every column but the key is replaced: the row is the fold's, whole. */
export const upsertAll = (columns: readonly Column[], key: string): string =>
  `ON CONFLICT (${key}) DO UPDATE SET ${columns
    .filter(([name]) => name !== key)
    .map(([name]) => `${name} = EXCLUDED.${name}`)
    .join(', ')}`;

export const FOLD_COLUMNS: readonly Column[] = [
  ['number', 'text'],
  ['state', 'jsonb'],
  ['sla', 'jsonb'],
  ['facts', 'jsonb'],
];

export const TIMELINE_COLUMNS: readonly Column[] = [
  ['number', 'text'],
  ['position', 'integer'],
  ['stream_id', 'text'],
  ['event_id', 'text'],
  ['at', 'timestamptz'],
  ['type', 'text'],
  ['actor', 'text'],
  ['visibility', 'text'],
  ['data', 'jsonb'],
];

export const WORD_COLUMNS: readonly Column[] = [
  ['number', 'text'],
  ['key_id', 'text'],
  ['token', 'bytea'],
];

export const FAILURE_COLUMNS: readonly Column[] = [
  ['stream_id', 'text'],
  ['position', 'integer'],
  ['global_position', 'bigint'],
  ['message', 'text'],
];
