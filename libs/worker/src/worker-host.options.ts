import type { WorkerOptions } from '@temporalio/worker';
import type { TemporalConfig } from '@caseflow/temporal';

export const TEMPORAL_CONFIG_FOR_WORKER = Symbol('TEMPORAL_CONFIG_FOR_WORKER');

export interface WorkerHostOptions {
  temporal: TemporalConfig;
  workflowSource?: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'>;
  /** Scheduled store checkpoints; none when absent. */
  checkpointEveryMs?: number;
}
