/**
 * The tickets projection, measured on PostgreSQL (a fresh database per run, dropped at the end):
 *
 *   cd bench/read-model && npm run bench      (env: CASEFLOW_PG_URL, BENCH_SCALE, BENCH_QUERIES)
 *
 * 1. Catch-up from empty over CATCH_UP_EVENTS ticket events (random lifecycles of the demo customers,
 *    personal data sealed as every process stores it), three ways: the rebuild path (keyset pages,
 *    one transaction per 2,000 events), the live subscription (rounds of 1,000, one transaction per
 *    round with its checkpoint), and the named alternative: one transaction per event (a subscription
 *    handler that applies each event with its checkpoint), on the first PER_EVENT events.
 * 2. TicketReadModel.list on LIST_TICKETS tickets, first page of 50, with the filters internal tools use
 *    most (customer + phase, assignee, SLA breached, free text, free text's next page), p50/p99 over
 *    BENCH_QUERIES queries each, interleaved; beside the named alternative: answering customer + phase
 *    by folding every ticket stream read from the event store (sealed: not even opening titles).
 * 3. The same filters as `GET /v1/tickets?…` over HTTP, one request at a time, through a gateway on
 *    the same database (an engineer's token; no worker, Temporal never called by reads).
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import {
  DataSubjects,
  SubjectKeys,
  createEventStore,
  openDatabase,
  type Database,
  type EventStore,
} from '@caseflow/event-store';
import { evolve, type TicketEvent, type TicketState } from '@caseflow/domain';
import { withCaseflowPersonalData } from '@caseflow/persistence';
import {
  PROJECTION_TABLES,
  PostgresTicketReadModel,
  ProjectorRunner,
  TICKET_EVENT_TYPES,
  TicketProjector,
  type TicketFilter,
} from '@caseflow/projections';
import { startGateway } from '../../test/support/gateway-harness';
import {
  CUSTOMERS,
  LifecycleGenerator,
  seededRandom,
  type GeneratedTicket,
} from '../../test/support/random-lifecycles';

const PG_URL = process.env.CASEFLOW_PG_URL || 'postgres://caseflow:caseflow@127.0.0.1:5432/caseflow';
const SCALE = Number(process.env.BENCH_SCALE || 1);
const CATCH_UP_EVENTS = Math.round(100_000 * SCALE);
const LIST_TICKETS = Math.round(100_000 * SCALE);
const PER_EVENT = Math.round(2_000 * SCALE);
const QUERIES = Number(process.env.BENCH_QUERIES || 200);
const DAY = 86_400_000;
const FROM = Date.UTC(2026, 0, 5, 6);
const SPAN_DAYS = 300;
const NOW = new Date(FROM + (SPAN_DAYS + 2) * DAY);

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_read_model_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const seconds = (start: number) => (performance.now() - start) / 1000;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const phase = (what: string) => console.error(`[${new Date().toISOString()}] ${what}`);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Ticket events in keyset pages (a server-side cursor held longer than the statement timeout fails). */
async function* ticketEventPages(store: { readAll: EventStore['readAll'] }, size: number) {
  let from = 1;
  for (;;) {
    const page = await store.readAll({ fromGlobalPosition: from, types: TICKET_EVENT_TYPES, limit: size });
    if (!page.length) return;
    yield page;
    from = page[page.length - 1].globalPosition + 1;
  }
}

async function countTicketEvents(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM es_events WHERE stream_id LIKE 'ticket-%'");
  return Number(rows[0].n);
}

async function emptyProjection(db: Database): Promise<void> {
  await db.exec(`TRUNCATE ${PROJECTION_TABLES.join(', ')}; DELETE FROM projection_checkpoints;`);
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase();
  const db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
  const keys = await SubjectKeys.open(db);
  const subjects = await DataSubjects.open(db);
  // Seeding only: each subject's key fetched once (the store asks for it per event otherwise).
  const keyCache = new Map<string, ReturnType<SubjectKeys['keyFor']>>();
  const seedingKeys = Object.assign(Object.create(keys) as SubjectKeys, {
    keyFor: (subject: string) => keyCache.get(subject) ?? keyCache.set(subject, keys.keyFor(subject)).get(subject)!,
  });
  const store = withCaseflowPersonalData(await createEventStore(db), seedingKeys);
  const projector = await TicketProjector.open(db, keys);
  const readModel = new PostgresTicketReadModel(db, keys, projector, store.sealed);
  const known = new Map<string, Promise<string>>();
  const subjectOf = (email: string) => known.get(email) ?? known.set(email, subjects.idFor(email)).get(email)!;
  const generator = new LifecycleGenerator(seededRandom(20261202), subjectOf);
  let tickets = 0;
  const openedAt = () => new Date(FROM + Math.floor(generator.random() * SPAN_DAYS * DAY)).toISOString();

  const appendAll = async (batch: GeneratedTicket[]) => {
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const t = batch[next++];
        await store.append(t.streamId, t.events, { expectedPosition: 0 });
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  };
  /** Generates tickets 500 at a time, appending one batch while the next is generated, until `enough`. */
  const seed = async (steps: () => number, enough: () => Promise<boolean> | boolean) => {
    let appending: Promise<void> = Promise.resolve();
    while (!(await enough())) {
      const batch: GeneratedTicket[] = [];
      for (let i = 0; i < 500; i++)
        batch.push(await generator.ticket({ number: `BENCH-${++tickets}`, openedAt: openedAt(), steps: steps() }));
      await appending;
      appending = appendAll(batch);
      if (tickets % 5_000 === 0) await appending; // `enough` counts what is stored
    }
    await appending;
  };

  try {
    console.log(
      `machine: ${cpus().length} cores, load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    let started = performance.now();
    await seed(
      () => 4 + Math.floor(generator.random() * 13),
      async () => (await countTicketEvents(db)) >= CATCH_UP_EVENTS,
    );
    const catchUpEvents = await countTicketEvents(db);
    const catchUpTickets = tickets;
    await db.exec('VACUUM ANALYZE');
    console.log(
      `seeded ${fmt(catchUpEvents)} events of ${fmt(catchUpTickets)} tickets in ${fmt(seconds(started), 1)} s`,
    );

    phase('warm-up');
    // Untimed warm-up: the SLA contexts (compiled calendars) are built once per process.
    for await (const batch of ticketEventPages(store.sealed, 2_000)) {
      await projector.applyBatch(batch);
      break;
    }
    await emptyProjection(db);

    phase('rebuild');
    started = performance.now();
    const rebuilt = await projector.rebuild(store.sealed, 2_000);
    const batchedRate = rebuilt.events / seconds(started);

    phase('live');
    await emptyProjection(db);
    started = performance.now();
    const runner = new ProjectorRunner(projector, store.sealed, { batchSize: 1_000, pollIntervalMs: 20 });
    runner.start();
    await runner.caughtUp();
    const liveRate = catchUpEvents / seconds(started);
    await runner.stop();

    phase('per-event');
    await emptyProjection(db);
    const sample = await store.sealed.readAll({ types: TICKET_EVENT_TYPES, limit: PER_EVENT });
    started = performance.now();
    for (const event of sample) await projector.applyBatch([event]);
    const perEventRate = sample.length / seconds(started);

    console.log(`\ncatch-up from empty: ${fmt(catchUpEvents)} events, ${fmt(catchUpTickets)} tickets      events/s`);
    console.log(`  batched (rebuild: batches of 2,000, one transaction each)        ${fmt(batchedRate).padStart(8)}`);
    console.log(`  live subscription (rounds of 1,000 + checkpoint, one transaction) ${fmt(liveRate).padStart(7)}`);
    console.log(
      `  alternative: one transaction per event (first ${fmt(sample.length)})        ${fmt(perEventRate).padStart(8)}`,
    );
    console.log(`  batched / per-event: ${fmt(batchedRate / perEventRate, 1)}x`);

    // Up to LIST_TICKETS tickets with short lifecycles, then follow them live.
    started = performance.now();
    await seed(
      () => Math.floor(generator.random() * 4),
      () => tickets >= LIST_TICKETS,
    );
    const totalEvents = await countTicketEvents(db);
    console.log(`\nseeded up to ${fmt(tickets)} tickets (${fmt(totalEvents)} events) in ${fmt(seconds(started), 1)} s`);
    started = performance.now();
    const follow = new ProjectorRunner(projector, store.sealed, { batchSize: 1_000, pollIntervalMs: 20 });
    follow.start();
    await follow.caughtUp();
    await follow.stop();
    const followed = totalEvents - sample.length;
    console.log(`live catch-up of the other ${fmt(followed)} events: ${fmt(followed / seconds(started))} events/s`);
    await db.exec('VACUUM ANALYZE');

    phase('lists');
    await benchLists(readModel, generator, db);
    phase('alternative');
    await alternativeFold(store, generator);
    phase('http');
    await benchListsOverHttp(scratch.url, generator, db);
  } finally {
    await store.close();
    await db.close();
    await scratch.drop();
  }
}

async function benchLists(readModel: PostgresTicketReadModel, generator: LifecycleGenerator, db: Database) {
  const { rows: assignees } = await db.query<{ assignee: string }>(
    'SELECT DISTINCT assignee FROM projection_tickets WHERE assignee IS NOT NULL',
  );
  const words = ['login', 'fails', 'gateway', 'timeout', 'report', 'blank', 'page', 'slow', 'crash', 'export', 'sync'];
  const kinds: Array<[string, () => TicketFilter, boolean]> = [
    [
      'customer + phase',
      () => ({ customerId: generator.pick(CUSTOMERS).id, phase: ['understand', 'fix', 'confirm'] }),
      false,
    ],
    ['assignee', () => ({ assignee: generator.pick(assignees).assignee }), false],
    ['SLA breached', () => ({ slaStatus: ['breached'] }), false],
    ['SLA warned or running', () => ({ slaStatus: ['warned', 'running'] }), false],
    ['free text (one word)', () => ({ text: generator.pick(words) }), false],
    ['free text (two words)', () => ({ text: `${generator.pick(words)} ${generator.pick(words)}` }), false],
    ['free text, next page (cursor)', () => ({ text: generator.pick(words) }), true],
  ];
  const timings = kinds.map(() => [] as number[]);
  const counts = kinds.map(() => 0);
  for (let round = 0; round < QUERIES + 5; round++) {
    for (const [i, [, filter, nextPage]] of kinds.entries()) {
      const f = filter();
      let cursor: string | undefined;
      if (nextPage) cursor = (await readModel.list(f, { limit: 50 }, NOW)).nextCursor ?? undefined;
      const start = performance.now();
      const page = await readModel.list(f, { limit: 50, cursor }, NOW);
      const ms = performance.now() - start;
      if (round >= 5) timings[i].push(ms);
      counts[i] += page.items.length;
    }
  }
  console.log(`\nlist, first page of 50, ${fmt(QUERIES)} queries each        p50 ms   p99 ms   items/page`);
  for (const [i, [name]] of kinds.entries()) {
    const sorted = timings[i].sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(34)} ${fmt(percentile(sorted, 0.5), 1).padStart(8)} ${fmt(percentile(sorted, 0.99), 1).padStart(8)} ${fmt(counts[i] / (QUERIES + 5), 1).padStart(10)}`,
    );
  }
}

/** `GET /v1/tickets?…` through a gateway on the bench's database, one request at a time. */
async function benchListsOverHttp(databaseUrl: string, generator: LifecycleGenerator, db: Database) {
  const gateway = await startGateway({
    numbersFrom: 0,
    databaseUrl,
    // Reads never call Temporal; nothing listens here, so a call would show as an error.
    temporalAddress: '127.0.0.1:1',
    worker: false,
    rateLimit: { limit: 10_000_000, windowMs: 60_000 },
  });
  try {
    const token = await gateway.token({ sub: 'eve', role: 'engineer', tier: 'L2' });
    const { rows: assignees } = await db.query<{ assignee: string }>(
      'SELECT DISTINCT assignee FROM projection_tickets WHERE assignee IS NOT NULL',
    );
    const words = ['login', 'gateway', 'timeout', 'report', 'slow', 'export'];
    const kinds: Array<[string, () => string]> = [
      ['customer + phase', () => `customer=${generator.pick(CUSTOMERS).id}&phase=understand,fix,confirm`],
      ['assignee', () => `assignee=${encodeURIComponent(generator.pick(assignees).assignee)}`],
      ['SLA breached', () => 'slaStatus=breached'],
      ['free text (one word)', () => `text=${generator.pick(words)}`],
    ];
    const timings = kinds.map(() => [] as number[]);
    const items = kinds.map(() => 0);
    for (let round = 0; round < QUERIES + 5; round++) {
      for (const [i, [name, query]] of kinds.entries()) {
        const start = performance.now();
        const response = await gateway.request('GET', `/v1/tickets?limit=50&${query()}`, { token });
        const body = (await response.json()) as { items?: unknown[] };
        const ms = performance.now() - start;
        if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${JSON.stringify(body)}`);
        if (round >= 5) timings[i].push(ms);
        items[i] += body.items?.length ?? 0;
      }
    }
    console.log(`
GET /v1/tickets over HTTP, limit 50, ${fmt(QUERIES)} requests each   p50 ms   p99 ms   items/page`);
    for (const [i, [name]] of kinds.entries()) {
      const sorted = timings[i].sort((a, b) => a - b);
      console.log(
        `  ${name.padEnd(34)} ${fmt(percentile(sorted, 0.5), 1).padStart(8)} ${fmt(percentile(sorted, 0.99), 1).padStart(8)} ${fmt(items[i] / (QUERIES + 5), 1).padStart(10)}`,
      );
    }
  } finally {
    await gateway.close();
  }
}

/** The alternative: customer + phase answered by folding every ticket stream from the store. */
async function alternativeFold(store: ReturnType<typeof withCaseflowPersonalData>, generator: LifecycleGenerator) {
  const customerId = generator.pick(CUSTOMERS).id;
  const start = performance.now();
  const states = new Map<string, TicketState>();
  let events = 0;
  for await (const batch of ticketEventPages(store.sealed, 2_000)) {
    for (const e of batch) {
      states.set(
        e.streamId,
        evolve(states.get(e.streamId), { type: e.type, data: e.data } as TicketEvent, e.metadata.occurredAt),
      );
      events++;
    }
  }
  const page = [...states.values()]
    .filter((s) => s.customerId === customerId && ['understand', 'fix', 'confirm'].includes(s.phase))
    .sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : a.number < b.number ? 1 : -1))
    .slice(0, 50);
  const ms = performance.now() - start;
  console.log(
    `  alternative: fold every stream from the store (customer + phase) ${fmt(ms, 0).padStart(8)} ms once (${fmt(events)} events, ${page.length} items)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
