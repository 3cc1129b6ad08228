import { appendFile, readFile } from 'node:fs/promises';
import { EventStoreError, StoreUnavailableError } from '../errors';
import type { AuditableEventStore, StoreCheckpoint } from '../port';

/** Where checkpoints go outside the store: a chain kept only beside the data proves little. */
export interface CheckpointSink {
  readonly description: string;
  write(checkpoint: StoreCheckpoint): Promise<void>;
}

/** Appends one JSON line per checkpoint to a file (created if missing). */
export function fileCheckpointSink(path: string): CheckpointSink {
  return {
    description: `file ${path}`,
    write: (checkpoint) => appendFile(path, `${JSON.stringify(checkpoint)}\n`, { encoding: 'utf8', flag: 'a' }),
  };
}

/** POSTs each checkpoint as JSON; fails on a non-2xx answer or after `timeoutMs` (default 5,000). */
export function webhookCheckpointSink(url: string, timeoutMs = 5_000): CheckpointSink {
  return {
    description: `webhook ${new URL(url).origin}`,
    async write(checkpoint) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(checkpoint),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new StoreUnavailableError(
          `Checkpoint webhook unreachable or too slow (${timeoutMs} ms): ${(error as Error).message}`,
          { cause: error },
        );
      }
      if (!response.ok)
        throw new EventStoreError('EVENT_STORE_CHECKPOINT_SINK', `Checkpoint webhook answered ${response.status}`);
    },
  };
}

/** `http(s)://…` = webhook, anything else = a JSON-lines file path. */
export function checkpointSinkFrom(target: string, timeoutMs?: number): CheckpointSink {
  return /^https?:\/\//i.test(target) ? webhookCheckpointSink(target, timeoutMs) : fileCheckpointSink(target);
}

/** Code of the error readLatestCheckpoint raises when the file holds no checkpoint (or does not exist yet). */
export const NO_CHECKPOINT = 'EVENT_STORE_NO_CHECKPOINT';

/** The last checkpoint in a JSON-lines file (as written by fileCheckpointSink). */
export async function readLatestCheckpoint(path: string): Promise<StoreCheckpoint> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new EventStoreError(NO_CHECKPOINT, `No checkpoint file at ${path}: no checkpoint was taken there yet`, {
      cause: error,
    });
  }
  const lines = text.split('\n').filter((l) => l.trim());
  if (!lines.length) throw new EventStoreError(NO_CHECKPOINT, `No checkpoint in ${path}`);
  let cp: StoreCheckpoint | undefined;
  try {
    cp = JSON.parse(lines[lines.length - 1]) as StoreCheckpoint;
  } catch {
    cp = undefined;
  }
  if (typeof cp?.root !== 'string' || typeof cp.globalPosition !== 'number')
    throw new EventStoreError(NO_CHECKPOINT, `Last line of ${path} is not a checkpoint`);
  return cp;
}

export interface CheckpointSchedule {
  stop(): Promise<void>;
}

/**
 * Takes a checkpoint every `everyMs` (e.g. from the worker). A failure goes to `onError` and the
 * next tick tries again; ticks never overlap. stop() waits for a checkpoint in progress.
 */
export function scheduleCheckpoints(
  store: AuditableEventStore,
  options: { everyMs: number; onError?: (error: unknown) => void },
): CheckpointSchedule {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = store
      .checkpoint()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        busy = false;
      });
  }, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
