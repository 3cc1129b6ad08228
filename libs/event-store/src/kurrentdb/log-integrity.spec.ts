import { GENESIS_HASH } from '../integrity/canonical';
import type { NewEvent } from '../port';
import { FakeKurrentLog } from './fake-log';
import { readChainOf, takeCheckpoint, verifyLog, type ChainLog } from './log-integrity';

const event = (id: string): NewEvent => ({
  id,
  type: 'TicketNoteAdded',
  data: { id, n: 1.5, skip: undefined },
  metadata: { actor: 'a', occurredAt: '2026-01-01T00:00:00Z', correlationId: 'c' },
});
const events = (s: string, n: number, from = 1) => Array.from({ length: n }, (_, i) => event(`${s}-e${from + i}`));
const at = '2026-01-05T10:00:00.000Z';

async function logWith(streams: Record<string, number>): Promise<FakeKurrentLog> {
  const log = new FakeKurrentLog();
  for (const [s, n] of Object.entries(streams)) await log.write(s, events(s, n));
  return log;
}

describe('verify, readChain and checkpoint over a KurrentDB-like log', () => {
  it('reads the chain as stored and verifies clean streams, one or all', async () => {
    const log = await logWith({ b: 3, a: 2 });
    const chain = await readChainOf(log, 'b');
    expect(chain.map((e) => [e.position, e.id])).toEqual([
      [1, 'b-e1'],
      [2, 'b-e2'],
      [3, 'b-e3'],
    ]);
    chain.forEach((e, i) => expect(e.prevHash).toBe(i ? chain[i - 1].hash : GENESIS_HASH));
    expect(await verifyLog(log, 'b')).toEqual({ ok: true, streams: 1, events: 3 });
    expect(await verifyLog(log, 'nothing-here')).toEqual({ ok: true, streams: 0, events: 0 });
    expect(await verifyLog(log, 'all')).toEqual({ ok: true, streams: 2, events: 5 });
  });

  it('does not count, or fail on, events appended after $all was scanned', async () => {
    const log = await logWith({ a: 2 });
    const racing: ChainLog = {
      readStream: (s) => log.readStream(s),
      async *pagesOfAll() {
        yield* log.pagesOfAll();
        await log.write('a', events('a', 1, 3));
      },
    };
    expect(await verifyLog(racing, 'all')).toEqual({ ok: true, streams: 1, events: 2 });
    expect(await verifyLog(log, 'a')).toMatchObject({ ok: true, events: 3 });
  });

  it('a checkpoint covers every stream head at its global position; later appends do not contradict it', async () => {
    const log = await logWith({ a: 2, b: 1 });
    const cp = await takeCheckpoint(log, at);
    const chainA = await readChainOf(log, 'a');
    expect(cp).toMatchObject({
      takenAt: at,
      streams: 2,
      heads: [
        { streamId: 'a', position: 2, hash: chainA[1].hash },
        { streamId: 'b', position: 1 },
      ],
    });
    expect(cp.globalPosition).toBe(
      Math.max(...[...chainA, ...(await readChainOf(log, 'b'))].map((e) => e.globalPosition)),
    );
    await log.write('a', events('a', 2, 3));
    await log.write('c', events('c', 1));
    expect(await verifyLog(log, 'all', { againstCheckpoint: cp })).toMatchObject({
      ok: true,
      streams: 3,
      events: 6,
      checkpoint: { root: cp.root },
    });
    expect(await verifyLog(log, 'a', { againstCheckpoint: cp })).toMatchObject({ ok: true });
    expect(await verifyLog(log, 'a', { againstCheckpoint: { ...cp, heads: undefined } })).toMatchObject({ ok: true });
  });

  it('a truncation ($tb) shows as deleted events, on the stream and on all', async () => {
    const log = await logWith({ a: 4, b: 1 });
    const chain = await readChainOf(log, 'a');
    log.truncate('a', 3);
    const one = await verifyLog(log, 'a');
    expect(one.failure).toMatchObject({
      kind: 'deleted',
      streamId: 'a',
      position: 1,
      expected: chain[2].prevHash,
      actual: GENESIS_HASH,
    });
    expect((await verifyLog(log, 'all')).failure).toMatchObject({ kind: 'deleted', streamId: 'a', position: 1 });
    log.scavenge();
    expect((await verifyLog(log, 'all')).failure).toMatchObject({ kind: 'deleted', streamId: 'a', position: 1 });
  });

  it('a deleted stream: found by all while $all still has it; after scavenge only a checkpoint names it', async () => {
    const log = await logWith({ a: 3, b: 1 });
    const cp = await takeCheckpoint(log, at);
    log.delete('a');
    expect(await verifyLog(log, 'a')).toEqual({ ok: true, streams: 0, events: 0 });
    const against = await verifyLog(log, 'a', { againstCheckpoint: cp });
    expect(against.failure).toMatchObject({
      kind: 'checkpoint',
      streamId: 'a',
      position: 3,
      expected: cp.heads![0].hash,
      actual: null,
    });
    expect((await verifyLog(log, 'all')).failure).toMatchObject({ kind: 'deleted', streamId: 'a', position: 1 });
    log.scavenge();
    expect(await verifyLog(log, 'all')).toMatchObject({ ok: true, streams: 1 });
    expect((await verifyLog(log, 'all', { againstCheckpoint: cp })).failure).toMatchObject({
      kind: 'checkpoint',
      streamId: 'a',
      position: 3,
      actual: null,
    });
    expect((await verifyLog(log, 'all', { againstCheckpoint: { ...cp, heads: undefined } })).failure).toMatchObject({
      kind: 'checkpoint',
      streamId: '*',
      expected: cp.root,
    });
  });

  it('events written without the store (no hashes) are reported as inserted, as PostgreSQL reports rows without hashes', async () => {
    const log = new FakeKurrentLog();
    log.writeRaw('old', 'TicketOpened', { id: 1 }, { actor: 'a', $caseflow: { id: 'old-1', v: 1 } });
    await log.write('old', events('old', 1, 2));
    const chain = await readChainOf(log, 'old');
    expect(chain.map((e) => [e.position, e.hash === null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect((await verifyLog(log, 'old')).failure).toMatchObject({
      kind: 'inserted',
      position: 1,
      message: 'old #1: event without hashes was not written by the store',
    });
    const forged = new FakeKurrentLog();
    await forged.write('s', events('s', 2));
    forged.writeRaw('s', 'TicketNoteAdded', { id: 'forged' }, { actor: 'x' });
    expect((await verifyLog(forged, 's')).failure).toMatchObject({ kind: 'inserted', position: 3 });
    expect((await verifyLog(forged, 'all')).failure).toMatchObject({ kind: 'inserted', position: 3 });
  });

  it('a hard delete: its tombstone ($streamDeleted, revision 2^63-1) is no head, so checkpoints after it verify', async () => {
    const log = await logWith({ a: 2, b: 1 });
    log.hardDelete('a');
    expect((await verifyLog(log, 'all')).failure).toMatchObject({ kind: 'deleted', streamId: 'a', position: 1 });
    log.scavenge();
    const cp = await takeCheckpoint(log, at);
    expect(cp.heads!.map((h) => h.streamId)).toEqual(['b']);
    expect(await verifyLog(log, 'all', { againstCheckpoint: cp })).toMatchObject({ ok: true, streams: 1, events: 1 });
  });
});
