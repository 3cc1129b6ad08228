/**
 * Caseflow's payload codec, and what it costs a ticket.
 *
 *   cd bench/codec && npm run bench          (env: BENCH_LIFECYCLES, default 20 per side; BENCH_REPS, default 15)
 *
 * 1. Per payload, encode + decode in µs, for a small update argument, a typical ticket input and a
 *    large ticket state, beside: the JSON payload converter alone (what every payload costs without
 *    a codec), AES-256-GCM with the raw key bytes passed to createCipheriv on each call, and
 *    WebCrypto subtle AES-GCM (the approach of temporalio/samples-typescript `encryption`).
 *    Each figure is the median of BENCH_REPS timed batches after a warm-up.
 * 2. A ticket's whole lifecycle (open, identify, respond, hotfix, resolve, accept, feedback, close)
 *    on the time-skipping test server with the real activities on PostgreSQL (the lifecycle harness),
 *    with the codec and without, alternating, BENCH_LIFECYCLES times each.
 * Needs `bash scripts/setup.sh` (Temporal's test server, PostgreSQL).
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { CodecKeyRing, EncryptionCodec, generateKeyEntry } from '@caseflow/codec';
import { engineer, LifecycleHarness } from '../../test/support/lifecycle-harness';
import { loadToolEnv } from '../../test/support/tool-env';
import { isSearchAttribute, scanHistory } from '../../test/support/history-payloads';
import { anna, balasysS1 } from '../../test/int/lifecycle/fixtures';
import { rawKeyCodec, webCryptoCodec, type Codec } from './alternatives';

const REPS = Number(process.env.BENCH_REPS || 15);
const LIFECYCLES = Number(process.env.BENCH_LIFECYCLES || 20);
const BATCH_MS = 150;

const description = 'Every session ends after five minutes since the 7.1 upgrade. '.repeat(24);
const payloads: Record<string, unknown> = {
  'small: update argument': {
    actor: { id: 'eve.engineer', role: 'engineer' },
    command: { type: 'respond', message: 'We are on it.', eta: '2030-01-01T10:00:00Z' },
  },
  'typical: ticket input': {
    number: 'CF-2026-000001',
    customerId: 'balasys-demo',
    requester: 'anna.kovacs@example.com',
    title: 'Sessions drop after the 7.1 upgrade',
    description,
    severity: 'S1',
    product: 'zorp-gateway',
    productVersion: '7.1',
  },
  'large: ticket state': {
    number: 'CF-2026-000001',
    phase: 'understand',
    timeline: Array.from({ length: 60 }, (_, i) => ({
      type: 'NoteAdded',
      at: `2026-01-0${(i % 9) + 1}T10:00:00Z`,
      actor: 'engineer:eve',
      note: `Step ${i}: ${description.slice(0, 400)}`,
    })),
  },
};

/** How many calls of `op` take about BATCH_MS. */
async function batchSize(op: () => unknown): Promise<number> {
  let calls = 1;
  for (let start = performance.now(); performance.now() - start < 50; calls *= 2)
    for (let i = 0; i < calls; i++) await op();
  const start = performance.now();
  for (let i = 0; i < calls; i++) await op();
  return Math.max(1, Math.round((calls * BATCH_MS) / Math.max(0.01, performance.now() - start)));
}

/**
 * µs per call of each op: REPS rounds, each timing one batch of every op in turn (so a burst of
 * load on the shared machine hits all of them alike); the median round per op.
 */
async function microseconds(ops: Array<() => unknown>): Promise<number[]> {
  const sizes: number[] = [];
  for (const op of ops) sizes.push(await batchSize(op));
  const samples: number[][] = ops.map(() => []);
  for (let rep = 0; rep < REPS; rep++)
    for (const [k, op] of ops.entries()) {
      const start = performance.now();
      for (let i = 0; i < sizes[k]; i++) await op();
      samples[k].push(((performance.now() - start) * 1000) / sizes[k]);
    }
  return samples.map(median);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Prints the table; returns the Caseflow codec's µs for the typical payload. */
async function perPayload(): Promise<number> {
  const entry = generateKeyEntry();
  const caseflow = new EncryptionCodec(CodecKeyRing.of([entry], 'bench'));
  const variants: Array<[string, Codec]> = [
    [
      'Caseflow codec (KeyObject reused)',
      { encode: (p) => caseflow.encodeOne(p), decode: (p) => caseflow.decodeOne(p) },
    ],
    ['createCipheriv, raw key per call', rawKeyCodec(entry.secret)],
    ['WebCrypto subtle (samples-typescript)', await webCryptoCodec(entry.secret)],
  ];
  console.log('\n1. encode + decode per payload, µs (median of %d rounds, variants interleaved)\n', REPS);
  const header = ['payload', 'bytes', 'JSON converter only (no codec)', ...variants.map(([name]) => name)];
  const rows: string[][] = [];
  for (const [name, value] of Object.entries(payloads)) {
    const payload: Payload = defaultPayloadConverter.toPayload(value);
    for (const [variant, codec] of variants) {
      const check = await codec.decode(await codec.encode(payload));
      if (Buffer.compare(Buffer.from(check.data!), Buffer.from(payload.data!)) !== 0)
        throw new Error(`${variant}: round trip failed`);
    }
    const figures = await microseconds([
      () => defaultPayloadConverter.fromPayload(defaultPayloadConverter.toPayload(value)),
      ...variants.map(
        ([, codec]) =>
          async () =>
            codec.decode(await codec.encode(payload)),
      ),
    ]);
    const cells = [name, String(payload.data!.length), ...figures.map((us) => us.toFixed(1))];
    rows.push(cells);
  }
  printTable(header, rows);
  return Number(rows[1][3]);
}

async function lifecycle(h: LifecycleHarness): Promise<{ ms: number; workflowId: string }> {
  const start = performance.now();
  const handle = await h.open({ ...balasysS1, description });
  await h.waitForPhase(handle, 'understand');
  await h.command(handle, engineer, { type: 'respond', message: 'We are on it.' });
  await h.command(handle, engineer, { type: 'applyHotfix', description: 'Hotfix 7.1.2-hf1 applied.' });
  await h.command(handle, engineer, {
    type: 'resolve',
    solution: 'Patched.',
    measures: 'Restarted.',
    prevention: 'Upgrade.',
  });
  await h.command(handle, anna, { type: 'accept' });
  await h.command(handle, anna, { type: 'giveFeedback', score: 5, comment: 'Fast.' });
  const final = await h.result(handle);
  if (final.phase !== 'closed') throw new Error(`lifecycle ended in ${final.phase}`);
  return { ms: performance.now() - start, workflowId: handle.workflowId };
}

/** Payloads (search attributes aside) in a closed lifecycle's history: what the codec sealed once each. */
async function payloadsInHistory(h: LifecycleHarness, workflowId: string): Promise<number> {
  const raw = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
  const { payloads } = scanHistory(await raw.workflow.getHandle(workflowId).fetchHistory());
  return payloads.filter((found) => !isSearchAttribute(found)).length;
}

async function endToEnd(typicalMicroseconds: number): Promise<void> {
  console.log('\n2. ticket lifecycle end to end, ms (time-skipping server, real activities on PostgreSQL)\n');
  const withCodec = await LifecycleHarness.start();
  const without = await LifecycleHarness.start({ codec: 'none' });
  // The claim check (docs/codec.md) seals personal texts into the vault before Temporal sees them.
  const codecOnly = await LifecycleHarness.start({ claimCheck: false });
  try {
    await lifecycle(withCodec);
    await lifecycle(without);
    await lifecycle(codecOnly);
    const times = { codec: [] as number[], none: [] as number[], codecOnly: [] as number[] };
    let last = '';
    for (let i = 0; i < LIFECYCLES; i++) {
      const sealed = await lifecycle(withCodec);
      times.codec.push(sealed.ms);
      last = sealed.workflowId;
      times.none.push((await lifecycle(without)).ms);
      times.codecOnly.push((await lifecycle(codecOnly)).ms);
    }
    const row = (name: string, samples: number[]): string[] => [
      name,
      median(samples).toFixed(0),
      Math.min(...samples).toFixed(0),
      Math.max(...samples).toFixed(0),
    ];
    printTable(
      ['data converter', 'median', 'min', 'max'],
      [
        row('Caseflow codec + claim check', times.codec),
        row('Caseflow codec, texts in the workflow', times.codecOnly),
        row('none (SDK default JSON) + claim check', times.none),
      ],
    );
    const delta = median(times.codec) - median(times.none);
    console.log(
      `\ncodec − none: ${delta.toFixed(0)} ms per lifecycle (${((delta / median(times.none)) * 100).toFixed(1)}%), ` +
        `${LIFECYCLES} lifecycles each; load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    const sealed = await payloadsInHistory(withCodec, last);
    console.log(
      `one lifecycle's history holds ${sealed} encrypted payloads: at the typical payload's ${typicalMicroseconds} µs per ` +
        `encode + decode, the codec's own work is about ${((sealed * typicalMicroseconds) / 1000).toFixed(1)} ms of it`,
    );
    const claim = median(times.codec) - median(times.codecOnly);
    console.log(`claim check − texts in the workflow: ${claim.toFixed(0)} ms per lifecycle (vault writes and reads)`);
  } finally {
    await withCodec.stop();
    await without.stop();
    await codecOnly.stop();
  }
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  loadToolEnv();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  console.log(
    `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await endToEnd(await perPayload());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
