import {
  NO_STREAM,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { GENESIS_HASH } from '../integrity/canonical';
import { EventStoreError, StoreUnavailableError, StreamDeletedError } from '../errors';
import { InvalidAllPosition } from './all-scan';
import { chainNewEvents, type LogEvent } from './chain';
import { ClientLog, uuidFor, type KurrentClient } from './client-log';
import { StreamNames } from './stream-names';

const names = new StreamNames('ns', 'caseflow-checkpoint-');
const proposals = chainNewEvents('s', { position: 0, hash: GENESIS_HASH }, [
  { id: 'a', type: 'NoteAdded', schemaVersion: 1, data: {}, metadata: { actor: 'x' } },
]);

/** A client whose calls are jest mocks; each test gives the answers it needs. */
function stubClient(overrides: Partial<Record<keyof KurrentClient, jest.Mock>>) {
  const unexpected = () => jest.fn(() => Promise.reject(new Error('not expected in this test')));
  return {
    readStream: unexpected(),
    readAll: unexpected(),
    appendToStream: unexpected(),
    getStreamMetadata: unexpected(),
    setStreamMetadata: unexpected(),
    ...overrides,
  };
}
const logOver = (client: ReturnType<typeof stubClient>, deadlineMs = 1_000) =>
  new ClientLog(client as unknown as KurrentClient, names, deadlineMs);

async function* yielding<T>(items: T[], error?: unknown): AsyncGenerator<T> {
  for (const item of items) yield item;
  if (error) throw error;
}

describe('ClientLog.append', () => {
  it('expects the revision (or no stream) under the namespace, with ids derived from the port ids', async () => {
    const appendToStream = jest.fn().mockResolvedValue({ success: true, nextExpectedRevision: 0n });
    const log = logOver(stubClient({ appendToStream }));
    expect(await log.append('s', proposals, 'no_stream')).toEqual({ written: true });
    expect(await log.append('s', proposals, 4n)).toEqual({ written: true });
    const [name, events, options] = appendToStream.mock.calls[0];
    expect(name).toBe('ns/s');
    expect(events[0]).toMatchObject({ id: uuidFor('s', 'a'), type: 'NoteAdded' });
    expect(options).toEqual({ streamState: NO_STREAM, deadline: 1_000 });
    expect(appendToStream.mock.calls[1][2]).toEqual({ streamState: 4n, deadline: 1_000 });
  });

  it("takes the server's actual revision from WrongExpectedVersionError", async () => {
    const lost = (current: bigint | 'no_stream') =>
      new WrongExpectedVersionError(undefined, { streamName: 'ns/s', expected: 1n, current });
    const appendToStream = jest.fn().mockRejectedValueOnce(lost(6n)).mockRejectedValueOnce(lost('no_stream'));
    const log = logOver(stubClient({ appendToStream }));
    expect(await log.append('s', proposals, 1n)).toEqual({ written: false, actual: 6n });
    expect(await log.append('s', proposals, 1n)).toEqual({ written: false, actual: 'no_stream' });
  });

  it('reads `success: false` as a lost race, never as written', async () => {
    const appendToStream = jest.fn().mockResolvedValue({ success: false, nextExpectedRevision: 1n });
    expect(await logOver(stubClient({ appendToStream })).append('s', proposals, 0n)).toEqual({ written: false });
  });

  it('maps a tombstoned stream to StreamDeletedError and an unreachable server to StoreUnavailableError', async () => {
    const probeFailure = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
      code: 14,
      details: 'No connection established',
    });
    const appendToStream = jest
      .fn()
      .mockRejectedValueOnce(ClientStreamDeletedError.fromStreamName('ns/s'))
      .mockRejectedValueOnce(probeFailure);
    const log = logOver(stubClient({ appendToStream }));
    await expect(log.append('s', proposals, 0n)).rejects.toMatchObject({
      constructor: StreamDeletedError,
      streamId: 's',
    });
    await expect(log.append('s', proposals, 0n)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('keeps its deadline when the client never answers', async () => {
    const appendToStream = jest.fn(() => new Promise(() => undefined));
    await expect(logOver(stubClient({ appendToStream }), 20).append('s', proposals, 0n)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });
});

describe('ClientLog reads', () => {
  const recorded = (revision: bigint): { event: LogEvent } => ({
    event: {
      streamId: 'ns/s',
      revision,
      id: `u${revision}`,
      type: 'NoteAdded',
      created: new Date(0),
      data: {},
      metadata: {},
      position: { commit: 100n + revision, prepare: 100n + revision },
    },
  });

  it('reads forward from a revision, names without the namespace; absent reads as empty', async () => {
    const readStream = jest
      .fn()
      .mockReturnValueOnce(yielding([recorded(2n), recorded(3n)]))
      .mockReturnValueOnce(yielding([], new StreamNotFoundError(undefined, 'ns/t')));
    const log = logOver(stubClient({ readStream }));
    expect((await log.readFrom('s', 2n)).map((e) => [e.streamId, e.revision])).toEqual([
      ['s', 2n],
      ['s', 3n],
    ]);
    expect(readStream.mock.calls[0]).toEqual(['ns/s', expect.objectContaining({ fromRevision: 2n })]);
    expect(await log.readFrom('t', 0n)).toEqual([]);
  });

  it('keeps the deadline of a read whose server never answers', async () => {
    const readStream = jest.fn(() => ({
      [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }),
    }));
    await expect(logOver(stubClient({ readStream }), 20).readFrom('s', 0n)).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it('a tombstoned stream refuses an append read but reads as empty for verify', async () => {
    const readStream = jest.fn(() => yielding([], ClientStreamDeletedError.fromStreamName('ns/s')));
    const log = logOver(stubClient({ readStream }));
    await expect(log.readFrom('s', 0n)).rejects.toBeInstanceOf(StreamDeletedError);
    expect(await log.readWhole('s')).toEqual([]);
  });

  it("turns the server's InvalidPosition answer to a $all read into InvalidAllPosition", async () => {
    const invalid = new UnknownError(
      undefined,
      'status: Unknown, message: "Unexpected FilteredReadAllResult: InvalidPosition"',
    );
    const readAll = jest
      .fn()
      .mockReturnValueOnce(yielding([], invalid))
      .mockReturnValueOnce(yielding([recorded(0n)]));
    const read = logOver(stubClient({ readAll })).allPages('^ns/');
    await expect(read({ commit: 7n, prepare: 7n }, 10)).rejects.toBeInstanceOf(InvalidAllPosition);
    expect((await read('start', 10)).map((e) => e.streamId)).toEqual(['s']);
    expect(readAll.mock.calls[0][0]).toMatchObject({ fromPosition: { commit: 7n, prepare: 7n }, maxCount: 10 });
    expect(readAll.mock.calls[0][0].filter).toMatchObject({ filterOn: 'streamName', regex: '^ns/' });
  });
});

describe('ClientLog.hiding: what the stream metadata hides', () => {
  it.each([
    [{ truncateBefore: JSON.parse('9223372036854775807') as number }, 'soft-deleted'],
    [{ truncateBefore: 3 }, 'truncated'],
    [{ maxAge: 60 }, 'retention'],
    [{ maxCount: 5 }, 'retention'],
    [{}, undefined],
    [undefined, undefined],
  ])('%j → %s', async (metadata, hiding) => {
    const getStreamMetadata = jest.fn().mockResolvedValue({ streamName: 'ns/s', metadata });
    expect(await logOver(stubClient({ getStreamMetadata })).hiding('s')).toBe(hiding);
    expect(getStreamMetadata).toHaveBeenCalledWith('ns/s');
  });
});

describe('ClientLog for subscription progress', () => {
  it('caps a progress stream with $maxCount through the client’s stream metadata', async () => {
    const setStreamMetadata = jest.fn().mockResolvedValue({ success: true });
    await logOver(stubClient({ setStreamMetadata })).setMaxCount('caseflow-checkpoint-p', 10);
    expect(setStreamMetadata).toHaveBeenCalledWith('ns/caseflow-checkpoint-p', { maxCount: 10 }, { deadline: 1_000 });
    // The client writes that as the server's `$maxCount` key (streams/utils/streamMetadata.js).
    const { prepareStreamMetadata } = jest.requireActual<{ prepareStreamMetadata: (m: object) => object }>(
      '@kurrent/kurrentdb-client/dist/streams/utils/streamMetadata',
    );
    expect(prepareStreamMetadata({ maxCount: 10 })).toEqual({ $maxCount: 10 });
  });

  it('fails with the port error, not a vendor one', async () => {
    const setStreamMetadata = jest.fn().mockRejectedValue(new Error('boom'));
    await expect(logOver(stubClient({ setStreamMetadata })).setMaxCount('p', 10)).rejects.toBeInstanceOf(
      EventStoreError,
    );
  });
});
