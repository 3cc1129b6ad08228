import type { RecordedEvent } from './port';
import { InMemoryCheckpointStore, startPollingSubscription, type SubscriptionSource } from './subscription';

const recorded = (globalPosition: number): RecordedEvent => ({
  id: `e${globalPosition}`,
  type: 'T',
  data: {},
  metadata: { actor: 'a', occurredAt: '2026-01-05T10:00:00.000Z', correlationId: 'c' },
  streamId: 's',
  position: globalPosition,
  globalPosition,
  recordedAt: '2026-01-05T10:00:00.000Z',
  schemaVersion: 1,
});

/** A log whose events up to `horizon` are visible; later ones are held back. */
function fakeSource(log: RecordedEvent[], state: { horizon: number }): SubscriptionSource {
  return {
    read: async (from, limit) => ({
      events: log.filter((e) => e.globalPosition >= from && e.globalPosition <= state.horizon).slice(0, limit),
      horizon: state.horizon,
    }),
    head: async () => log.length,
  };
}

describe('polling subscription', () => {
  it('delivers in order, saves its checkpoint, and resumes after it', async () => {
    const log = [1, 2, 3, 4, 5].map(recorded);
    const checkpoints = new InMemoryCheckpointStore();
    const state = { horizon: 5 };
    const seen: number[] = [];
    const sub = startPollingSubscription(
      { subscriptionId: 'p', batchSize: 2, pollIntervalMs: 5, handler: async (e) => void seen.push(e.globalPosition) },
      fakeSource(log, state),
      checkpoints,
    );
    await sub.caughtUp();
    await sub.stop();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(await checkpoints.load('p')).toBe(5);

    log.push(recorded(6));
    state.horizon = 6;
    const again: number[] = [];
    const sub2 = startPollingSubscription(
      { subscriptionId: 'p', pollIntervalMs: 5, handler: async (e) => void again.push(e.globalPosition) },
      fakeSource(log, state),
      checkpoints,
    );
    await sub2.caughtUp();
    await sub2.stop();
    expect(again).toEqual([6]);
  });

  it('keeps the checkpoint before the event whose handler failed, and rejects done', async () => {
    const checkpoints = new InMemoryCheckpointStore();
    const sub = startPollingSubscription(
      {
        subscriptionId: 'crash',
        pollIntervalMs: 5,
        handler: async (e) => {
          if (e.globalPosition === 3) throw new Error('boom');
        },
      },
      fakeSource([1, 2, 3, 4].map(recorded), { horizon: 4 }),
      checkpoints,
    );
    await expect(sub.done).rejects.toThrow('boom');
    expect(await checkpoints.load('crash')).toBe(2);
  });

  it('caughtUp waits while committed events are held back behind the horizon', async () => {
    const state = { horizon: 2 };
    const sub = startPollingSubscription(
      { subscriptionId: 'h', pollIntervalMs: 5, handler: async () => undefined },
      fakeSource([1, 2, 3].map(recorded), state),
      new InMemoryCheckpointStore(),
    );
    let caught = false;
    const waiting = sub.caughtUp().then(() => void (caught = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(caught).toBe(false);
    state.horizon = 3;
    await waiting;
    await sub.stop();
  });

  it('moves its checkpoint to the last record the read scanned, so records filtered out are not read again', async () => {
    // A log of 10 records where only #3 is of the wanted type: the source reports how far it looked.
    const reads: number[] = [];
    const source: SubscriptionSource = {
      read: async (from) => {
        reads.push(from);
        return { events: from <= 3 ? [recorded(3)] : [], horizon: 10, scannedTo: 10 };
      },
      head: async () => 10,
    };
    const checkpoints = new InMemoryCheckpointStore();
    const seen: number[] = [];
    const sub = startPollingSubscription(
      { subscriptionId: 'typed', pollIntervalMs: 5, handler: async (e) => void seen.push(e.globalPosition) },
      source,
      checkpoints,
    );
    await sub.caughtUp();
    await sub.caughtUp();
    await sub.stop();
    expect(seen).toEqual([3]);
    expect(await checkpoints.load('typed')).toBe(10);
    expect(reads.slice(0, 2)).toEqual([1, 11]);
  });
});
