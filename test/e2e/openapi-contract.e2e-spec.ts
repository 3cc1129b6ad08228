import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startGateway, type Harness } from '../support/gateway-harness';
import { requiredTool } from '../support/tools';

const ROOT = path.resolve(__dirname, '..', '..');
const CONFIG = path.join(__dirname, 'schemathesis.toml');
/** Bounded and repeatable: a fixed seed, a cap on examples per operation and on the whole run. */
const BOUNDS = ['--seed', '20261201', '--max-examples', '25', '--max-time', '120', '--workers', '2'];
const PHASES = 'examples,coverage,fuzzing,stateful';

interface Run {
  code: number | null;
  output: string;
}

function schemathesis(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      requiredTool('CASEFLOW_SCHEMATHESIS'),
      args,
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

/**
 * schemathesis (PyPI, pinned by scripts/setup/schemathesis.sh) against the running gateway: every
 * phase, every check, with the bearer tokens of two customers' contacts (peers for the
 * object-level authorization check) and a manager. Judged by its exit code: zero failures.
 */
describe('the OpenAPI document as a contract (schemathesis)', () => {
  let gateway: Harness;
  let workDir: string;

  beforeAll(async () => {
    gateway = await startGateway({ numbersFrom: 4_000_000, rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-schemathesis-'));
    const bearer = (token: string) => [{ name: 'Authorization', value: `Bearer ${token}` }];
    const auth = {
      auth: [
        { name: 'anna', fixedHeaders: bearer(await gateway.customerToken('balasys-demo', 'anna.kovacs@example.com')) },
        { name: 'olga', fixedHeaders: bearer(await gateway.customerToken('netix-demo', 'olga.smirnova@example.com')) },
        { name: 'mia', fixedHeaders: bearer(await gateway.token({ sub: 'mia', role: 'manager' })) },
      ],
    };
    fs.writeFileSync(path.join(workDir, 'auth.json'), JSON.stringify(auth));
  });

  afterAll(async () => {
    await gateway?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('finds no failure in any phase with --checks all', async () => {
    const run = await schemathesis(
      [
        '--config-file',
        CONFIG,
        'run',
        `${gateway.baseUrl}/docs-json`,
        '--checks',
        'all',
        '--phases',
        PHASES,
        ...BOUNDS,
        '--report',
        'junit',
        '--report-dir',
        workDir,
      ],
      { CASEFLOW_SCHEMATHESIS_WFC: path.join(workDir, 'auth.json'), NO_COLOR: '1' },
    );
    if (process.env.CASEFLOW_SCHEMATHESIS_LOG) fs.writeFileSync(process.env.CASEFLOW_SCHEMATHESIS_LOG, run.output);
    expect({ exitCode: run.code, output: run.code === 0 ? 'passed' : run.output }).toEqual({
      exitCode: 0,
      output: 'passed',
    });
    expect(run.output).toMatch(/\d+ passed/);
  }, 300_000);
});
