import type { WorkerOptions } from '@temporalio/worker';
import type { TemporalConfig } from '../../../libs/temporal/src/temporal.config';

export const TEMPORAL_CONFIG_FOR_WORKER = Symbol('TEMPORAL_CONFIG_FOR_WORKER');

export interface WorkerHostOptions {
  temporal: TemporalConfig;
  workflowSource?: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;
  /** Scheduled store checkpoints; none when absent. */
  checkpointEveryMs?: number;
}
