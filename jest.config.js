/**
 * Four projects: unit (no servers), workflow (the time-skipping Temporal server with stub activities,
 * no PostgreSQL), int and e2e (real servers).
 */
/** Package names (`@caseflow/domain`, `@caseflow/sla/compile`) resolve as tsconfig.json's paths say. */
const { compilerOptions } = require('./tsconfig.json');
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) =>
    name.endsWith('/*')
      ? [`^${name.slice(0, -2)}/(.*)$`, `<rootDir>/${target.slice(0, -2)}/$1`]
      : [`^${name}$`, `<rootDir>/${target}`],
  ),
);
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/bench/'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows,test}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'workflow',
      setupFilesAfterEnv: ['<rootDir>/test/setup/server-suite.ts'],
      testMatch: ['<rootDir>/{apps,libs,workflows,test}/**/*.wf-spec.ts'],
      globalSetup: '<rootDir>/test/setup/workflow-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/workflow-global-teardown.ts',
    },
    {
      ...base,
      displayName: 'int',
      setupFilesAfterEnv: ['<rootDir>/test/setup/server-suite.ts'],
      testMatch: ['<rootDir>/{apps,libs,workflows,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/int-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/int-global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/test/setup/server-suite.ts'],
      testMatch: ['<rootDir>/{apps,libs,workflows,test}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/e2e-global-teardown.ts',
    },
  ],
};
