import type { TestWorkflowEnvironment } from '@temporalio/testing';

export default async function e2eGlobalTeardown(): Promise<void> {
  await (globalThis as { __caseflowDevServer?: TestWorkflowEnvironment }).__caseflowDevServer?.teardown();
}
