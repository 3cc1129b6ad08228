import { TEST_CODEC_KEYS_ENV } from '../codec-keys';
import * as path from 'node:path';
import { ProcessGroup } from './process-group';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The production worker entry, and the drill worker (same modules, with a crash point or short SLA targets). */
export const WORKER_ENTRIES = {
  production: 'apps/worker/src/main.ts',
  drill: 'test/support/processes/drill-worker.main.ts',
} as const;

export interface WorkerProcessOptions {
  entry: keyof typeof WORKER_ENTRIES;
  temporalAddress: string;
  taskQueue: string;
  databaseUrl: string;
  /** A prebuilt workflow bundle: every worker start would otherwise run webpack. */
  workflowBundle: string;
  /** Where the scheduled store checkpoints go (a scratch file, never data/). */
  checkpointSink: string;
  /** Variables only the drill worker reads (CASEFLOW_DRILL_*). */
  drill?: Record<string, string>;
}

/**
 * A Caseflow worker as its own OS process, run from source (ts-node, package names through
 * tsconfig-paths) so the suite needs no prior build. Ready once it logs that it polls.
 */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<ProcessGroup> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.drill,
    CASEFLOW_STORE: 'postgres',
    CASEFLOW_CODEC_KEYS: TEST_CODEC_KEYS_ENV,
    CASEFLOW_PG_URL: options.databaseUrl,
    CASEFLOW_SEED_DIRECTORY: 'false',
    CASEFLOW_WORKFLOW_BUNDLE: options.workflowBundle,
    CASEFLOW_CHECKPOINT_SINK: options.checkpointSink,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: options.taskQueue,
  };
  const args = [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    WORKER_ENTRIES[options.entry],
  ];
  const worker = ProcessGroup.spawn(`${options.entry} worker`, process.execPath, args, { cwd: ROOT, env });
  await worker.waitForOutput(/worker polling \S+ at \S+/, 90_000);
  return worker;
}
