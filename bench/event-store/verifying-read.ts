/**
 * The verifying full read: verify('all') reads every event as stored and recomputes every hash
 * chain (and the stream heads), so its rate sits beside the plain full read. Adapters without hash
 * chains are left out. Stores register themselves as they are created (see bench.ts).
 */
import { isAuditable, type EventStore } from '@caseflow/event-store';

const stores: { name: string; store: EventStore }[] = [];

export function registerVerifiable(name: string, store: EventStore): void {
  if (isAuditable(store)) stores.push({ name, store });
}

export interface VerifyingRead {
  adapter: string;
  best: number;
  median: number;
  events: number;
}

/** Runs verify('all') `reps` times per store, interleaved; every run must verify. */
export async function measureVerifyingReads(reps: number): Promise<VerifyingRead[]> {
  const rates = stores.map(() => [] as number[]);
  const events = stores.map(() => 0);
  for (let rep = 0; rep < reps; rep++) {
    for (const [i, { name, store }] of stores.entries()) {
      if (!isAuditable(store)) continue;
      const start = performance.now();
      const report = await store.verify('all');
      const seconds = (performance.now() - start) / 1000;
      if (!report.ok) throw new Error(`${name}: verify('all') failed: ${report.failure?.message}`);
      rates[i].push(report.events / seconds);
      events[i] = report.events;
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return stores.map(({ name }, i) => ({
    adapter: name,
    best: Math.max(...rates[i]),
    median: median(rates[i]),
    events: events[i],
  }));
}
