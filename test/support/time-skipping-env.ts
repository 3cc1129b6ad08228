import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '@caseflow/temporal';
import { requiredTool } from './tools';

/**
 * Temporal's Java test server (time skipping), started from the path the setup installed; its
 * client (env.client) uses `dataConverter`, as the gateway's would (caseflowDataConverter).
 */
export async function createTimeSkippingEnv(dataConverter?: DataConverter): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requiredTool('CASEFLOW_TEST_SERVER') } },
    client: { dataConverter },
  });
  // The test server knows no custom search attributes until they are added.
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
