import { StoreUnavailableError } from '../errors';
import { createKurrentEventStore, KurrentEventStore } from './kurrentdb-event-store';

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
