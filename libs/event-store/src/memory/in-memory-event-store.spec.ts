import { describeEventStoreContract, event } from '../contract/event-store-contract';
import { inMemoryHarness } from '../contract/memory-harness';
import { canonicalJson } from '../integrity/canonical';
import { InMemoryEventLog } from './in-memory-event-log';
import { InMemoryEventStore } from './in-memory-event-store';

// The same contract every adapter passes, in the unit tier: no server.
describeEventStoreContract('in-memory', inMemoryHarness);

/** What the contract's SQL tamper tests check on the other adapters, done to the log's tables directly. */
describe('in-memory store: tampering behind it is found by verify()', () => {
  const setUp = async (count = 4) => {
    const log = new InMemoryEventLog();
    const store = new InMemoryEventStore({ log });
    await store.append(
      's',
      Array.from({ length: count }, (_, i) => event(`e${i + 1}`)),
      { expectedPosition: 0 },
    );
    const rows = log.streams.get('s')!.rows;
    return { log, store, rows };
  };

  it('a changed event: first bad position, stored and recomputed hash', async () => {
    const { store, rows } = await setUp();
    const stored = rows[1].hash;
    rows[1].dataJson = canonicalJson({ id: 'forged' });
    const report = await store.verify('s');
    expect(report).toMatchObject({ ok: false, failure: { kind: 'changed', streamId: 's', position: 2 } });
    expect(report.failure!.expected).toBe(stored);
    expect(report.failure!.actual).toMatch(/^[0-9a-f]{64}$/);
    expect(report.failure!.actual).not.toBe(stored);
    expect((await store.verify('all')).failure).toMatchObject({ kind: 'changed', position: 2 });
  });

  it('two swapped events', async () => {
    const { store, rows } = await setUp();
    [rows[1], rows[2]] = [
      { ...rows[2], position: 2 },
      { ...rows[1], position: 3 },
    ];
    expect((await store.verify('s')).failure).toMatchObject({ kind: 'reordered', position: 2 });
  });

  it('an event pushed in after the head', async () => {
    const { store, rows } = await setUp(3);
    rows.push({ ...rows[2], id: 'forged', position: 4, prevHash: rows[2].hash });
    expect((await store.verify('s')).failure).toMatchObject({ kind: 'inserted', position: 4 });
  });

  it('a rewritten head', async () => {
    const { log, store } = await setUp(3);
    log.streams.get('s')!.head = { position: 3, hash: 'f'.repeat(64) };
    expect((await store.verify('s')).failure).toMatchObject({ kind: 'head', position: 3, expected: 'f'.repeat(64) });
    expect((await store.verify('all')).failure).toMatchObject({ kind: 'head', streamId: 's' });
  });

  it('events without a head, when verifying everything', async () => {
    const { log, store } = await setUp(2);
    delete log.streams.get('s')!.head;
    expect((await store.verify('all')).failure).toMatchObject({ kind: 'inserted', streamId: 's', position: 1 });
  });
});

describe('in-memory store', () => {
  it('hands out copies: changing what was read or appended changes nothing stored', async () => {
    const store = new InMemoryEventStore();
    const data = { list: [1, 2], nested: { a: 'x' } };
    await store.append('s', [event('a', 'T', data)]);
    data.nested.a = 'changed';
    const [read] = await store.readStream('s');
    (read.data as typeof data).list.push(3);
    expect((await store.readStream('s'))[0].data).toEqual({ list: [1, 2], nested: { a: 'x' } });
  });

  it('stamps recordedAt from its clock, never going back, and refuses appends once closed', async () => {
    let now = Date.parse('2026-03-01T10:00:00.000Z');
    const store = new InMemoryEventStore({ now: () => new Date(now) });
    await store.append('s', [event('a')]);
    now -= 60_000; // the clock steps back
    await store.append('s', [event('b')]);
    expect((await store.readStream('s')).map((e) => e.recordedAt)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ]);
    await store.close();
    await expect(store.append('s', [event('c')])).rejects.toMatchObject({ code: 'EVENT_STORE_CLOSED' });
  });

  it('reads every event from any global position, also after events were removed behind it', async () => {
    const log = new InMemoryEventLog();
    const store = new InMemoryEventStore({ log });
    for (const s of ['a', 'b', 'c']) await store.append(s, [event(`${s}1`), event(`${s}2`)]);
    expect((await store.readAll({ fromGlobalPosition: 3 })).map((e) => e.id)).toEqual(['b1', 'b2', 'c1', 'c2']);
    log.records.splice(0, 3);
    expect((await store.readAll({ fromGlobalPosition: 2 })).map((e) => e.globalPosition)).toEqual([4, 5, 6]);
    expect((await store.readAll({ fromGlobalPosition: 5, limit: 1 })).map((e) => e.id)).toEqual(['c1']);
    expect(await store.readAll({ fromGlobalPosition: 7 })).toEqual([]);
  });
});
