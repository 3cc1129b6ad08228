/**
 * jest maps package names (`@caseflow/worker`) for test files only, not for global setup: setups
 * that import them load this first, which teaches Node's resolver tsconfig.json's paths.
 */
import * as path from 'node:path';
import { register } from 'tsconfig-paths';

const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compilerOptions } = require(path.join(root, 'tsconfig.json')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: root, paths: compilerOptions.paths });
