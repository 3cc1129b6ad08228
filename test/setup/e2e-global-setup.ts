import './package-names';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { registerSearchAttributes } from '@caseflow/temporal';
import { loadToolEnv } from '../support/tool-env';
import { postgresUrl, requiredTool } from '../support/tools';

/**
 * One real Temporal dev server (the Go-built CLI, SQLite in memory) for the whole e2e project.
 * jest runs e2e in band, so the address reaches the specs through process.env.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  loadToolEnv();
  postgresUrl();
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: requiredTool('CASEFLOW_TEMPORAL_CLI') },
      extraArgs: ['--log-level', 'error'],
    },
  });
  await registerSearchAttributes(env.connection, 'default');
  (globalThis as { __caseflowDevServer?: TestWorkflowEnvironment }).__caseflowDevServer = env;
  process.env.CASEFLOW_E2E_TEMPORAL_ADDRESS = env.address;
}
