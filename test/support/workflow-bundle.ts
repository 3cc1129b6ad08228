import type { WorkerOptions } from '@temporalio/worker';
import { WORKFLOWS_PATH, workflowBundlerOptions } from '@caseflow/worker';

/** Set by a tier's global setup when it bundled the workflows once for all its test files. */
export const TEST_BUNDLE_ENV = 'CASEFLOW_TEST_WORKFLOW_BUNDLE';

/** The workflow code for a test worker: the tier's prebuilt bundle, or bundled from source. */
export function ticketWorkflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  const codePath = process.env[TEST_BUNDLE_ENV];
  if (codePath) return { workflowBundle: { codePath } };
  return { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions() };
}
