import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

export const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface CodecKey {
  readonly id: string;
  readonly secret: KeyObject;
}

/** A key as it is written down: `id:base64` (32 random bytes). */
export interface KeyEntry {
  id: string;
  secret: Buffer;
}

/**
 * The system keys of the payload codec, oldest first: new payloads are sealed under the newest,
 * every key in the ring still opens what it sealed. Rotating means appending a key; a key is only
 * removed once no retained history needs it.
 */
export class CodecKeyRing {
  private readonly byId: ReadonlyMap<string, CodecKey>;

  private constructor(
    private readonly keys: readonly CodecKey[],
    /** Where the keys came from, for messages (never the keys themselves). */
    readonly source: string,
  ) {
    this.byId = new Map(keys.map((key) => [key.id, key]));
  }

  static of(entries: readonly KeyEntry[], source: string): CodecKeyRing {
    if (entries.length === 0) throw new Error(`${source}: no codec key`);
    const seen = new Set<string>();
    const keys = entries.map(({ id, secret }, index) => {
      if (!KEY_ID.test(id))
        throw new Error(`${source}: key #${index + 1} has id "${id}"; ids are 1-64 of A-Z a-z 0-9 . _ -`);
      if (seen.has(id)) throw new Error(`${source}: key id "${id}" appears twice`);
      seen.add(id);
      if (secret.length !== KEY_BYTES)
        throw new Error(`${source}: key "${id}" has ${secret.length} bytes; AES-256 needs ${KEY_BYTES}`);
      return { id, secret: createSecretKey(secret) };
    });
    return new CodecKeyRing(keys, source);
  }

  /** `id:base64` entries separated by commas or new lines, oldest first; `#` starts a comment line. */
  static parse(text: string, source: string): CodecKeyRing {
    return CodecKeyRing.of(parseKeyEntries(text, source), source);
  }

  /** The key new payloads are sealed under: the newest. */
  get current(): CodecKey {
    return this.keys[this.keys.length - 1];
  }

  find(id: string): CodecKey | undefined {
    return this.byId.get(id);
  }

  get ids(): string[] {
    return this.keys.map((key) => key.id);
  }
}

export function parseKeyEntries(text: string, source: string): KeyEntry[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item, index) => {
      const colon = item.indexOf(':');
      if (colon <= 0) throw new Error(`${source}: key #${index + 1} is not "id:base64"`);
      const encoded = item.slice(colon + 1).trim();
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
        throw new Error(`${source}: key "${item.slice(0, colon)}" is not base64`);
      return { id: item.slice(0, colon).trim(), secret: Buffer.from(encoded, 'base64') };
    });
}

export const formatKeyEntry = ({ id, secret }: KeyEntry): string => `${id}:${secret.toString('base64')}`;

/** A fresh random key, named by its creation day and a random suffix: `key-20260115-3f9a1c`. */
export function generateKeyEntry(now: Date = new Date()): KeyEntry {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return { id: `key-${day}-${randomBytes(3).toString('hex')}`, secret: randomBytes(KEY_BYTES) };
}
