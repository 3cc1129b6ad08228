import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';

const historiesDir = path.join(__dirname, '..', 'histories');
const histories = fs.readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

/** Today's workflow code must replay every recorded history without a nondeterminism error. */
describe('recorded workflow histories replay on the current code', () => {
  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('%s', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(historiesDir, file), 'utf8')));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history, file);
  });
});
