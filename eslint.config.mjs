// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Workflow code runs in Temporal's deterministic sandbox: no I/O, no Node, no Nest, no adapters. */
const workflowSandbox = {
  paths: [
    { name: '@temporalio/activity', message: 'Activities run outside the workflow sandbox; proxy them with proxyActivities.' },
    { name: '@temporalio/client', message: 'Workflows never talk to the Temporal client.' },
    { name: '@temporalio/worker', message: 'Workflows never import the worker.' },
    { name: 'pg', message: 'I/O belongs in activities.' },
    { name: '@electric-sql/pglite', message: 'I/O belongs in activities.' },
    { name: '@kurrent/kurrentdb-client', message: 'I/O belongs in activities.' },
  ],
  patterns: [
    { group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'process', 'timers', 'worker_threads', 'stream'], message: 'Node built-ins are not deterministic: use activities.' },
    { group: ['@nestjs/*'], message: 'Nest belongs to apps/, never to workflows.' },
    { group: ['**/apps/**', '@caseflow/event-store', '**/event-store/**', '@caseflow/temporal', '**/libs/temporal/**'], message: 'Adapters and apps are not importable from workflow code.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'bench/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      // Workflow state is declared before the handlers that read it and assigned once later.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', workflowSandbox] },
  },
);
