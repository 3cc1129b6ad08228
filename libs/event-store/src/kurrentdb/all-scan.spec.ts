import { InvalidEventError } from '../errors';
import type { NewEvent } from '../port';
import { InvalidAllPosition, pagesOfAll, scanPages, type AllPage, type ReadAllPage } from './all-scan';
import { FakeKurrentLog } from './fake-log';
import { TOMBSTONE_REVISION } from './revision';

const event = (id: string, type = 'NoteAdded'): NewEvent => ({
  id,
  type,
  data: { id },
  metadata: { actor: 'a', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'c' },
});

async function logOf(counts: Record<string, number>): Promise<FakeKurrentLog> {
  const log = new FakeKurrentLog();
  for (const [s, n] of Object.entries(counts)) {
    await log.write(
      s,
      Array.from({ length: n }, (_, i) => event(`${s}${i + 1}`, i % 2 ? 'Renamed' : 'Created')),
    );
  }
  return log;
}

const positions = async (pages: AsyncIterable<AllPage>) => {
  const out: number[] = [];
  for await (const page of pages) out.push(...page.events.map((e) => Number(e.position!.commit)));
  return out;
};

describe('the test double of $all (what the adapter relies on, from AllReader.cs)', () => {
  it('reads from where a record begins and refuses a position inside one (InvalidPosition)', async () => {
    const log = await logOf({ a: 2 });
    const [first] = await log.readAllPage('start', 1);
    const at = first.position!.commit;
    expect((await log.readAllPage({ commit: at, prepare: at }, 1))[0].id).toBe(first.id);
    await expect(log.readAllPage({ commit: at + 1n, prepare: at + 1n }, 1)).rejects.toBeInstanceOf(InvalidAllPosition);
  });
});

describe('pagesOfAll: the position arithmetic of readAll paging', () => {
  it('pages with last.globalPosition + 1 by starting at the record returned last and dropping what is below', async () => {
    const log = await logOf({ a: 3, b: 4 });
    const every = await positions(pagesOfAll(log.readAllPage, 0, 100));
    expect(every).toHaveLength(7);
    const readPage = jest.fn(log.readAllPage);
    const from = every[2] + 1;
    expect(await positions(pagesOfAll(readPage, from, 2))).toEqual(every.slice(3));
    expect(readPage.mock.calls[0][0]).toEqual({ commit: BigInt(every[2]), prepare: BigInt(every[2]) });
    // Each later page starts at the last record of the page before, which it returns again (skipped).
    expect(readPage.mock.calls[1][0]).toEqual({ commit: BigInt(every[3]), prepare: BigInt(every[3]) });
  });

  it('reads from the beginning for 0 and 1', async () => {
    const log = await logOf({ a: 2 });
    const readPage = jest.fn(log.readAllPage);
    expect(await positions(pagesOfAll(readPage, 1, 10))).toHaveLength(2);
    expect(await positions(pagesOfAll(readPage, 0, 10))).toHaveLength(2);
    expect(readPage.mock.calls.map((c) => c[0])).toEqual(['start', 'start']);
  });

  it('takes a returned globalPosition itself as inclusive (the server refuses the byte before it)', async () => {
    const log = await logOf({ a: 4 });
    const every = await positions(pagesOfAll(log.readAllPage, 0, 100));
    expect(await positions(pagesOfAll(log.readAllPage, every[1], 3))).toEqual(every.slice(1));
  });

  it('refuses, with the port error, a position that is neither a record nor one past it', async () => {
    const log = await logOf({ a: 2 });
    const every = await positions(pagesOfAll(log.readAllPage, 0, 100));
    const pages = pagesOfAll(log.readAllPage, every[0] + 2, 10);
    await expect(positions(pages)).rejects.toMatchObject({
      constructor: InvalidEventError,
      field: 'fromGlobalPosition',
    });
  });

  it('drops hard-delete tombstones ($streamDeleted at revision 2^63-1) but counts them as scanned', async () => {
    const log = await logOf({ a: 2, b: 1 });
    log.hardDelete('a');
    const raw = await log.readAllPage('start', 100);
    expect(raw[raw.length - 1]).toMatchObject({ streamId: 'a', revision: TOMBSTONE_REVISION, type: '$streamDeleted' });
    const pages: AllPage[] = [];
    for await (const page of pagesOfAll(log.readAllPage, 0, 2)) pages.push(page);
    const events = pages.flatMap((p) => p.events);
    expect(events.map((e) => e.id)).toEqual(['a1', 'a2', 'b1']);
    expect(pages[pages.length - 1].lastSeen).toBe(Number(raw[raw.length - 1].position!.commit));
  });
});

describe('scanPages', () => {
  it('reports how far it looked: past events of other types and tombstones, or up to the limit', async () => {
    const log = await logOf({ a: 4 });
    log.hardDelete('a');
    const raw = await log.readAllPage('start', 100);
    const end = Number(raw[raw.length - 1].position!.commit);
    const created = await scanPages(pagesOfAll(log.readAllPage, 0, 2), 10, ['Created']);
    expect(created.events.map((e) => e.id)).toEqual(['a1', 'a3']);
    expect(created.scannedTo).toBe(end);
    const one = await scanPages(pagesOfAll(log.readAllPage, 0, 2), 1);
    expect(one.scannedTo).toBe(Number(one.events[0].position!.commit));
  });

  it('stops reading once it has the limit (none for 0)', async () => {
    const log = await logOf({ a: 9 });
    const readPage: jest.MockedFunction<ReadAllPage> = jest.fn(log.readAllPage);
    expect((await scanPages(pagesOfAll(readPage, 0, 2), 3)).events).toHaveLength(3);
    expect(readPage).toHaveBeenCalledTimes(2);
    expect((await scanPages(pagesOfAll(readPage, 0, 2), 0)).events).toEqual([]);
  });
});
