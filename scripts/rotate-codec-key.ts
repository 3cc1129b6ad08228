import * as path from 'node:path';
import { CODEC_KEY_FILE_ENV, CODEC_KEYS_ENV, formatKeyEntry, generateKeyEntry, rotateKeyFile } from '@caseflow/codec';

/**
 * Rotates the payload codec's system key (docs/codec.md):
 *   node dist/scripts/rotate-codec-key.js             appends a key to the key file (data/codec-keys)
 *   node dist/scripts/rotate-codec-key.js --new-key   prints a fresh `id:base64` entry for CASEFLOW_CODEC_KEYS
 */
function main(): void {
  if (process.argv.includes('--new-key')) {
    console.log(formatKeyEntry(generateKeyEntry()));
    return;
  }
  if (process.env[CODEC_KEYS_ENV] !== undefined)
    throw new Error(
      `${CODEC_KEYS_ENV} holds the keys: append an entry from --new-key to it (newest last) and restart gateway and workers`,
    );
  const file = process.env[CODEC_KEY_FILE_ENV] ?? path.resolve('data', 'codec-keys');
  const ring = rotateKeyFile(file);
  console.log(
    `${file}: new payloads will use ${ring.current.id} once gateway and workers restart; older keys (${ring.ids
      .slice(0, -1)
      .join(', ')}) still decode`,
  );
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
