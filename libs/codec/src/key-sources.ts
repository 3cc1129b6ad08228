import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CodecOptions } from './encryption-codec';
import { CodecKeyRing, formatKeyEntry, generateKeyEntry, parseKeyEntries, type KeyEntry } from './key-ring';

export const CODEC_KEYS_ENV = 'CASEFLOW_CODEC_KEYS';
export const CODEC_KEY_FILE_ENV = 'CASEFLOW_CODEC_KEY_FILE';

const FILE_HEADER = [
  '# Caseflow payload codec keys (AES-256, base64), oldest first: new payloads use the last one.',
  '# Secret: keep this file mode 0600. Never remove a key while a retained Temporal history needs it.',
];

/**
 * The codec's key ring: CASEFLOW_CODEC_KEYS (`id:base64,id:base64`, newest last) in production;
 * otherwise the key file CASEFLOW_CODEC_KEY_FILE (default data/codec-keys), made on first use.
 */
export function codecKeyRingFromEnv(env: NodeJS.ProcessEnv = process.env): CodecKeyRing {
  const inline = env[CODEC_KEYS_ENV];
  if (inline !== undefined) return CodecKeyRing.parse(inline, CODEC_KEYS_ENV);
  return openKeyFile(env[CODEC_KEY_FILE_ENV] ?? path.resolve('data', 'codec-keys'));
}

/** Reads the key file, or creates it with one fresh key (mode 0600) when there is none. */
export function openKeyFile(file: string): CodecKeyRing {
  if (!fs.existsSync(file)) createKeyFile(file, [generateKeyEntry()]);
  return CodecKeyRing.parse(readKeyFile(file), `key file ${file}`);
}

/** Appends a fresh key, which becomes the one new payloads use; returns the new ring. */
export function rotateKeyFile(file: string): CodecKeyRing {
  const entries = parseKeyEntries(readKeyFile(file), `key file ${file}`);
  const next = [...entries, generateKeyEntry()];
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, render(next), { mode: 0o600, flag: 'wx' });
  fs.renameSync(temporary, file);
  return CodecKeyRing.of(next, `key file ${file}`);
}

function readKeyFile(file: string): string {
  const mode = fs.statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new Error(`key file ${file} is readable by others (mode ${mode.toString(8)}): chmod 600 ${file}`);
  return fs.readFileSync(file, 'utf8');
}

/** Written whole under a temporary name, then linked into place: a racing process never sees half a file. */
function createKeyFile(file: string, entries: KeyEntry[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, render(entries), { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.unlinkSync(temporary);
  }
}

const render = (entries: KeyEntry[]): string => [...FILE_HEADER, ...entries.map(formatKeyEntry)].join('\n') + '\n';

export const CODEC_PLAINTEXT_ENV = 'CASEFLOW_CODEC_PLAINTEXT';

/** The codec's keys, and what it does with payloads that were never encrypted. */
export interface CodecConfig extends CodecOptions {
  keys: CodecKeyRing;
}

/** Keys as codecKeyRingFromEnv; CASEFLOW_CODEC_PLAINTEXT=accept lets unencrypted payloads through (migration). */
export function codecConfigFromEnv(env: NodeJS.ProcessEnv = process.env): CodecConfig {
  const plaintext = env[CODEC_PLAINTEXT_ENV] ?? 'refuse';
  if (plaintext !== 'refuse' && plaintext !== 'accept')
    throw new Error(`${CODEC_PLAINTEXT_ENV} must be "refuse" or "accept", got "${plaintext}"`);
  return { keys: codecKeyRingFromEnv(env), plaintext };
}
