import { openDatabase } from '../src/database';
import { openTestServer, pgUrl, uniqueSchema } from '../src/contract/postgres-harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

describe('server cursors (readAllBatches on PostgreSQL)', () => {
  it('leave no timer behind, read to the end or closed early: the process can exit', async () => {
    const before = timers();
    const schema = uniqueSchema('es_cursor');
    const db = await openTestServer(schema);
    try {
      const full = await db.cursor!<{ n: number }>('SELECT generate_series(1, 10) AS n');
      const read: number[] = [];
      for (let rows = await full.read(4); rows.length; rows = await full.read(4)) read.push(...rows.map((r) => r.n));
      await full.close();
      expect(read).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const early = await db.cursor!<{ n: number }>('SELECT generate_series(1, 10) AS n');
      expect(await early.read(2)).toEqual([{ n: 1 }, { n: 2 }]);
      await early.close();
    } finally {
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }
    // Other timers of the process may end meanwhile; the cursors must add none.
    expect(timers()).toBeLessThanOrEqual(before);
  });

  describe('with a statement timeout of 1 s', () => {
    const open = () =>
      openDatabase({
        kind: 'postgres',
        connectionString: pgUrl(),
        statementTimeoutMs: 1_000,
        connectionTimeoutMs: 5_000,
        // One connection: a cursor that kept its connection after a failed read would starve the next query.
        maxConnections: 1,
      });

    it('bounds each fetch, not the whole read: a slow reader gets every row over 2.4 s', async () => {
      const db = await open();
      try {
        const cursor = await db.cursor!<[number]>('SELECT generate_series(1, $1::int) AS n', [8], { rowMode: 'array' });
        const read: number[] = [];
        for (let rows = await cursor.read(1); rows.length; rows = await cursor.read(1)) {
          read.push(...rows.map(([n]) => n));
          await sleep(300);
        }
        await cursor.close();
        expect(read).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      } finally {
        await db.close();
      }
    });

    it('fails a fetch the server works on for longer, and gives its connection up', async () => {
      const db = await open();
      try {
        const cursor = await db.cursor!<{ n: number }>(
          'SELECT n FROM generate_series(1, 3) AS n, pg_sleep(CASE WHEN n = 2 THEN 2 ELSE 0 END)',
        );
        expect(await cursor.read(1)).toEqual([{ n: 1 }]);
        await expect(cursor.read(1)).rejects.toThrow(/statement timeout/);
        // Not closed: the failed read alone must have given the only connection back.
        expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
        await cursor.close();
      } finally {
        await db.close();
      }
    });
  });
});
