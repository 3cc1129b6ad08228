import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';

const ROOT = path.resolve(__dirname, '..', '..');
export const HISTORIES_DIR = path.join(ROOT, 'test', 'histories');
/** What goes into the workflow bundle: a recording names the commit these folders came from. */
const WORKFLOW_CODE = ['workflows', 'libs/domain', 'libs/sla', 'libs/contract'];
/** `<scenario>_v<package version>-<commit>.json`, e.g. `lifecycle-hotfix_v0.1.0-b0ec117.json`. */
export const HISTORY_FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)_v(\d+\.\d+\.\d+)-([0-9a-f]{7,40})\.json$/;

export interface RecordedHistory {
  file: string;
  scenario: string;
  version: string;
  commit: string;
}

/** Every recorded history, oldest and newest alike: none is ever replaced. */
export function recordedHistories(dir: string = HISTORIES_DIR): RecordedHistory[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const match = HISTORY_FILE_NAME.exec(file);
      if (!match) throw new Error(`${file}: a recorded history is named <scenario>_v<version>-<commit>.json`);
      return { file, scenario: match[1], version: match[2], commit: match[3] };
    });
}

export function readHistory(file: string, dir: string = HISTORIES_DIR): temporal.api.history.v1.IHistory {
  return historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
}

/** The version of the workflow code in this checkout; a checkout with uncommitted workflow code has none. */
export function workflowCodeVersion(root: string = ROOT): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', timeout: 10_000 }).trim();
  const changed = git('status', '--porcelain', '--', ...WORKFLOW_CODE);
  if (changed) throw new Error(`cannot name the version of uncommitted workflow code (commit it first):\n${changed}`);
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return `v${version}-${git('rev-parse', '--short=7', 'HEAD')}`;
}

/**
 * Writes a history under a name carrying the workflow code's version. Refuses to replace a file:
 * a recorded history is evidence of what that version did, and must keep replaying.
 */
export function writeHistory(
  scenario: string,
  history: temporal.api.history.v1.IHistory,
  version: string,
  dir: string = HISTORIES_DIR,
): string {
  const file = `${scenario}_${version}.json`;
  if (!HISTORY_FILE_NAME.test(file)) throw new Error(`${file} is not a valid history name`);
  try {
    fs.writeFileSync(path.join(dir, file), historyToJSON(history), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(`${file} already exists: recorded histories are never overwritten (commit the change first)`);
    throw error;
  }
  return file;
}

/** With CASEFLOW_RECORD_HISTORIES=true, saves the workflow's history for the replay suite. */
export async function recordHistory(handle: WorkflowHandle, scenario: string): Promise<string | undefined> {
  if (process.env.CASEFLOW_RECORD_HISTORIES !== 'true') return undefined;
  return writeHistory(scenario, await handle.fetchHistory(), workflowCodeVersion());
}
