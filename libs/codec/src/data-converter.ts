import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec, type CodecOptions } from './encryption-codec';
import type { CodecKeyRing } from './key-ring';
import type { CodecConfig } from './key-sources';

/** The failure converter's module, for the client, the worker and workflow bundles (bundleWorkflowCode). */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/**
 * Caseflow's one data converter, for every client, worker and replayer: payloads encrypted by the
 * codec; failure messages and stack traces encoded as payloads so they are encrypted as well.
 * Unencrypted payloads are refused unless `plaintext: 'accept'` (replaying pre-codec histories).
 */
export function caseflowDataConverter(keys: CodecKeyRing, options: CodecOptions = {}): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys, options)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** caseflowDataConverter for a CodecConfig (keys and plaintext policy, as read from the environment). */
export const dataConverterFor = (config: CodecConfig): DataConverter => caseflowDataConverter(config.keys, config);
