import { CodecKeyRing, type CodecConfig } from '@caseflow/codec';

/**
 * The codec key the test suites seal payloads under. Fixed and public on purpose: histories
 * recorded by the lifecycle harness (test/histories) are encrypted under it, and the replay test
 * opens them with it. It protects nothing; production keys come from CASEFLOW_CODEC_KEYS or the
 * key file (docs/codec.md).
 */
export const TEST_CODEC_KEYS_ENV = 'test-2026-01:KAI0Om1TXrwL02YAz7575Vax/vs8KXDHJlMQkF4hAgQ=';

export const TEST_CODEC_KEYS = CodecKeyRing.parse(
  TEST_CODEC_KEYS_ENV,
  "the test suites' codec key (test/support/codec-keys.ts)",
);

export const testCodecConfig = (): CodecConfig => ({ keys: TEST_CODEC_KEYS, plaintext: 'refuse' });
