import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

/**
 * Production runs the bundle made at build time (scripts/bundle-workflows.ts); development and
 * tests bundle from source when no prebuilt bundle exists.
 */
export function workflowSource(env: NodeJS.ProcessEnv = process.env): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const bundlePath = env.CASEFLOW_WORKFLOW_BUNDLE ?? path.resolve('dist', 'workflow-bundle.js');
  if (env.CASEFLOW_WORKFLOW_BUNDLE || (env.NODE_ENV === 'production' && fs.existsSync(bundlePath))) {
    return { workflowBundle: { codePath: bundlePath } };
  }
  return { workflowsPath: require.resolve('../../../workflows') };
}
