import { ConcurrencyError, StreamDeletedError } from '../errors';
import { GENESIS_HASH } from '../integrity/canonical';
import type { NewEvent } from '../port';
import { chainNewEvents } from './chain';
import { FakeKurrentLog } from './fake-log';
import { verifyLog } from './log-integrity';
import { TipCache } from './stream-tip';
import { StreamWriter, type AppendOutcome, type StreamLog } from './stream-writer';

const event = (id: string): NewEvent => ({
  id,
  type: 'NoteAdded',
  data: { id },
  metadata: { actor: 'a', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'c' },
});

const writerOn = (log: StreamLog, deadlineMs = 2_000) =>
  new StreamWriter(log, new TipCache(), { deadlineMs, schemaVersionOf: () => 1, maxBackoffMs: 1 });

describe('StreamWriter: the tip cache', () => {
  it('reads a stream whole once; later appends send without reading', async () => {
    const log = new FakeKurrentLog();
    const readFrom = jest.spyOn(log, 'readFrom');
    const writer = writerOn(log);
    for (let i = 1; i <= 5; i++) {
      expect(await writer.append('s', [event(`e${i}`)], i - 1)).toEqual({ positions: [i], lastPosition: i });
    }
    expect(readFrom.mock.calls).toEqual([['s', 0n]]);
    expect(await verifyLog(log, 's')).toEqual({ ok: true, streams: 1, events: 5 });
  });

  it('after another writer moved the stream, reads only from its cached tip on, then chains after the real one', async () => {
    const log = new FakeKurrentLog();
    const mine = writerOn(log);
    const theirs = writerOn(log);
    await mine.append('s', [event('a'), event('b')], 'any');
    await theirs.append('s', [event('c')], 'any');
    const readFrom = jest.spyOn(log, 'readFrom');
    const append = jest.spyOn(log, 'append');
    expect(await mine.append('s', [event('d')], 'any')).toEqual({ positions: [4], lastPosition: 4 });
    expect(readFrom.mock.calls).toEqual([['s', 2n]]);
    expect(append.mock.calls.map((c) => c[2])).toEqual([1n, 2n]);
    expect(await verifyLog(log, 's')).toEqual({ ok: true, streams: 1, events: 4 });
  });

  it('finds an event another process already wrote (a retried call) and returns its position', async () => {
    const log = new FakeKurrentLog();
    const mine = writerOn(log);
    await mine.append('s', [event('a')], 'any');
    await writerOn(log).append('s', [event('b')], 'any');
    // Sent expecting the cached revision 0: the server finds the same id at revision 1 and answers
    // idempotently (IndexWriter.CheckCommit, strong idempotency), nothing is written twice.
    expect(await mine.append('s', [event('b')], 'any')).toEqual({ positions: [2], lastPosition: 2 });
    expect((await log.readStream('s')).map((e) => e.revision)).toEqual([0n, 1n]);
    // Known now: a repeat is answered from the cache, without a call.
    const append = jest.spyOn(log, 'append');
    expect(await mine.append('s', [event('a'), event('b')], 'any')).toEqual({ positions: [1, 2], lastPosition: 2 });
    expect(append).not.toHaveBeenCalled();
  });

  it('judges the caller’s expectation on a fresh tip, not a cached one behind the stream', async () => {
    const log = new FakeKurrentLog();
    const mine = writerOn(log);
    await mine.append('s', [event('a')], 0);
    await writerOn(log).append('s', [event('b')], 1);
    expect(await mine.append('s', [event('c')], 2)).toEqual({ positions: [3], lastPosition: 3 });
    await expect(mine.append('s', [event('d')], 2)).rejects.toMatchObject({
      constructor: ConcurrencyError,
      expectedPosition: 2,
      actualPosition: 3,
    });
  });
});

describe('StreamWriter: streams whose last events exist but do not read', () => {
  it('pins the server rule it guards against: NoStream on a soft-deleted stream writes after the hidden events', async () => {
    const log = new FakeKurrentLog();
    await log.write('s', [event('a'), event('b')]);
    log.delete('s');
    expect(await log.readFrom('s', 0n)).toEqual([]);
    const chainedAsFirst = chainNewEvents('s', { position: 0, hash: GENESIS_HASH }, [
      { ...event('c'), schemaVersion: 1 },
    ]);
    expect(await log.append('s', chainedAsFirst, 'no_stream')).toEqual({ written: true });
    // Chained as position 1, stored at revision 2 (position 3): its hash would never verify.
    expect((await log.readFrom('s', 0n)).map((e) => [e.id, e.revision])).toEqual([['c', 2n]]);
  });

  it('refuses a soft-deleted stream with StreamDeletedError and writes nothing', async () => {
    const log = new FakeKurrentLog();
    await log.write('s', [event('a'), event('b')]);
    log.delete('s');
    const append = jest.spyOn(log, 'append');
    await expect(writerOn(log).append('s', [event('c')], 'any')).rejects.toBeInstanceOf(StreamDeletedError);
    expect(append).not.toHaveBeenCalled();
  });

  it('refuses a stream truncated ($tb) past its last event', async () => {
    const log = new FakeKurrentLog();
    await log.write('s', [event('a'), event('b')]);
    log.truncate('s', 3);
    await expect(writerOn(log).append('s', [event('c')], 'no_stream')).rejects.toMatchObject({
      code: 'EVENT_STORE_STREAM_DELETED',
      streamId: 's',
    });
  });

  it('takes the tip from WrongExpectedVersion when every event has expired ($maxAge): refuses at once, no spinning', async () => {
    const log = new FakeKurrentLog();
    await log.write('s', [event('a'), event('b')]);
    log.expireAll('s');
    const append = jest.spyOn(log, 'append');
    await expect(writerOn(log, 60_000).append('s', [event('c')], 'any')).rejects.toThrow(
      /last position is 2, reads end at 0/,
    );
    expect(append).toHaveBeenCalledTimes(1);
    expect(await append.mock.results[0].value).toEqual({ written: false, actual: 1n });
  });

  it('refuses a hard-deleted (tombstoned) stream', async () => {
    const log = new FakeKurrentLog();
    await log.write('s', [event('a')]);
    log.hardDelete('s');
    await expect(writerOn(log).append('s', [event('b')], 'any')).rejects.toBeInstanceOf(StreamDeletedError);
  });

  it('a writer that still holds the tip continues the chain after a soft delete (as after a truncation)', async () => {
    const log = new FakeKurrentLog();
    const writer = writerOn(log);
    await writer.append('s', [event('a'), event('b')], 'any');
    log.delete('s');
    // Expecting the real last revision: the server writes at position 3 and undeletes the stream.
    expect(await writer.append('s', [event('c')], 2)).toEqual({ positions: [3], lastPosition: 3 });
    expect((await log.readStream('s')).map((e) => e.revision)).toEqual([2n]);
    expect((await verifyLog(log, 's')).failure).toMatchObject({ kind: 'deleted', position: 1 });
  });

  it('keeps chaining a stream truncated at its front: the tip is its last readable event', async () => {
    const log = new FakeKurrentLog();
    await log.write('s', [event('a'), event('b'), event('c')]);
    log.truncate('s', 3);
    expect(await writerOn(log).append('s', [event('d')], 3)).toEqual({ positions: [4], lastPosition: 4 });
  });
});

describe('StreamWriter: lost races', () => {
  /** A server that refuses every append, naming `actual` as its last revision, while reads see nothing new. */
  const busy = (actual: bigint | 'no_stream'): StreamLog & { appends: number } => ({
    appends: 0,
    readFrom: async () => [],
    hiding: async () => undefined,
    async append(): Promise<AppendOutcome> {
      this.appends++;
      return { written: false, actual };
    },
  });

  it("after the deadline, reports the caller's expectation and the position read", async () => {
    const log = busy('no_stream');
    await expect(writerOn(log, 30).append('s', [event('a')], 'any')).rejects.toMatchObject({
      constructor: ConcurrencyError,
      expectedPosition: 'any',
      actualPosition: 0,
    });
    expect(log.appends).toBeGreaterThan(1);
  });

  it('retries while reads lag behind the revision the server named (no metadata hides events)', async () => {
    let lagging = true;
    const log = new FakeKurrentLog();
    await log.write('s', [event('a')]);
    const lag: StreamLog = {
      readFrom: async (s, from) => (lagging ? [] : log.readFrom(s, from)),
      hiding: (s) => log.hiding(s),
      append: async (s, proposals, expected) => {
        const outcome = await log.append(s, proposals, expected);
        lagging = false;
        return outcome;
      },
    };
    expect(await writerOn(lag).append('s', [event('b')], 'any')).toEqual({ positions: [2], lastPosition: 2 });
  });
});
