import { createServer, type Server, type Socket } from 'node:net';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { InvalidEventError, StoreUnavailableError } from '../errors';
import { GENESIS_HASH } from '../integrity/canonical';
import type { NewEvent } from '../port';
import { chainNewEvents } from './chain';
import { ClientLog } from './client-log';
import { StreamNames } from './stream-names';
import { createKurrentEventStore, KurrentEventStore } from './kurrentdb-event-store';

const NOTHING_LISTENS = 'kurrentdb://127.0.0.1:1?tls=false';
const event = (over: Partial<NewEvent> = {}): NewEvent => ({
  id: 'e1',
  type: 'NoteAdded',
  data: {},
  metadata: { actor: 'a', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'c' },
  ...over,
});

/** A TCP listener on loopback that accepts connections and never answers a byte. */
async function silentListener(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `kurrentdb://127.0.0.1:${port}?tls=false`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

describe('KurrentEventStore without a server', () => {
  it('declares its capabilities', () => {
    const store = new KurrentEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false' });
    expect(store.capabilities).toEqual({
      concurrentWriters: true,
      interleavedTransactions: false,
      contiguousGlobalPositions: false,
      asOfRecorded: true,
      groupCommit: false,
      hashChain: true,
    });
    return store.close();
  });

  it('fails fast with the port error, not a vendor one, when nothing listens', async () => {
    const started = Date.now();
    await expect(
      createKurrentEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false', deadlineMs: 2_000 }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);

  it('refuses reserved stream names', async () => {
    const store = new KurrentEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false' });
    await expect(store.append('$all', [])).rejects.toMatchObject({ code: 'EVENT_STORE_INVALID' });
    await store.close();
  });
});

describe('KurrentEventStore options', () => {
  it('names its checkpoint stream outside $ and refuses appends to it and to subscription progress streams', async () => {
    const store = new KurrentEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false', namespace: 'run-1' });
    expect(store.checkpointStream).toBe('caseflow-store-checkpoints');
    await expect(store.append('caseflow-store-checkpoints', [])).rejects.toMatchObject({ code: 'EVENT_STORE_INVALID' });
    await expect(store.append('caseflow-checkpoint-projector', [])).rejects.toMatchObject({
      code: 'EVENT_STORE_INVALID',
    });
    await store.close();
  });

  it('refuses a namespace that is not a plain name', () => {
    expect(
      () => new KurrentEventStore({ connectionString: 'kurrentdb://127.0.0.1:1?tls=false', namespace: 'a/b' }),
    ).toThrow(/namespace/);
  });
});

describe('KurrentEventStore deadlines and errors (no server: a silent listener, a closed port)', () => {
  let listener: Awaited<ReturnType<typeof silentListener>>;
  beforeEach(async () => {
    listener = await silentListener();
  });
  afterEach(() => listener.close());

  it('a read against a listener that never answers rejects with StoreUnavailableError', async () => {
    const store = new KurrentEventStore({ connectionString: listener.url, deadlineMs: 300 });
    await expect(store.readStream('s')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });

  it('an append against a listener that never answers rejects with StoreUnavailableError', async () => {
    const store = new KurrentEventStore({ connectionString: listener.url, deadlineMs: 300 });
    await expect(store.append('s', [event()])).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
    // The append call itself (the client awaits its server-features probe, sent without a deadline).
    const client = KurrentDBClient.connectionString(listener.url);
    await expect(appendThrough(client, 300)).rejects.toBeInstanceOf(StoreUnavailableError);
    await client.dispose();
  });

  it('an append to a closed port rejects with StoreUnavailableError (the probe’s raw gRPC 14), not a plain Error', async () => {
    const client = KurrentDBClient.connectionString(NOTHING_LISTENS);
    await expect(appendThrough(client, 2_000)).rejects.toMatchObject({
      constructor: StoreUnavailableError,
      cause: expect.objectContaining({ code: 14 }),
    });
    await client.dispose();
  });
});

/** One append through the adapter's client glue (ClientLog), as StreamWriter sends it. */
function appendThrough(client: KurrentDBClient, deadlineMs: number) {
  const proposals = chainNewEvents('s', { position: 0, hash: GENESIS_HASH }, [{ ...event(), schemaVersion: 1 }]);
  return new ClientLog(client, new StreamNames(undefined, 'caseflow-checkpoint-'), deadlineMs).append(
    's',
    proposals,
    'no_stream',
  );
}

describe('KurrentEventStore refuses bad input before any call', () => {
  const store = new KurrentEventStore({ connectionString: NOTHING_LISTENS });
  afterAll(() => store.close());

  it.each([
    ['an empty event id', [event({ id: '' })]],
    ['a missing type', [event({ type: '' })]],
    ['missing metadata', [event({ metadata: undefined as never })]],
  ])('append with %s: the same checks as PostgreSQL', async (_, events) => {
    await expect(store.append('s', events)).rejects.toBeInstanceOf(InvalidEventError);
  });

  it('a fractional or NaN position is a clear port error, not a RangeError', async () => {
    await expect(store.readStream('s', { from: 1.5 })).rejects.toMatchObject({
      constructor: InvalidEventError,
      field: 'from',
    });
    await expect(store.readStream('s', { to: Number.NaN })).rejects.toMatchObject({ field: 'to' });
    await expect(store.readAll({ fromGlobalPosition: 2.5 })).rejects.toMatchObject({ field: 'fromGlobalPosition' });
    await expect(store.readAll({ limit: -1 })).rejects.toMatchObject({ field: 'limit' });
  });

  it('refuses throwOnAppendFailure=false (a lost race would read as success)', () => {
    expect(() => new KurrentEventStore({ connectionString: `${NOTHING_LISTENS}&throwOnAppendFailure=false` })).toThrow(
      expect.objectContaining({ code: 'EVENT_STORE_CONFIG' }),
    );
  });
});
