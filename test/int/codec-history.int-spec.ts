import { randomBytes } from 'node:crypto';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, type PayloadCodec } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  caseflowDataConverter,
  CodecError,
  CodecKeyRing,
  EncryptionCodec,
  FAILURE_CONVERTER_PATH,
  payloadFromJson,
} from '@caseflow/codec';
import { searchAttributes } from '@caseflow/contract';
import { WORKFLOWS_PATH, workflowBundlerOptions } from '@caseflow/worker';
import { TEST_CODEC_KEYS } from '../support/codec-keys';
import { encodingOf, isSearchAttribute, scanHistory } from '../support/history-payloads';
import { engineer, LifecycleHarness } from '../support/lifecycle-harness';
import { anna, balasysS1 } from './lifecycle/fixtures';

const quiet = {
  log: () => undefined,
  info: () => undefined,
  warn: console.warn,
  error: console.error,
  debug: () => undefined,
  trace: () => undefined,
};

/** Everything the test's people wrote, which no search attribute may carry. */
const personal = {
  requester: anna.id,
  title: 'Kovács Anna cannot log in from Szeged',
  description: 'Anna reports: sessions drop every five minutes on gw-szeged-01.',
  response: 'Dear Anna, we are looking into gw-szeged-01.',
  hotfix: 'Hotfix for Anna on gw-szeged-01.',
  feedback: 'Thanks from Anna Kovács',
};

/** A full lifecycle on the time-skipping server with the real activities, client and worker on the codec. */
describe("what Temporal keeps of a ticket's history", () => {
  let h: LifecycleHarness;
  let history: temporal.api.history.v1.IHistory;
  let customerId: string;

  beforeAll(async () => {
    h = await LifecycleHarness.start();
    customerId = balasysS1.customerId;
    const handle = await h.open({ ...balasysS1, title: personal.title, description: personal.description });
    await h.waitForPhase(handle, 'understand');
    await h.command(handle, engineer, { type: 'respond', message: personal.response });
    await h.command(handle, engineer, { type: 'applyHotfix', description: personal.hotfix });
    await h.command(handle, engineer, {
      type: 'resolve',
      solution: 'Patched the session cache.',
      measures: 'Restarted nodes.',
      prevention: 'Upgrade.',
    });
    await h.command(handle, anna, { type: 'accept' });
    await h.command(handle, anna, { type: 'giveFeedback', score: 5, comment: personal.feedback });
    expect((await h.result(handle)).phase).toBe('closed');
    // A client without the codec: the history exactly as the server stores it.
    const raw = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
    history = await raw.workflow.getHandle(handle.workflowId).fetchHistory();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('holds only encrypted payloads (search attributes aside), and failures only encoded', () => {
    const { payloads, failures, json } = scanHistory(history);
    const encoded = payloads.filter((found) => !isSearchAttribute(found));
    // Input, activity arguments and results, update arguments and results, the workflow result.
    expect(encoded.length).toBeGreaterThan(20);
    // The SDK writes patched() markers itself, outside the data converter: they hold only the patch id.
    const patchMarker = (found: { path: string }) =>
      /markerRecordedEventAttributes\.details\.patch-data/.test(found.path);
    const plain = encoded
      .filter((found) => !patchMarker(found))
      .filter((found) => encodingOf(found.payload) !== 'binary/encrypted');
    expect(plain.map((found) => `${found.path}: ${encodingOf(found.payload)}`)).toEqual([]);
    for (const failure of failures) expect(failure.message).toBe('Encoded failure');
    for (const text of Object.values(personal)) expect(json).not.toContain(text);
  });

  it('carries in search attributes only non-personal fields: customer id, phase, severity, priority, tier, staff assignee, SLA status, deadline', () => {
    // TemporalChangeVersion: the SDK's own record of patched() ids, no ticket data.
    const allowed = new Set<string>([
      ...Object.values(searchAttributes).map((key) => key.name),
      'TemporalChangeVersion',
    ]);
    const shapes: Record<string, (value: unknown) => boolean> = {
      TemporalChangeVersion: (v) => Array.isArray(v) && v.every((id) => typeof id === 'string' && /^[\w.-]+$/.test(id)),
      [searchAttributes.customer.name]: (v) => v === customerId,
      [searchAttributes.phase.name]: (v) => typeof v === 'string' && /^[a-zA-Z]{3,32}$/.test(v),
      [searchAttributes.severity.name]: (v) => v === balasysS1.severity || v === 'S2' || v === 'S3',
      [searchAttributes.priority.name]: (v) => typeof v === 'string' && /^[\w-]{1,16}$/.test(v),
      [searchAttributes.tier.name]: (v) => typeof v === 'string' && /^L[123]$/.test(v),
      [searchAttributes.assignee.name]: (v) => typeof v === 'string' && /^[\w.-]{1,64}$/.test(v) && !v.includes('@'),
      [searchAttributes.slaStatus.name]: (v) => typeof v === 'string' && /^[a-zA-Z]{2,16}$/.test(v),
      [searchAttributes.nextDeadline.name]: (v) =>
        v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v))),
    };
    const set = scanHistory(history).payloads.filter(isSearchAttribute);
    expect(set.length).toBeGreaterThan(0);
    for (const found of set) {
      const key = found.path.split('.indexedFields.')[1];
      const value = defaultPayloadConverter.fromPayload(payloadFromJson(found.payload));
      expect({ key, allowed: allowed.has(key) }).toEqual({ key, allowed: true });
      expect({ key, value, shape: shapes[key](value) }).toEqual({ key, value, shape: true });
      for (const text of Object.values(personal)) expect(JSON.stringify(value)).not.toContain(text);
      expect(JSON.stringify(value)).not.toContain('@');
    }
    expect(new Set(set.map((found) => found.path.split('.indexedFields.')[1]))).toEqual(
      new Set([
        searchAttributes.customer.name,
        searchAttributes.phase.name,
        searchAttributes.severity.name,
        searchAttributes.priority.name,
        searchAttributes.tier.name,
        searchAttributes.assignee.name,
        searchAttributes.slaStatus.name,
        searchAttributes.nextDeadline.name,
        'TemporalChangeVersion',
      ]),
    );
  });

  describe('replay of the encrypted history', () => {
    let bundle: WorkflowBundleWithSourceMap;
    beforeAll(async () => {
      bundle = await bundleWorkflowCode({
        workflowsPath: WORKFLOWS_PATH,
        failureConverterPath: FAILURE_CONVERTER_PATH,
        ...workflowBundlerOptions(),
        logger: quiet,
      });
    });

    it('replays with the key ring it was sealed under (plaintext refused, as a worker does)', async () => {
      const dataConverter = caseflowDataConverter(TEST_CODEC_KEYS);
      await Worker.runReplayHistory({ workflowBundle: bundle, dataConverter }, history, 'encrypted lifecycle');
    });

    it('does not replay without its key: the payloads stay sealed', async () => {
      const other = CodecKeyRing.of([{ id: 'another-key', secret: randomBytes(32) }], 'another ring');
      const codec = new EncryptionCodec(other);
      const refusals: unknown[] = [];
      const watched: PayloadCodec = {
        encode: (payloads) => codec.encode(payloads),
        decode: (payloads) =>
          codec.decode(payloads).catch((error: unknown) => {
            refusals.push(error);
            throw error;
          }),
      };
      const dataConverter = { ...caseflowDataConverter(other), payloadCodecs: [watched] };
      await expect(
        Worker.runReplayHistory({ workflowBundle: bundle, dataConverter }, history, 'encrypted lifecycle'),
      ).rejects.toThrow(/workflow task failure/);
      expect(refusals[0]).toBeInstanceOf(CodecError);
      expect(refusals[0]).toMatchObject({ code: 'CODEC_UNKNOWN_KEY', keyId: TEST_CODEC_KEYS.current.id });
    });
  });
});
