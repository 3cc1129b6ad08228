import type { Pool } from 'pg';
import Cursor from 'pg-cursor';
import type { RowCursor } from './database';

interface PgCursorOptions {
  rowMode?: 'object' | 'array';
  /** A read not answered within this many ms fails and the connection is discarded. */
  readTimeoutMs: number;
}

/**
 * A pg-cursor portal on a pooled connection of its own. The server's statement_timeout covers each
 * fetch; the client-side timeout covers a server that stops answering. The connection is
 * discarded, not reused, after a failed or timed-out read.
 */
export async function openPgCursor<T>(
  pool: Pool,
  sql: string,
  params: readonly unknown[] | undefined,
  options: PgCursorOptions,
): Promise<RowCursor<T>> {
  const client = await pool.connect();
  const cursor = client.query(
    new Cursor<T>(sql, params as unknown[] | undefined, options.rowMode === 'array' ? { rowMode: 'array' } : {}),
  );
  // pg arms the pool's query_timeout for the whole query and disarms it only through the query's
  // callback, which a cursor never calls: the timer outlived every cursor (keeping the process
  // alive for its length after close). Disarm it now; each read below has its own timeout.
  (cursor as unknown as { callback?: () => void }).callback?.();
  let released = false;
  const release = (discard: boolean): void => {
    if (released) return;
    released = true;
    client.release(discard);
  };
  return {
    async read(rows: number): Promise<T[]> {
      if (released) throw new Error('cursor is closed');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`cursor read timed out after ${options.readTimeoutMs} ms`)),
          options.readTimeoutMs,
        );
      });
      try {
        return await Promise.race([cursor.read(rows), timeout]);
      } catch (error) {
        release(true);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async close(): Promise<void> {
      if (released) return;
      try {
        await cursor.close();
        release(false);
      } catch {
        release(true);
      }
    },
  };
}
