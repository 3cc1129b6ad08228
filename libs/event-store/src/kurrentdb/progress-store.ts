import type { CheckpointStore } from '../port';
import type { LogEvent } from './chain';

/** Progress events a subscription's stream keeps readable (`$maxCount`); only the last one is ever read. */
export const PROGRESS_KEPT = 10;

/** What the progress store needs from KurrentDB (ClientLog; port names). */
export interface ProgressLog {
  last(streamId: string): Promise<LogEvent | undefined>;
  appendPlain(streamId: string, type: string, data: Record<string, unknown>): Promise<void>;
  setMaxCount(streamId: string, maxCount: number): Promise<void>;
}

/**
 * Subscription checkpoints on KurrentDB: one stream per subscription, one small event per save.
 * Before the first save in a process the stream gets `$maxCount`, so it does not grow forever:
 * older events stop reading at once and go at the next scavenge.
 */
export function progressStore(log: ProgressLog, streamOf: (subscriptionId: string) => string): CheckpointStore {
  const capped = new Set<string>();
  return {
    async load(subscriptionId) {
      const last = await log.last(streamOf(subscriptionId));
      const position = (last?.data as { globalPosition?: unknown } | undefined)?.globalPosition;
      return typeof position === 'number' && Number.isSafeInteger(position) ? position : undefined;
    },
    async save(subscriptionId, globalPosition) {
      const stream = streamOf(subscriptionId);
      if (!capped.has(stream)) {
        await log.setMaxCount(stream, PROGRESS_KEPT);
        capped.add(stream);
      }
      await log.appendPlain(stream, 'checkpoint', { globalPosition });
    },
  };
}
