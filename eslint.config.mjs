// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';
import { noRelativeEscape } from './scripts/eslint/no-relative-escape.mjs';

/** Node's own modules, both spellings (`fs`, `node:fs`), as the Temporal samples build their ban list. */
const builtinNames = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];
const nodeBuiltins = `^(node:.*|(${builtinNames.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})(/.*)?)$`;
const apps = ['@caseflow/gateway', '**/apps/**'];
const workflowsFolder = ['@caseflow/workflows', '**/workflows', '**/workflows/**'];

/** Workflow code runs in Temporal's deterministic sandbox: no I/O, no Node, no Nest, no adapters. */
const workflowSandbox = {
  paths: [
    {
      name: '@temporalio/activity',
      message: 'Activities run outside the workflow sandbox; proxy them with proxyActivities.',
    },
    { name: '@temporalio/client', message: 'Workflows never talk to the Temporal client.' },
    { name: '@temporalio/worker', message: 'Workflows never import the worker.' },
    { name: 'pg', message: 'I/O belongs in activities.' },
    { name: '@electric-sql/pglite', message: 'I/O belongs in activities.' },
    { name: '@kurrent/kurrentdb-client', message: 'I/O belongs in activities.' },
  ],
  patterns: [
    { regex: nodeBuiltins, message: 'Node built-ins are not deterministic: use activities.' },
    { group: ['@nestjs/*'], message: 'Nest belongs to apps/ and Nest libs, never to workflow code.' },
    {
      group: [
        ...apps,
        '@caseflow/codec',
        '@caseflow/codec/*',
        '@caseflow/event-store',
        '@caseflow/event-store/*',
        '@caseflow/temporal',
        '@caseflow/temporal/*',
        '@caseflow/persistence',
        '@caseflow/projections',
        '@caseflow/identity',
        '@caseflow/directory',
        '@caseflow/worker',
        '@caseflow/sla/compile',
      ],
      message: 'Adapters, Nest libs and apps are not importable from workflow code.',
    },
  ],
};

/** Dependencies point one way: apps → libs → pure libs; nothing imports an app or workflows/. */
const noAppOrWorkflows = {
  patterns: [
    { group: apps, message: 'Nothing imports an app: move what is shared into a lib.' },
    {
      group: workflowsFolder,
      message: 'Only the worker loads workflows/, by path; share their contract through @caseflow/contract.',
    },
  ],
};
const noOtherApp = {
  patterns: [
    {
      group: ['@caseflow/gateway', '**/apps/**'],
      message: 'An app never imports another app: move what is shared into a lib.',
    },
    noAppOrWorkflows.patterns[1],
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'bench/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { caseflow: { rules: { 'no-relative-escape': noRelativeEscape } } },
    rules: {
      'caseflow/no-relative-escape': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      // Workflow state is declared before the handlers that read it and assigned once later.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  { files: ['libs/**/*.ts'], rules: { 'no-restricted-imports': ['error', noAppOrWorkflows] } },
  { files: ['apps/**/*.ts'], rules: { 'no-restricted-imports': ['error', noOtherApp] } },
  {
    // The deterministic code: workflows and the pure libraries they import (tests of those libs may read files).
    files: ['workflows/**/*.ts', 'libs/domain/src/**/*.ts', 'libs/sla/src/**/*.ts', 'libs/contract/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      'libs/sla/src/compile.ts',
      'libs/sla/src/calendar/compile-calendar.ts',
      'libs/sla/src/calendar/holiday-source.ts',
    ],
    rules: { 'no-restricted-imports': ['error', workflowSandbox] },
  },
  prettier,
);
