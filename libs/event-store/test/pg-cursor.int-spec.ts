import { openTestServer, uniqueSchema } from '../src/contract/postgres-harness';

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
});
