import * as fs from 'node:fs';
import * as path from 'node:path';
import { TEST_BUNDLE_ENV } from '../support/workflow-bundle';

export default async function workflowGlobalTeardown(): Promise<void> {
  const file = process.env[TEST_BUNDLE_ENV];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
