import * as fs from 'node:fs';

const SETUP = 'bash scripts/setup.sh (npm test runs it for you)';

/** The path of a tool the setup installs; a loud failure, never a skip, when it is not there. */
export function requiredTool(
  envName: 'CASEFLOW_TEMPORAL_CLI' | 'CASEFLOW_TEST_SERVER' | 'CASEFLOW_SCHEMATHESIS',
): string {
  const path = process.env[envName];
  if (!path)
    throw new Error(
      `${envName} is not set: run the tests with \`npm test\`, or source scripts/lib/tools.sh after ${SETUP}`,
    );
  if (!fs.existsSync(path)) throw new Error(`${envName}=${path} does not exist: run ${SETUP}`);
  return path;
}

export function postgresUrl(): string {
  const url = process.env.CASEFLOW_PG_URL;
  if (!url) throw new Error(`CASEFLOW_PG_URL is not set: run the tests with \`npm test\` (it runs ${SETUP})`);
  return url;
}
