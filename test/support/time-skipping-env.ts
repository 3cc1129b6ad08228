import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '@caseflow/temporal';
import { requiredTool } from './tools';

/** Temporal's Java test server (time skipping), started from the path the setup installed. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requiredTool('CASEFLOW_TEST_SERVER') } },
  });
  // The test server knows no custom search attributes until they are added.
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}
