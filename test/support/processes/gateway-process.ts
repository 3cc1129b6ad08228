import * as net from 'node:net';
import * as path from 'node:path';
import { TEST_CODEC_KEYS_ENV } from '../codec-keys';
import { ProcessGroup } from './process-group';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface GatewayProcessOptions {
  temporalAddress: string;
  taskQueue: string;
  databaseUrl: string;
  secretFile: string;
  workflowBundle: string;
  checkpointSink: string;
  /** CASEFLOW_IDEMPOTENCY_LEASE_SECONDS: how soon a dead process's key is taken over. */
  idempotencyLeaseSeconds: number;
}

export interface GatewayProcess {
  group: ProcessGroup;
  baseUrl: string;
}

/**
 * The production gateway entry (apps/gateway/src/main.ts, worker in process) as its own OS
 * process, run from source, on PostgreSQL: a test can SIGKILL it mid-request. Ready once it prints its URL.
 */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    CASEFLOW_STORE: 'postgres',
    CASEFLOW_PG_URL: options.databaseUrl,
    CASEFLOW_WORKER_IN_GATEWAY: 'true',
    CASEFLOW_AUTH_SECRET_FILE: options.secretFile,
    CASEFLOW_CODEC_KEYS: TEST_CODEC_KEYS_ENV,
    CASEFLOW_WORKFLOW_BUNDLE: options.workflowBundle,
    CASEFLOW_CHECKPOINT_SINK: options.checkpointSink,
    CASEFLOW_IDEMPOTENCY_LEASE_SECONDS: String(options.idempotencyLeaseSeconds),
    // A freshly started process on a shared machine may be slow to its first Temporal call; a 503 is not under test here.
    CASEFLOW_TEMPORAL_TIMEOUT_MS: '60000',
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: options.taskQueue,
  };
  const args = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/gateway/src/main.ts'];
  const group = ProcessGroup.spawn('gateway', process.execPath, args, { cwd: ROOT, env });
  await group.waitForOutput(/Caseflow gateway: \S+\/v1\/tickets/, 120_000);
  return { group, baseUrl: `http://127.0.0.1:${port}` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
