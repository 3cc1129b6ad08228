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
import { engineer, LifecycleHarness, type TicketHandle } from '../support/lifecycle-harness';
import { anna, balasysS1, resolution } from './lifecycle/fixtures';
import { isPersonalReference, type TicketState } from '@caseflow/domain';
import { ERASED } from '@caseflow/event-store';
import { runAuditCli } from '../support/audit-cli';

// plaintext: the SDK writes patched() markers outside the data converter (patch ids only).
const decoder = new EncryptionCodec(TEST_CODEC_KEYS, { plaintext: 'accept' });

/** Every payload of the history but search attributes, decrypted with the test key: its JSON text. */
function decodedPayloads(history: temporal.api.history.v1.IHistory): Array<{ path: string; text: string }> {
  return scanHistory(history)
    .payloads.filter((found) => !isSearchAttribute(found))
    .map((found) => ({
      path: found.path,
      text: Buffer.from(decoder.decodeOne(payloadFromJson(found.payload)).data ?? []).toString('utf8'),
    }));
}

const decodedTexts = (history: temporal.api.history.v1.IHistory): string =>
  decodedPayloads(history)
    .map((found) => found.text)
    .join('\n');

const quiet = {
  log: () => undefined,
  info: () => undefined,
  warn: console.warn,
  error: console.error,
  debug: () => undefined,
  trace: () => undefined,
};

/**
 * Everything personal the test's people wrote (the fields the audit store seals): the gateway seals
 * each into the vault, so none enters Temporal, not even encrypted (docs/codec.md, design (a)).
 */
const personal = {
  requester: anna.id,
  title: 'Kovács Anna cannot log in from Szeged',
  description: 'Anna reports: sessions drop every five minutes on gw-szeged-01.',
  response: 'Dear Anna, we are looking into gw-szeged-01.',
  question: 'Anna, which Szeged node restarted last?',
  answer: 'gw-szeged-01 restarted on Monday, Kovács Anna',
  comment: 'Anna here: the Debrecen office sees it too',
  feedback: 'Thanks from Anna Kovács',
};
/** The vendor's technical record (not personal data for the store): in Temporal, but only encrypted. */
const vendorRecord = { hotfix: 'Hotfix for Anna on gw-szeged-01.' };

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
    await h.command(handle, engineer, { type: 'requestClarification', questions: [personal.question] });
    await h.command(handle, anna, { type: 'answerClarification', answer: personal.answer });
    await h.command(handle, anna, { type: 'comment', text: personal.comment });
    await h.command(handle, engineer, { type: 'applyHotfix', description: vendorRecord.hotfix });
    await h.command(handle, engineer, {
      type: 'resolve',
      solution: 'Patched the session cache.',
      measures: 'Restarted nodes.',
      prevention: 'Upgrade.',
    });
    await h.command(handle, anna, { type: 'accept' });
    await h.command(handle, anna, { type: 'giveFeedback', score: 5, comment: personal.feedback });
    const closed = await h.result(handle);
    expect(closed).toMatchObject({ phase: 'closed', requester: anna.id, title: personal.title });
    expect(closed.feedback?.comment).toBe(personal.feedback);
    // A client without the codec: the history exactly as the server stores it.
    const raw = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
    history = await raw.workflow.getHandle(handle.workflowId).fetchHistory();
    await h.recordHistory(handle, 'claim-check-lifecycle');
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
    for (const text of [...Object.values(personal), ...Object.values(vendorRecord)]) expect(json).not.toContain(text);
  });

  it('holds no personal value even decrypted: only references into the vault and subject ids', async () => {
    const decoded = decodedTexts(history);
    expect(decoded).toContain(vendorRecord.hotfix);
    for (const text of Object.values(personal))
      expect({ text, found: decoded.includes(text) }).toEqual({ text, found: false });
    for (const name of ['Anna', 'Kovács', 'anna.kovacs', '@example.com', 'Szeged'])
      expect({ name, found: decoded.split(vendorRecord.hotfix).join('').includes(name) }).toEqual({
        name,
        found: false,
      });
    // The input carries references, and the vault opens them back to what the test wrote.
    const started = decodedPayloads(history).find((found) =>
      found.path.endsWith('workflowExecutionStartedEventAttributes.input.payloads[0]'),
    );
    const input = JSON.parse(started?.text ?? 'null') as Record<string, string>;
    expect(isPersonalReference(input.requester)).toBe(true);
    expect(await h.references.open(input)).toMatchObject({ requester: anna.id, title: personal.title });
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

  describe('the requester erased while the ticket runs (caseflow-audit erase-subject)', () => {
    const erasable = {
      title: 'Erasable: Kovács Anna loses sessions',
      description: 'Erasable: Anna sees drops in Szeged',
      comment: 'Erasable: call Anna after five',
    };
    let handle: TicketHandle;
    let closed: TicketState;
    let erasedHistory: temporal.api.history.v1.IHistory;
    let sentBeforeErasure: number;

    beforeAll(async () => {
      handle = await h.open({ ...balasysS1, title: erasable.title, description: erasable.description });
      await h.waitForPhase(handle, 'understand');
      await h.command(handle, engineer, { type: 'respond', message: 'Erasable: Dear Anna, on it.' });
      await h.command(handle, anna, { type: 'comment', text: erasable.comment });
      sentBeforeErasure = h.notifications.filter((n) => n.ticketNumber === handle.workflowId).length;
      const erased = await runAuditCli(h.databaseUrl, 'erase-subject', '--email', anna.id);
      expect(erased).toMatchObject({ code: 0, stdout: expect.stringContaining('now reads as [erased]') });
      // What the ticket needs from here on is staff's word and its own clocks: no erased plaintext.
      await h.command(handle, engineer, { type: 'applyHotfix', description: 'Patched the session cache.' });
      const resolved = await h.command(handle, engineer, { type: 'resolve', ...resolution });
      await h.jumpTo(new Date(Date.parse(resolved.resolution!.acceptanceDueAt) + 60_000).toISOString());
      const accepted = await h.waitForPhase(handle, 'feedback');
      await h.jumpTo(new Date(Date.parse(accepted.acceptance!.feedbackDueAt) + 60_000).toISOString());
      closed = await h.result(handle);
      const raw = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
      erasedHistory = await raw.workflow.getHandle(handle.workflowId).fetchHistory();
      await h.recordHistory(handle, 'claim-check-requester-erased');
    });

    it('runs to its close: accepted and closed by the clocks, the erased requester told nothing more', async () => {
      expect(closed).toMatchObject({ phase: 'closed', requester: ERASED, title: ERASED });
      expect(closed.acceptance?.by).toBe('timeout');
      expect(h.notifications.filter((n) => n.ticketNumber === handle.workflowId)).toHaveLength(sentBeforeErasure);
      const stream = await h.stream(handle);
      expect(stream[0].data).toMatchObject({ requester: ERASED, title: ERASED, description: ERASED });
      const late = stream.filter((event) => event.type === 'CustomerNotified').slice(-2);
      expect(late.map((event) => (event.data as { to: string }).to)).toEqual([ERASED, ERASED]);
    });

    it('its history opens, through the vault as the codec server does, to [erased]: no trace of the person', async () => {
      const opened = await Promise.all(
        decodedPayloads(erasedHistory)
          .filter((found) => found.text.startsWith('[') || found.text.startsWith('{'))
          .map(async (found) => JSON.stringify(await h.references.open(JSON.parse(found.text) as unknown))),
      );
      const text = opened.join('\n');
      expect(text).toContain(ERASED);
      for (const value of [...Object.values(erasable), anna.id, 'Erasable: Dear Anna, on it.'])
        expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
    });

    it('replays with the codec alone: the workflow never needed the erased plaintext', async () => {
      const bundle = await bundleWorkflowCode({
        workflowsPath: WORKFLOWS_PATH,
        failureConverterPath: FAILURE_CONVERTER_PATH,
        ...workflowBundlerOptions(),
        logger: quiet,
      });
      const dataConverter = caseflowDataConverter(TEST_CODEC_KEYS);
      await Worker.runReplayHistory({ workflowBundle: bundle, dataConverter }, erasedHistory, 'erased requester');
    });
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
