import type { EventStore, ReadAllBatchesOptions, RecordedEvent } from './port';

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Every event from `fromGlobalPosition` on, in global order, in batches: the adapter's own
 * streaming read when it has one, otherwise `readAll` pages, each page requested before the
 * caller handles the previous one.
 */
export function readAllInBatches(
  store: EventStore,
  options: ReadAllBatchesOptions = {},
): AsyncIterable<RecordedEvent[]> {
  if (store.readAllBatches) return store.readAllBatches(options);
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const pages = (from: number) => store.readAll({ fromGlobalPosition: from, types: options.types, limit });
  return keysetPages(pages, options.fromGlobalPosition ?? 1, (event) => event.globalPosition);
}

/** Keyset pages by global position (each page starts after the last one's last row), read ahead. */
export function keysetPages<T>(
  readPage: (fromGlobalPosition: number) => Promise<T[]>,
  from: number,
  globalPositionOf: (row: T) => number,
): AsyncGenerator<T[]> {
  let next = from;
  return readAhead(async () => {
    const page = await readPage(next);
    if (page.length) next = globalPositionOf(page[page.length - 1]) + 1;
    return page;
  });
}

/**
 * Batches from `readNext` until it gives an empty one, one batch ahead: batch N+1 is on its way
 * while the caller works on batch N (`readNext` is called again only once the previous batch has
 * arrived). A rejected read ahead is re-thrown where the caller asks for that batch; leaving the
 * loop early waits for the read in flight, so the caller can then release what it reads from.
 */
export async function* readAhead<T>(readNext: () => Promise<T[]>): AsyncGenerator<T[]> {
  let next = readNext();
  try {
    for (;;) {
      const batch = await next;
      if (!batch.length) return;
      next = readNext();
      // Handled here so a failure while the caller is busy is not an unhandled rejection.
      next.catch(() => undefined);
      yield batch;
    }
  } finally {
    await next.catch(() => undefined);
  }
}
