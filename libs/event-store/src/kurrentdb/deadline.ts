import { StoreUnavailableError } from '../errors';

/**
 * Settles with `work`, or rejects with StoreUnavailableError after `ms`. The client cannot keep
 * deadlines itself: its reads go through the Rust bridge, which takes no deadline at all
 * (@kurrent/bridge 0.2 `RustReadStreamOptions`), and its appends first await a server-features
 * probe sent without one (kurrentdb-client 1.3.1 `Client.capabilities`; batch appends open their
 * gRPC stream with `deadline: Infinity`). A call that misses its deadline may still complete on the
 * server later: appends are idempotent by event id, so retrying is safe.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreUnavailableError(`KurrentDB did not answer ${what} within ${ms} ms`)), ms);
  });
  // Whatever the abandoned call does after the deadline must not become an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Drains a read within the deadline (the whole read, not each item). */
export function collectWithin<T>(items: AsyncIterable<T>, ms: number, what: string): Promise<T[]> {
  const drain = async () => {
    const out: T[] = [];
    for await (const item of items) out.push(item);
    return out;
  };
  return withDeadline(drain(), ms, what);
}
