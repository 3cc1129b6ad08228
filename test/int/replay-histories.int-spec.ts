import * as fs from 'node:fs';
import * as path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { caseflowDataConverter, FAILURE_CONVERTER_PATH } from '@caseflow/codec';
import { WORKFLOWS_PATH, workflowBundlerOptions } from '@caseflow/worker';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TEST_CODEC_KEYS } from '../support/codec-keys';

const historiesDir = path.join(__dirname, '..', 'histories');
const histories = fs.readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

/**
 * Histories are recorded encrypted under the test key; those recorded before the codec are plain,
 * so the replayer accepts plaintext (a worker does not).
 */
const dataConverter = caseflowDataConverter(TEST_CODEC_KEYS, { plaintext: 'accept' });

/** Today's workflow code must replay every recorded history without a nondeterminism error. */
describe('recorded workflow histories replay on the current code', () => {
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      failureConverterPath: FAILURE_CONVERTER_PATH,
      ...workflowBundlerOptions(),
      logger: {
        log: () => undefined,
        info: () => undefined,
        warn: console.warn,
        error: console.error,
        debug: () => undefined,
        trace: () => undefined,
      },
    });
  });

  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('%s', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(historiesDir, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: bundle, dataConverter }, history, file);
  });
});
