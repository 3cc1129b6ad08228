// Bundles workflow code for production (the worker loads dist/workflow-bundle.js). Exits non-zero on failure.
const { bundleWorkflowCode } = require('@temporalio/worker');
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows/index.ts') });
  const out = path.resolve(__dirname, '..', 'dist', 'workflow-bundle.js');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
