import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '@caseflow/codec';

/** The repository root in source (libs/worker/src), or dist/ when compiled (its imports are already relative). */
const ROOT = path.resolve(__dirname, '..', '..', '..');
export const WORKFLOWS_PATH = require.resolve(path.join(ROOT, 'workflows'));

/**
 * Package names (`@caseflow/domain`) for webpack, from tsconfig.json's paths: the one place they are
 * declared. Compiled code needs none (the build rewrote them), so without tsconfig.json this is empty.
 */
export function workspaceAliases(root: string = ROOT): Record<string, string> {
  const tsconfig = path.join(root, 'tsconfig.json');
  if (!fs.existsSync(tsconfig)) return {};
  const paths = (
    JSON.parse(fs.readFileSync(tsconfig, 'utf8')) as { compilerOptions: { paths?: Record<string, string[]> } }
  ).compilerOptions.paths;
  return Object.fromEntries(
    Object.entries(paths ?? {})
      .filter(([name]) => !name.endsWith('/*'))
      .map(([name, [target]]) => [name, path.join(root, target)]),
  );
}

/** Bundler options that resolve package names; webpack's alias also covers subpaths. */
export function workflowBundlerOptions(root: string = ROOT): Pick<BundleOptions, 'webpackConfigHook'> {
  const aliases = workspaceAliases(root);
  return {
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string>), ...aliases } },
    }),
  };
}

/**
 * Everything bundleWorkflowCode needs for a bundle the worker can run: the workflows, package names,
 * and the codec's failure converter (a prebuilt bundle must carry it: the worker cannot add it later).
 */
export function workflowBundleOptions(
  root: string = ROOT,
): Pick<BundleOptions, 'workflowsPath' | 'failureConverterPath' | 'webpackConfigHook'> {
  return {
    workflowsPath: WORKFLOWS_PATH,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    ...workflowBundlerOptions(root),
  };
}

/**
 * Production runs the bundle made at build time (scripts/bundle-workflows.js); development and
 * tests bundle from source when no prebuilt bundle exists.
 */
export function workflowSource(
  env: NodeJS.ProcessEnv = process.env,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  const bundlePath = env.CASEFLOW_WORKFLOW_BUNDLE ?? path.resolve('dist', 'workflow-bundle.js');
  if (env.CASEFLOW_WORKFLOW_BUNDLE || (env.NODE_ENV === 'production' && fs.existsSync(bundlePath))) {
    return { workflowBundle: { codePath: bundlePath } };
  }
  return { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions() };
}
