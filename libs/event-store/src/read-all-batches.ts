import type { EventStore, ReadAllBatchesOptions, RecordedEvent } from './port';

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Every event from `fromGlobalPosition` on, in global order, in batches: the adapter's own
 * streaming read when it has one, otherwise `readAll` pages, each page requested before the
 * caller handles the previous one.
 */
export function readAllInBatches(store: EventStore, options: ReadAllBatchesOptions = {}): AsyncIterable<RecordedEvent[]> {
  if (store.readAllBatches) return store.readAllBatches(options);
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  return prefetching((from) => store.readAll({ fromGlobalPosition: from, types: options.types, limit }), options.fromGlobalPosition ?? 1);
}

/**
 * Keyset pages by global position, one page ahead: page N+1 is on its way while the caller works
 * on page N. A rejected read ahead is re-thrown where the caller asks for that page.
 */
export async function* prefetching(readPage: (fromGlobalPosition: number) => Promise<RecordedEvent[]>, from: number): AsyncGenerator<RecordedEvent[]> {
  let next = readPage(from);
  try {
    for (;;) {
      const page = await next;
      if (!page.length) return;
      next = readPage(page[page.length - 1].globalPosition + 1);
      // Handled here so a failure while the caller is busy is not an unhandled rejection.
      next.catch(() => undefined);
      yield page;
    }
  } finally {
    await next.catch(() => undefined);
  }
}
