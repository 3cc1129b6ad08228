/** The same pseudo-random workload for both engines: start instants (ms) and business minutes. */
export interface Workload {
  starts: number[];
  ends: number[];
  minutes: number[];
}

export function makeWorkload(count: number, fromMs: number, toMs: number, seed = 42): Workload {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const minuteOf = (ms: number) => Math.floor(ms / 60000) * 60000;
  const starts: number[] = [];
  const ends: number[] = [];
  const minutes: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = minuteOf(fromMs + next() * (toMs - fromMs));
    starts.push(start);
    ends.push(minuteOf(start + next() * 30 * 86400000));
    minutes.push(1 + Math.floor(next() * 40 * 60)); // up to 40 business hours
  }
  return { starts, ends, minutes };
}

export interface EngineFigures {
  engine: string;
  deadlinesPerSecond: number;
  elapsedPerSecond: number;
  deadlineSample: number[];
  elapsedSample: number[];
}

/** Runs fn over the workload until at least minMs passed; returns operations per second. */
export function measure(count: number, minMs: number, fn: (i: number) => number): number {
  let operations = 0;
  let sink = 0;
  for (let i = 0; i < Math.min(count, 2000); i++) sink += fn(i); // let the JIT see the code first
  const started = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    for (let i = 0; i < count; i++) sink += fn(i);
    operations += count;
    elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  }
  if (sink === -1) console.log('unreachable');
  return (operations / elapsedMs) * 1000;
}
