import type { Pool, PoolClient } from 'pg';
import type { RowCursor } from './database';

interface PgCursorOptions {
  rowMode?: 'object' | 'array';
}

const CURSOR = 'caseflow_rows';

/**
 * A server cursor (DECLARE … FETCH) in a read-only transaction on a pooled connection of its own.
 * Each FETCH is a statement of its own, so the server's statement_timeout bounds each read, not the
 * whole scan (a protocol-level portal is one statement from the first row to the last), and the
 * pool's query_timeout covers a server that stops answering. A reader that pauses longer than
 * idle_in_transaction_session_timeout between reads loses the connection. The connection is
 * discarded, not reused, after a failed read.
 */
export async function openPgCursor<T>(
  pool: Pool,
  sql: string,
  params: readonly unknown[] | undefined,
  options: PgCursorOptions,
): Promise<RowCursor<T>> {
  const client = await pool.connect();
  // A session that dies while checked out must not crash the process through the client's 'error' event.
  const onError = () => undefined;
  client.on('error', onError);
  let released = false;
  const release = (discard: boolean): void => {
    if (released) return;
    released = true;
    client.off('error', onError);
    client.release(discard);
  };
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${sql}`, params as unknown[] | undefined);
  } catch (error) {
    release(true);
    throw error;
  }
  return {
    async read(rows: number): Promise<T[]> {
      if (released) throw new Error('cursor is closed');
      try {
        return await fetchRows<T>(client, rows, options.rowMode);
      } catch (error) {
        release(true);
        throw error;
      }
    },
    async close(): Promise<void> {
      if (released) return;
      try {
        await client.query('COMMIT');
        release(false);
      } catch {
        release(true);
      }
    },
  };
}

async function fetchRows<T>(client: PoolClient, rows: number, rowMode: PgCursorOptions['rowMode']): Promise<T[]> {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new RangeError(`rows must be a positive integer, not ${rows}`);
  const text = `FETCH FORWARD ${rows} FROM ${CURSOR}`;
  const result = rowMode === 'array' ? await client.query({ text, rowMode: 'array' }) : await client.query(text);
  return result.rows as T[];
}
