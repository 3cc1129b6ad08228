import type { CheckpointStore, RecordedEvent, SubscribeOptions, Subscription } from './port';

/**
 * Where a subscription reads. `read` returns the next events at or after `fromGlobalPosition` that
 * are safe to hand out in order, and `horizon`: a global position (taken before the read) up to
 * which every event that will ever exist was visible to it. `head` is the highest global position
 * committed now, visible or held back; `caughtUp()` waits until a short read's horizon reaches it.
 * `scannedTo`, when given: the global position of the last record the read looked at, delivered or
 * not (filtered out by type, say); the checkpoint moves there once the batch is handled, so the
 * next read does not look at those records again.
 */
export interface SubscriptionSource {
  read(
    fromGlobalPosition: number,
    limit: number,
    types: readonly string[] | undefined,
  ): Promise<{ events: RecordedEvent[]; horizon: number; scannedTo?: number }>;
  head(): Promise<number>;
}

/**
 * A catch-up-then-live subscription by polling: reads batches after the checkpoint, hands each
 * event to the handler in global order, saves the checkpoint after every batch (and on stop or a
 * handler failure), then waits `pollIntervalMs` whenever it is caught up. Delivery is at least
 * once: after a hard crash, the events since the last saved checkpoint are delivered again.
 */
export function startPollingSubscription(
  options: SubscribeOptions,
  source: SubscriptionSource,
  defaultCheckpoints: CheckpointStore,
): Subscription {
  const checkpoints = options.checkpoints ?? defaultCheckpoints;
  const batchSize = options.batchSize ?? 500;
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  let stopped = false;
  let wake: (() => void) | undefined;
  let round = 0;
  let waiters: { afterRound: number; target: number; resolve: () => void; reject: (e: unknown) => void }[] = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = async (): Promise<void> => {
    const saved = await checkpoints.load(options.subscriptionId);
    let last = saved ?? 0;
    let savedPosition = saved;
    const save = async () => {
      if (savedPosition !== last) {
        await checkpoints.save(options.subscriptionId, last);
        savedPosition = last;
      }
    };
    try {
      while (!stopped) {
        const thisRound = ++round;
        const { events: batch, horizon, scannedTo } = await source.read(last + 1, batchSize, options.types);
        let handledAll = true;
        for (const event of batch) {
          if (stopped) {
            handledAll = false;
            break;
          }
          await options.handler(event);
          last = event.globalPosition;
        }
        if (handledAll && scannedTo !== undefined && scannedTo > last) last = scannedTo;
        await save();
        if (batch.length < batchSize) {
          const isReady = (w: (typeof waiters)[number]) => w.afterRound < thisRound && w.target <= horizon;
          const ready = waiters.filter(isReady);
          waiters = waiters.filter((w) => !isReady(w));
          ready.forEach((w) => w.resolve());
          if (!stopped) await sleep(pollIntervalMs);
        }
      }
    } catch (error) {
      await save().catch(() => undefined);
      throw error;
    }
  };

  const done = loop();
  // Why it ended, once it has: a caughtUp() asked after the end is refused at once, never left waiting.
  let ended: { reason: unknown } | undefined;
  const end = (reason: unknown) => {
    ended = { reason };
    waiters.forEach((w) => w.reject(reason));
    waiters = [];
  };
  done.then(
    () => end(new Error(`Subscription ${options.subscriptionId} stopped`)),
    (error: unknown) => end(error),
  );
  return {
    subscriptionId: options.subscriptionId,
    done,
    caughtUp: async () => {
      if (ended) throw ended.reason;
      const target = await source.head();
      return new Promise<void>((resolve, reject) => {
        if (ended) return reject(ended.reason);
        waiters.push({ afterRound: round, target, resolve, reject });
        wake?.();
      });
    },
    async stop() {
      stopped = true;
      wake?.();
      await done.catch(() => undefined);
    },
  };
}

/** Checkpoints in process memory: for tests and throwaway projections. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();
  async load(subscriptionId: string): Promise<number | undefined> {
    return this.positions.get(subscriptionId);
  }
  async save(subscriptionId: string, globalPosition: number): Promise<void> {
    this.positions.set(subscriptionId, globalPosition);
  }
}
