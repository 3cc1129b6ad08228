/**
 * The alternatives the codec is measured beside, same payload format (iv | ciphertext | tag of the
 * serialized Payload): AES-256-GCM with the raw key bytes handed to createCipheriv on every call,
 * and WebCrypto's subtle AES-GCM with a CryptoKey (the approach of temporalio/samples-typescript
 * `encryption`). Bench-only: neither is used by Caseflow.
 */
import { createCipheriv, createDecipheriv, randomBytes, webcrypto } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

const ProtoPayload = temporal.api.common.v1.Payload;
const ENCRYPTED = { encoding: Buffer.from('binary/encrypted'), 'encryption-key-id': Buffer.from('bench') };

export interface Codec {
  encode(payload: Payload): Promise<Payload> | Payload;
  decode(payload: Payload): Promise<Payload> | Payload;
}

export function rawKeyCodec(key: Buffer): Codec {
  return {
    encode(payload) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(ProtoPayload.encode(payload).finish()), cipher.final()]);
      return { metadata: ENCRYPTED, data: Buffer.concat([iv, body, cipher.getAuthTag()]) };
    },
    decode(payload) {
      const data = Buffer.from(payload.data!);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return ProtoPayload.decode(
        Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]),
      );
    },
  };
}

export async function webCryptoCodec(key: Buffer): Promise<Codec> {
  const cryptoKey = await webcrypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return {
    async encode(payload) {
      const iv = webcrypto.getRandomValues(new Uint8Array(12));
      const sealed = await webcrypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        cryptoKey,
        ProtoPayload.encode(payload).finish(),
      );
      return { metadata: ENCRYPTED, data: Buffer.concat([iv, new Uint8Array(sealed)]) };
    },
    async decode(payload) {
      const data = payload.data!;
      const plain = await webcrypto.subtle.decrypt(
        { name: 'AES-GCM', iv: data.subarray(0, 12) },
        cryptoKey,
        data.subarray(12),
      );
      return ProtoPayload.decode(new Uint8Array(plain));
    },
  };
}
