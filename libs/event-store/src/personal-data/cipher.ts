import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { canonicalJson } from '../integrity/canonical';

/** What a reader gets in place of personal data whose subject key was erased. */
export const ERASED = '[erased]';

/**
 * A personal field as stored: AES-256-GCM of the field's JSON under the subject's key. The
 * additional data binds it to its place (stream, event id, field path), so a ciphertext cannot be
 * moved to another event unnoticed. The chain hashes this envelope (ciphertext and key id).
 */
export interface SealedField {
  $pii: 'aes-256-gcm';
  kid: string;
  iv: string;
  ct: string;
  tag: string;
}

export interface FieldPlace {
  streamId: string;
  eventId: string;
  path: string;
}

const aad = (place: FieldPlace) =>
  Buffer.from(canonicalJson({ event: place.eventId, field: place.path, stream: place.streamId }), 'utf8');

export function seal(value: unknown, keyId: string, key: Buffer, place: FieldPlace): SealedField {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(place));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $pii: 'aes-256-gcm',
    kid: keyId,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The field's value, or ERASED when the key is gone. Throws when the ciphertext was tampered with. */
export function open(sealed: SealedField, key: Buffer | undefined, place: FieldPlace): unknown {
  if (!key) return ERASED;
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(aad(place));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as unknown;
}

export function isSealed(value: unknown): value is SealedField {
  return typeof value === 'object' && value !== null && (value as { $pii?: unknown }).$pii === 'aes-256-gcm';
}

/** Visits every sealed field under `value`, with its path (`data.requester.email`); `replace` swaps it. */
export function mapSealed(value: unknown, path: string, fn: (sealed: SealedField, path: string) => unknown): unknown {
  if (isSealed(value)) return fn(value, path);
  if (Array.isArray(value)) return value.map((v, i) => mapSealed(v, `${path}[${i}]`, fn));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = mapSealed(v, `${path}.${k}`, fn);
  return out;
}
