/**
 * The gateway under load beside a bare NestJS endpoint, same process, same run:
 *
 *   npm install && npm run bench        (env: BENCH_CONNECTIONS (default 10), BENCH_SECONDS (default 10))
 *
 * open-ticket: POST /v1/tickets (a manager's token: authentication, rate limit, validation, the
 * directory, a ticket number from PostgreSQL, the owner row, a Temporal workflow start; the
 * worker in the same process then identifies each ticket) against POST /bare/tickets.
 * get-ticket: GET /v1/tickets/{number} (token, the owner table, the ticket's row in the read
 * side's projection) against GET /bare/tickets/{number}. autocannon at fixed concurrency, a warm-up first;
 * requests/s, p50 and p99 latency, and the gateway's share of the bare rate. Needs
 * `bash scripts/setup.sh` (the Temporal CLI, PostgreSQL).
 */
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { registerSearchAttributes } from '@caseflow/temporal';
import { startGateway } from '../../test/support/gateway-harness';
import { loadToolEnv } from '../../test/support/tool-env';
import { requiredTool } from '../../test/support/tools';
import { startBareApp } from './bare-app';
import { balasysSessionsDropBody } from '../../test/support/ticket-fixtures';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(url: string, options: Partial<autocannon.Options>, seconds = SECONDS): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, ...options });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  loadToolEnv();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const temporal = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: requiredTool('CASEFLOW_TEMPORAL_CLI') },
      extraArgs: ['--log-level', 'error'],
    },
  });
  await registerSearchAttributes(temporal.connection, 'default');
  process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS = temporal.address;
  const gateway = await startGateway({ numbersFrom: 0, rateLimit: { limit: 10_000_000, windowMs: 60_000 } });
  const bare = await startBareApp();
  try {
    const token = await gateway.token({ sub: 'mia', role: 'manager' });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const body = JSON.stringify(balasysSessionsDropBody);
    const opened = await gateway.request('POST', '/v1/tickets', { token, body: JSON.parse(body) });
    const { number } = (await opened.json()) as { number: string };
    await gateway.eventually(
      async () => ((await (await gateway.request('GET', `/v1/tickets/${number}`, { token })).ok) ? true : undefined),
      'the ticket to answer',
    );

    const scenarios: Array<[string, () => Promise<Figures>, () => Promise<Figures>]> = [
      [
        'open-ticket',
        () => load(`${gateway.baseUrl}/v1/tickets`, { method: 'POST', headers, body }),
        () => load(`${bare.baseUrl}/bare/tickets`, { method: 'POST', headers, body }),
      ],
      [
        'get-ticket',
        () => load(`${gateway.baseUrl}/v1/tickets/${number}`, { headers }),
        () => load(`${bare.baseUrl}/bare/tickets/${number}`, { headers }),
      ],
    ];
    console.log(
      `${cpus().length} cores, load ${loadavg()[0].toFixed(2)}; ${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    const rows: string[][] = [];
    for (const [name, caseflow, nest] of scenarios) {
      await load(`${bare.baseUrl}/bare/tickets/${number}`, {}, 2); // warm-up
      const ours = await caseflow();
      const theirs = await nest();
      rows.push([
        name,
        ...[ours, theirs].flatMap((f) => [f.rps.toFixed(0), `${f.p50} ms`, `${f.p99} ms`, String(f.non2xx)]),
        `${((ours.rps / theirs.rps) * 100).toFixed(1)} %`,
      ]);
    }
    const head = [
      'scenario',
      ...['gateway', 'bare Nest'].flatMap((who) => ['req/s', 'p50', 'p99', 'non-2xx'].map((f) => `${who} ${f}`)),
      'gateway/bare',
    ];
    console.table(rows.map((row) => Object.fromEntries(row.map((cell, i) => [head[i], cell]))));
  } finally {
    await bare.app.close();
    await gateway.close();
    await temporal.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
