import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * Fills CASEFLOW_* tool locations from scripts/lib/tools.sh, the one place that knows the versions,
 * so `npx jest` finds what `bash scripts/setup.sh` installed.
 */
export function loadToolEnv(): void {
  const root = path.resolve(__dirname, '..', '..');
  const printed = execFileSync('bash', ['-c', 'source scripts/lib/tools.sh && env -0'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10_000,
  });
  for (const entry of printed.split('\0')) {
    const eq = entry.indexOf('=');
    const name = entry.slice(0, eq);
    if (name.startsWith('CASEFLOW_') && process.env[name] === undefined) process.env[name] = entry.slice(eq + 1);
  }
}
