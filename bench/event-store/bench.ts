/**
 * Caseflow's event store adapters beside Emmett's PostgreSQL store, same server, same run.
 *
 *   npm install && npm run bench           (env: CASEFLOW_PG_URL, CASEFLOW_KURRENTDB_URL, BENCH_SCALE)
 *
 * A fresh database is created for the run (role needs CREATEDB) and dropped at the end.
 * Scenarios: 1 writer appending single events (own stream, expected position checked);
 * 32 concurrent writers (each its own stream, expected position checked); 1 writer appending
 * batches of 100; a full read of everything in global order twice (readAll pages of 5,000, and
 * readAllInBatches: batches of 1,000, read ahead; Emmett its batch reader at both sizes) and a read of one
 * long stream (LONG_STREAM events). Each append scenario runs BENCH_REPS times (default 3), each
 * read BENCH_READ_REPS times (default 7) after a warm-up, adapters interleaved; the best rate of each
 * is printed (reads also their median), with the machine's load average around the reads.
 * Server adapters (with Emmett) and embedded ones (PGlite) run in separate processes, one after the
 * other (GROUPS), so no adapter pays for another's heap; the table merges them.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { Client } from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { dumbo } from '@event-driven-io/dumbo';
import {
  createEventStore,
  createKurrentEventStore,
  readAllInBatches,
  openDatabase,
  type Database,
  type EventStore,
  type NewEvent,
} from '@caseflow/event-store';
import { measureVerifyingReads, registerVerifiable, type VerifyingRead } from './verifying-read';

const PG_URL = process.env.CASEFLOW_PG_URL || 'postgres://caseflow:caseflow@127.0.0.1:5432/caseflow';
const KURRENT_URL = process.env.CASEFLOW_KURRENTDB_URL;
const SCALE = Number(process.env.BENCH_SCALE || 1);

const SINGLE = Math.round(400 * SCALE);
const WRITERS = 32;
const PER_WRITER = Math.round(100 * SCALE);
const BATCH = 100;
const BATCHES = Math.round(50 * SCALE);
const READ_SEED_BATCHES = Math.round(150 * SCALE); // × 500 events, on top of the above
const READ_BATCH = 1000;
const REPS = Number(process.env.BENCH_REPS || 3);
const READ_REPS = Number(process.env.BENCH_READ_REPS || 7);
const LONG_STREAM = Math.round(20_000 * SCALE); // one stream, read whole with readStream

interface Adapter {
  name: string;
  append(stream: string, events: NewEvent[], expected: number): Promise<void>;
  readAllCount(): Promise<number>;
  /** The whole log again, through the adapter's batched read (batches of READ_BATCH). */
  readAllBatchedCount(): Promise<number>;
  readStreamCount(stream: string): Promise<number>;
  /**
   * After seeding: VACUUM (ANALYZE) of the database the adapter opened, so autovacuum of the fresh
   * rows does not run during the reads. Absent where another adapter's database holds the tables.
   */
  settle?(): Promise<void>;
  close(): Promise<void>;
}

const payload = (i: number): NewEvent => ({
  id: randomUUID(),
  type: i % 3 ? 'TicketNoteAdded' : 'TicketStatusChanged',
  data: {
    ticket: i,
    body: 'Customer reports the export button does nothing on Safari 17.',
    status: 'open',
    tags: ['export', 'safari'],
  },
  metadata: {
    actor: 'agent:42',
    occurredAt: '2026-01-05T10:00:00.000Z',
    correlationId: 'corr-' + i,
    policyVersion: 'sla-2026-01',
  },
});

function caseflow(name: string, store: EventStore, db?: Database): Adapter {
  registerVerifiable(name, store);
  return {
    name,
    async append(stream, events, expected) {
      await store.append(stream, events, { expectedPosition: expected });
    },
    async readAllCount() {
      let from = 0;
      let count = 0;
      for (;;) {
        const page = await store.readAll({ fromGlobalPosition: from, limit: 5000 });
        if (!page.length) return count;
        count += page.length;
        from = page[page.length - 1].globalPosition + 1;
      }
    },
    async readAllBatchedCount() {
      let count = 0;
      for await (const batch of readAllInBatches(store, { batchSize: READ_BATCH })) count += batch.length;
      return count;
    },
    async readStreamCount(stream) {
      return (await store.readStream(stream)).length;
    },
    async settle() {
      // On the server this is the whole bench database, Emmett's tables included.
      await db?.exec('VACUUM (ANALYZE)');
    },
    async close() {
      await store.close();
      await db?.close();
    },
  };
}

function emmett(url: string): Adapter {
  const store = getPostgreSQLEventStore(url);
  const pool = dumbo({ connectionString: url });
  const readAllCount = async (batchSize: number): Promise<number> => {
    let after = 0n;
    let count = 0;
    for (;;) {
      const batch = await readMessagesBatch(pool.execute, { after, batchSize });
      count += batch.messages.length;
      if (!batch.messages.length || !batch.areMessagesLeft) return count;
      after = batch.currentGlobalPosition;
    }
  };
  return {
    name: 'Emmett 0.42 (PostgreSQL)',
    async append(stream, events, expected) {
      await store.appendToStream(
        stream,
        events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata })),
        { expectedStreamVersion: BigInt(expected) },
      );
    },
    readAllCount: () => readAllCount(5000),
    // Emmett's own batch reader, at the same batch size (it has no cursor read).
    readAllBatchedCount: () => readAllCount(READ_BATCH),
    async readStreamCount(stream) {
      return (await store.readStream(stream)).events.length;
    },
    async close() {
      await store.close();
      await pool.close();
    },
  };
}

type Row = {
  adapter: string;
  single: number;
  concurrent: number;
  batched: number;
  read: number;
  readMedian: number;
  readBatched: number;
  readBatchedMedian: number;
  stream: number;
  streamMedian: number;
  events: number;
};
type Scenario = 'single' | 'concurrent' | 'batched' | 'read' | 'readBatched' | 'stream';

const now = () => performance.now();

/** Runs one scenario once; returns its rate (appends/s, events/s). */
async function runScenario(adapter: Adapter, scenario: Scenario, tag: string): Promise<number> {
  const start = now();
  switch (scenario) {
    case 'single':
      for (let i = 0; i < SINGLE; i++) await adapter.append(`single-${tag}`, [payload(i)], i);
      return SINGLE / ((now() - start) / 1000);
    case 'concurrent':
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          for (let i = 0; i < PER_WRITER; i++) await adapter.append(`conc-${tag}-${w}`, [payload(i)], i);
        }),
      );
      return (WRITERS * PER_WRITER) / ((now() - start) / 1000);
    case 'batched':
      for (let b = 0; b < BATCHES; b++) {
        await adapter.append(
          `batch-${tag}`,
          Array.from({ length: BATCH }, (_, i) => payload(i)),
          b * BATCH,
        );
      }
      return (BATCHES * BATCH) / ((now() - start) / 1000);
    case 'read': {
      const events = await adapter.readAllCount();
      return events / ((now() - start) / 1000);
    }
    case 'readBatched': {
      const events = await adapter.readAllBatchedCount();
      return events / ((now() - start) / 1000);
    }
    case 'stream': {
      const events = await adapter.readStreamCount('long');
      if (events !== LONG_STREAM)
        throw new Error(`${adapter.name}: read ${events} events of the long stream, expected ${LONG_STREAM}`);
      return events / ((now() - start) / 1000);
    }
  }
}

/**
 * The machine is shared and noisy: every scenario runs REPS times, adapters interleaved (so no
 * adapter gets a quiet or a busy minute to itself), and the best rate of each is reported.
 */
async function measureAll(adapters: Adapter[]): Promise<Row[]> {
  const best = adapters.map((a) => ({
    adapter: a.name,
    single: 0,
    concurrent: 0,
    batched: 0,
    read: 0,
    readMedian: 0,
    readBatched: 0,
    readBatchedMedian: 0,
    stream: 0,
    streamMedian: 0,
    events: 0,
  }));
  for (const a of adapters) await a.append(`warm-${randomUUID()}`, [payload(0)], 0);
  for (let rep = 0; rep < REPS; rep++) {
    for (const scenario of ['single', 'concurrent', 'batched'] as const) {
      for (const [i, a] of adapters.entries()) {
        const rate = await runScenario(a, scenario, `${rep}-${randomUUID().slice(0, 6)}`);
        best[i][scenario] = Math.max(best[i][scenario], rate);
      }
    }
  }
  for (const a of adapters) {
    process.stderr.write(`seeding ${a.name} for the read…\n`);
    for (let b = 0; b < READ_SEED_BATCHES; b++) {
      await a.append(
        `seed-${b % 50}`,
        Array.from({ length: 500 }, (_, i) => payload(i)),
        Math.floor(b / 50) * 500,
      );
    }
    for (let b = 0; b < LONG_STREAM / 500; b++) {
      await a.append(
        'long',
        Array.from({ length: 500 }, (_, i) => payload(i)),
        b * 500,
      );
    }
  }
  // Once everything is written, so no database is vacuumed before another adapter's seed lands in it.
  for (const a of adapters) await a.settle?.();
  for (const a of adapters) {
    // Warm-up: server caches, the JIT, the driver's pools.
    await a.readAllCount();
    await a.readAllBatchedCount();
    await a.readStreamCount('long');
  }
  loadBeforeReads = loadavg()[0];
  const rates = adapters.map(() => ({ read: [] as number[], readBatched: [] as number[], stream: [] as number[] }));
  for (let rep = 0; rep < READ_REPS; rep++) {
    for (const [i, a] of adapters.entries()) {
      rates[i].read.push(await runScenario(a, 'read', ''));
      rates[i].readBatched.push(await runScenario(a, 'readBatched', ''));
      rates[i].stream.push(await runScenario(a, 'stream', ''));
    }
  }
  loadAfterReads = loadavg()[0];
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const [i, r] of rates.entries()) {
    best[i].read = Math.max(...r.read);
    best[i].readMedian = median(r.read);
    best[i].readBatched = Math.max(...r.readBatched);
    best[i].readBatchedMedian = median(r.readBatched);
    best[i].stream = Math.max(...r.stream);
    best[i].streamMedian = median(r.stream);
  }
  for (const [i, a] of adapters.entries()) best[i].events = await a.readAllCount();
  return best;
}

let loadBeforeReads = 0;
let loadAfterReads = 0;

/** Adapters measured together in one process; each group gets a process of its own (see main). */
const GROUPS: Record<string, string[]> = {
  // The server adapters and the named alternative, interleaved: their figures are compared.
  server: ['emmett', 'pg', 'kurrent'],
  // PGlite keeps its database (WASM memory and its JS objects) in the process; in the server
  // group's process it slowed the server adapter's full read by a fifth (more GC work).
  embedded: ['pglite', 'pglite-inline'],
};

interface GroupResult {
  group: string;
  rows: Row[];
  verifying: VerifyingRead[];
  notRun: string[];
  loadAtStart: number;
  loadBeforeReads: number;
  loadAfterReads: number;
}

async function runGroup(group: string): Promise<GroupResult> {
  const members = GROUPS[group];
  if (!members) throw new Error(`Unknown BENCH_GROUP "${group}" (one of ${Object.keys(GROUPS).join(', ')})`);
  const loadAtStart = loadavg()[0];
  const dbName = `caseflow_bench_${process.pid}_${Date.now() % 100000}`;
  const admin = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL unreachable at ${PG_URL} (${(error as Error).message}): run \`bash scripts/setup.sh\``);
  }
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(PG_URL);
  url.pathname = `/${dbName}`;
  const benchUrl = url.toString();
  const rows: Row[] = [];
  const verifying: VerifyingRead[] = [];
  const notRun: string[] = [];
  try {
    const factories: [string, () => Promise<Adapter>][] = [
      ['emmett', async () => emmett(benchUrl)],
      [
        'pg',
        async () => {
          const db = await openDatabase({ kind: 'postgres', connectionString: benchUrl, schema: 'caseflow' });
          return caseflow('Caseflow PostgreSQL (server)', await createEventStore(db), db);
        },
      ],
      [
        'pglite',
        async () => {
          const db = await openDatabase({ kind: 'pglite' });
          return caseflow('Caseflow PostgreSQL (PGlite, worker)', await createEventStore(db), db);
        },
      ],
      [
        'pglite-inline',
        async () => {
          const db = await openDatabase({ kind: 'pglite', thread: 'inline' });
          return caseflow('Caseflow PostgreSQL (PGlite, inline)', await createEventStore(db), db);
        },
      ],
    ];
    if (KURRENT_URL)
      factories.push([
        'kurrent',
        async () => caseflow('Caseflow KurrentDB', await createKurrentEventStore({ connectionString: KURRENT_URL })),
      ]);
    else if (members.includes('kurrent'))
      notRun.push('NOT RUN: KurrentDB (no connection string; set CASEFLOW_KURRENTDB_URL)');
    const adapters: Adapter[] = [];
    try {
      for (const [key, make] of factories) if (members.includes(key)) adapters.push(await make());
      process.stderr.write(
        `[${group}] running ${adapters.map((a) => a.name).join(', ')} (${REPS} interleaved reps)…\n`,
      );
      rows.push(...(await measureAll(adapters)));
      verifying.push(...(await measureVerifyingReads(READ_REPS)));
    } finally {
      for (const a of adapters) await a.close().catch(() => undefined);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
  return { group, rows, verifying, notRun, loadAtStart, loadBeforeReads, loadAfterReads };
}

/** Runs one group in a child process (this script with BENCH_GROUP set) and returns its figures. */
function runGroupProcess(group: string): GroupResult {
  const out = join(mkdtempSync(join(tmpdir(), 'caseflow-bench-')), 'result.json');
  const child = spawnSync(
    process.execPath,
    [require.resolve('ts-node/dist/bin.js'), '--project', join(__dirname, 'tsconfig.json'), __filename],
    {
      env: { ...process.env, BENCH_GROUP: group, BENCH_RESULT_FILE: out },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (child.status !== 0) throw new Error(`bench group "${group}" failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(readFileSync(out, 'utf8')) as GroupResult;
}

async function main(): Promise<void> {
  if (process.env.BENCH_GROUP) {
    const result = await runGroup(process.env.BENCH_GROUP);
    writeFileSync(process.env.BENCH_RESULT_FILE ?? 'bench-result.json', JSON.stringify(result));
    return;
  }
  const results = Object.keys(GROUPS).map(runGroupProcess);
  const rows = results.flatMap((r) => r.rows);
  const verifying = results.flatMap((r) => r.verifying);
  const notRun = results.flatMap((r) => r.notRun);

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const header = [
    'adapter',
    '1 writer appends/s',
    `${WRITERS} writers appends/s`,
    `batches of ${BATCH} events/s`,
    'full read events/s (median)',
    `batched full read events/s (median)`,
    `stream of ${fmt(LONG_STREAM)} events/s (median)`,
    'events read',
  ];
  const table = [
    header,
    ...rows.map((r) => [
      r.adapter,
      fmt(r.single),
      fmt(r.concurrent),
      fmt(r.batched),
      `${fmt(r.read)} (${fmt(r.readMedian)})`,
      `${fmt(r.readBatched)} (${fmt(r.readBatchedMedian)})`,
      `${fmt(r.stream)} (${fmt(r.streamMedian)})`,
      fmt(r.events),
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  console.log(
    `\nevent store bench — PostgreSQL ${PG_URL.replace(/\/\/[^@]*@/, '//')}, scale ${SCALE}, best of ${REPS} interleaved reps (reads: ${READ_REPS}), ${new Date().toISOString()}`,
  );
  for (const r of results) {
    console.log(
      `process "${r.group}": ${cpus().length} cores, load average (1 min) ${r.loadAtStart.toFixed(2)} at start, ` +
        `${r.loadBeforeReads.toFixed(2)} before the reads, ${r.loadAfterReads.toFixed(2)} after`,
    );
  }
  for (const row of table) console.log(row.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  '));
  const base = rows.find((r) => r.adapter.startsWith('Emmett'));
  const ours = rows.find((r) => r.adapter === 'Caseflow PostgreSQL (server)');
  if (base && ours) {
    console.log(
      `\n${WRITERS} writers: Caseflow server / Emmett = ${(ours.concurrent / base.concurrent).toFixed(1)}x (goal >= 3x)`,
    );
    console.log(
      `full read, readAll pages of 5,000: Caseflow server ${fmt(ours.read)} events/s best, ${fmt(ours.readMedian)} median; Emmett ${fmt(base.read)}`,
    );
    console.log(
      `full read, batches of ${fmt(READ_BATCH)} (readAllInBatches: cursor, read-ahead): Caseflow server ${fmt(ours.readBatched)} events/s best, ` +
        `${fmt(ours.readBatchedMedian)} median (goal > 200,000); Emmett ${fmt(base.readBatched)}`,
    );
    console.log(
      `stream read: Caseflow server ${fmt(ours.stream)} events/s best, ${fmt(ours.streamMedian)} median; Emmett ${fmt(base.stream)}`,
    );
  }
  for (const v of verifying) {
    const plain = rows.find((r) => r.adapter === v.adapter);
    console.log(
      `verifying full read (every hash chain recomputed): ${v.adapter} ${fmt(v.best)} events/s best, ${fmt(v.median)} median, ${fmt(v.events)} events; plain ${fmt(plain?.read ?? 0)}`,
    );
  }
  for (const line of notRun) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
