import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { CodecError } from './codec-error';
import type { CodecKeyRing } from './key-ring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_KEY_ID = 'encryption-key-id';
export const METADATA_CIPHER = 'encryption-cipher';
export const CIPHER = 'AES-256-GCM';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CODEC_METADATA = new Set([METADATA_ENCODING_KEY, METADATA_KEY_ID, METADATA_CIPHER]);
const ProtoPayload = temporal.api.common.v1.Payload;

export interface CodecOptions {
  /** Payloads that were never encrypted: refused (default) or passed through as they are. */
  plaintext?: 'refuse' | 'accept';
}

const text = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : undefined;

/**
 * What the tag also authenticates besides the ciphertext: the codec's format, the cipher and the
 * key id. The original payload (its encoding and all its metadata) is the encrypted plaintext.
 */
const additionalData = (keyId: string): Buffer =>
  Buffer.from(`caseflow-codec/v1\n${ENCRYPTED_ENCODING}\n${CIPHER}\n${keyId}`, 'utf8');
const ENCODING_BYTES = Buffer.from(ENCRYPTED_ENCODING);
const CIPHER_BYTES = Buffer.from(CIPHER);

/**
 * Temporal payload codec: each payload (data and metadata, serialized as the Payload proto) is
 * sealed with AES-256-GCM under the ring's newest key; the result is marked `binary/encrypted`
 * with the key id and cipher in its metadata, and laid out as iv (12) | ciphertext | tag (16).
 * Decoding opens it with the key it names, or fails with a CodecError: a changed ciphertext,
 * key id or codec metadata never decodes. A payload that was never encoded (no codec metadata) is
 * refused by default, so only holders of the keys can put input into a workflow; `accept` lets it
 * through, for histories recorded before the codec and for tools that only display.
 */
export class EncryptionCodec implements PayloadCodec {
  private readonly acceptPlaintext: boolean;
  /** Per key id: its additional data and its id's bytes, made once. */
  private readonly perKey = new Map<string, { aad: Buffer; id: Buffer }>();

  constructor(
    private readonly keys: CodecKeyRing,
    options: CodecOptions = {},
  ) {
    this.acceptPlaintext = options.plaintext === 'accept';
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encodeOne(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decodeOne(payload));
  }

  encodeOne(payload: Payload): Payload {
    const key = this.keys.current;
    const { aad, id } = this.bytesOf(key.id);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key.secret, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const sealed = Buffer.concat([iv, cipher.update(ProtoPayload.encode(payload).finish()), cipher.final()]);
    return {
      metadata: { [METADATA_ENCODING_KEY]: ENCODING_BYTES, [METADATA_KEY_ID]: id, [METADATA_CIPHER]: CIPHER_BYTES },
      data: Buffer.concat([sealed, cipher.getAuthTag()]),
    };
  }

  decodeOne(payload: Payload): Payload {
    const metadata = payload.metadata ?? {};
    const marked = METADATA_KEY_ID in metadata || METADATA_CIPHER in metadata;
    const encoding = text(metadata[METADATA_ENCODING_KEY]);
    if (encoding !== ENCRYPTED_ENCODING) {
      if (marked)
        throw new CodecError('CODEC_TAMPERED', `payload carries codec metadata but its encoding is "${encoding}"`);
      if (this.acceptPlaintext) return payload;
      throw new CodecError(
        'CODEC_PLAINTEXT',
        `payload is not encrypted (encoding "${encoding}"): only payloads sealed by the Caseflow codec are accepted`,
      );
    }
    const keyId = this.checkMetadata(metadata);
    const key = this.keys.find(keyId);
    if (!key)
      throw new CodecError(
        'CODEC_UNKNOWN_KEY',
        `unknown key ${keyId} (the key ring holds ${this.keys.ids.join(', ')})`,
        keyId,
      );
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new CodecError('CODEC_MALFORMED', `encrypted payload of ${data.length} bytes is too short`, keyId);
    const decipher = createDecipheriv(ALGORITHM, key.secret, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(this.bytesOf(keyId).aad);
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new CodecError(
        'CODEC_TAMPERED',
        `payload under key ${keyId} failed authentication: its ciphertext or metadata was changed`,
        keyId,
      );
    }
    return ProtoPayload.decode(plain);
  }

  private bytesOf(keyId: string): { aad: Buffer; id: Buffer } {
    let bytes = this.perKey.get(keyId);
    if (!bytes) this.perKey.set(keyId, (bytes = { aad: additionalData(keyId), id: Buffer.from(keyId) }));
    return bytes;
  }

  private checkMetadata(metadata: Record<string, Uint8Array | null | undefined>): string {
    const foreign = Object.keys(metadata).filter((name) => !CODEC_METADATA.has(name));
    if (foreign.length > 0)
      throw new CodecError('CODEC_TAMPERED', `encrypted payload has unexpected metadata: ${foreign.join(', ')}`);
    const cipher = text(metadata[METADATA_CIPHER]);
    if (cipher !== CIPHER) throw new CodecError('CODEC_TAMPERED', `encrypted payload names cipher "${cipher}"`);
    const keyId = text(metadata[METADATA_KEY_ID]);
    if (!keyId) throw new CodecError('CODEC_MALFORMED', `encrypted payload names no key (${METADATA_KEY_ID})`);
    return keyId;
  }
}
