import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '@caseflow/temporal';
import { requiredTool } from './tools';

/**
 * Temporal's Java test server (time skipping), started from the path the setup installed; its
 * client (env.client) uses `dataConverter`, as the gateway's would (caseflowDataConverter).
 */
export async function createTimeSkippingEnv(dataConverter?: DataConverter): Promise<TestWorkflowEnvironment> {
  const env = await startWithRetries(() =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: requiredTool('CASEFLOW_TEST_SERVER') } },
      client: { dataConverter },
    }),
  );
  // The test server knows no custom search attributes until they are added.
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

/**
 * The SDK gives the JVM 5 s to start the server, a bound a busy 2-core machine has missed once
 * ("ephemeral server … did not start within 5s"): up to three tries, each a new server and port.
 */
async function startWithRetries(start: () => Promise<TestWorkflowEnvironment>): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= 3 || !/did not start within/.test((error as Error).message)) throw error;
      console.warn(`the Java test server did not start (try ${attempt} of 3); starting another`);
    }
  }
}
