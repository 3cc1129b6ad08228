// Bundles workflow code for production (the worker loads dist/workflow-bundle.js). Exits non-zero on failure.
// Runs after the build: it resolves package names the way the worker does, from the compiled worker lib.
const { bundleWorkflowCode } = require('@temporalio/worker');
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const root = path.resolve(__dirname, '..');
  const { workflowBundlerOptions } = require(path.join(root, 'dist/libs/worker/src/workflow-source.js'));
  const { webpackConfigHook } = workflowBundlerOptions(root);
  // The workflow sandbox converts failures with the codec's failure converter (messages encoded, then encrypted).
  const { FAILURE_CONVERTER_PATH } = require(path.join(root, 'dist/libs/codec/src/data-converter.js'));
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve(path.join(root, 'workflows/index.ts')),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    webpackConfigHook,
  });
  const out = path.join(root, 'dist', 'workflow-bundle.js');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
