import type { temporal } from '@temporalio/proto';
import { EncryptionCodec, payloadFromJson } from '@caseflow/codec';
import { TEST_CODEC_KEYS } from './codec-keys';
import { isSearchAttribute, scanHistory, type FoundPayload } from './history-payloads';

// plaintext: the SDK writes patched() markers outside the data converter (patch ids only).
const codec = new EncryptionCodec(TEST_CODEC_KEYS, { plaintext: 'accept' });

/** A history's payloads, search attributes aside, decrypted with the key the gateway sealed them under. */
export function decrypted(history: temporal.api.history.v1.IHistory): Array<FoundPayload & { text: string }> {
  return scanHistory(history)
    .payloads.filter((found) => !isSearchAttribute(found))
    .map((found) => ({
      ...found,
      text: Buffer.from(codec.decodeOne(payloadFromJson(found.payload)).data ?? []).toString('utf8'),
    }));
}
