import './package-names';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '@caseflow/worker';
import { loadToolEnv } from '../support/tool-env';
import { TEST_BUNDLE_ENV } from '../support/workflow-bundle';

const quiet = { log: () => undefined, info: () => undefined, debug: () => undefined, trace: () => undefined };

/** The fast tier needs the Java test server's path and the workflows bundled once for all its files. */
export default async function workflowGlobalSetup(): Promise<void> {
  loadToolEnv();
  const { code } = await bundleWorkflowCode({
    ...workflowBundleOptions(),
    logger: { ...quiet, warn: console.warn, error: console.error },
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-workflows-')), 'workflow-bundle.js');
  fs.writeFileSync(file, code);
  process.env[TEST_BUNDLE_ENV] = file;
}
