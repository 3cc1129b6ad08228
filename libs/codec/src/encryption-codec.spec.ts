import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { CodecError } from './codec-error';
import { CIPHER, ENCRYPTED_ENCODING, EncryptionCodec, METADATA_CIPHER, METADATA_KEY_ID } from './encryption-codec';
import { CodecKeyRing, generateKeyEntry, type KeyEntry } from './key-ring';

const first: KeyEntry = { id: 'k1', secret: Buffer.alloc(32, 1) };
const second: KeyEntry = { id: 'k2', secret: Buffer.alloc(32, 2) };
const ring = (...entries: KeyEntry[]): CodecKeyRing => CodecKeyRing.of(entries, 'test ring');
const meta = (payload: Payload, name: string): string | undefined => {
  const value = payload.metadata?.[name];
  return value ? Buffer.from(value).toString() : undefined;
};
const ticket = {
  number: 'CF-2026-000001',
  requester: 'anna.kovacs@example.com',
  title: 'Sessions drop after the upgrade',
  description: 'Every session ends after five minutes. Ünïcödé ✓',
};

async function roundTrip(codec: EncryptionCodec, value: unknown): Promise<unknown> {
  const [encoded] = await codec.encode([defaultPayloadConverter.toPayload(value)]);
  const [decoded] = await codec.decode([encoded]);
  return defaultPayloadConverter.fromPayload(decoded);
}

async function decodeError(codec: EncryptionCodec, payload: Payload): Promise<CodecError> {
  try {
    await codec.decode([payload]);
  } catch (error) {
    if (error instanceof CodecError) return error;
    throw error;
  }
  throw new Error('the payload decoded');
}

describe('EncryptionCodec', () => {
  const codec = new EncryptionCodec(ring(first));

  it.each([
    ['an object', ticket],
    ['a string', 'anna.kovacs@example.com'],
    ['an empty string', ''],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['bytes', new Uint8Array([0, 1, 2, 255])],
    ['a large object', { lines: Array.from({ length: 2000 }, (_, i) => `line ${i} of the description`) }],
  ])('round-trips %s', async (_, value) => {
    expect(await roundTrip(codec, value)).toEqual(value);
  });

  it('marks the payload encrypted with its key id and cipher, and hides the plaintext and its encoding', async () => {
    const [encoded] = await codec.encode([defaultPayloadConverter.toPayload(ticket)]);
    expect(Object.keys(encoded.metadata ?? {}).sort()).toEqual(['encoding', METADATA_CIPHER, METADATA_KEY_ID].sort());
    expect(meta(encoded, 'encoding')).toBe(ENCRYPTED_ENCODING);
    expect(meta(encoded, METADATA_KEY_ID)).toBe('k1');
    expect(meta(encoded, METADATA_CIPHER)).toBe(CIPHER);
    const data = Buffer.from(encoded.data ?? []);
    for (const clear of ['anna.kovacs', 'Sessions drop', 'json/plain']) expect(data.includes(clear)).toBe(false);
  });

  it('seals the same value differently each time (a fresh iv per payload)', async () => {
    const payload = defaultPayloadConverter.toPayload(ticket);
    const [a, b] = await codec.encode([payload, payload]);
    expect(Buffer.from(a.data ?? []).equals(Buffer.from(b.data ?? []))).toBe(false);
  });

  it('keeps the original metadata (beyond the encoding) through the round trip', async () => {
    const payload: Payload = {
      metadata: { encoding: Buffer.from('json/plain'), messageType: Buffer.from('caseflow.Ticket') },
      data: Buffer.from('{"a":1}'),
    };
    const [decoded] = await codec.decode(await codec.encode([payload]));
    expect(meta(decoded, 'messageType')).toBe('caseflow.Ticket');
    expect(meta(decoded, 'encoding')).toBe('json/plain');
  });

  describe('tampering', () => {
    const sealed = async (): Promise<Payload> => (await codec.encode([defaultPayloadConverter.toPayload(ticket)]))[0];
    const flipByte = (payload: Payload, at: (length: number) => number): Payload => {
      const data = Buffer.from(payload.data ?? []);
      data[at(data.length)] ^= 0x01;
      return { ...payload, data };
    };

    it.each([
      ['the iv', () => 0],
      ['the ciphertext', (n: number) => Math.floor(n / 2)],
      ['the tag', (n: number) => n - 1],
    ])('fails when a bit of %s changes', async (_, at) => {
      const error = await decodeError(codec, flipByte(await sealed(), at));
      expect(error.code).toBe('CODEC_TAMPERED');
      expect(error.message).toMatch(/k1 failed authentication: its ciphertext or metadata was changed/);
    });

    it('fails when the ciphertext is cut short', async () => {
      const payload = await sealed();
      const error = await decodeError(codec, { ...payload, data: Buffer.from(payload.data ?? []).subarray(0, 20) });
      expect(error.code).toBe('CODEC_MALFORMED');
    });

    it('fails when the key id is changed to another key of the ring', async () => {
      const both = new EncryptionCodec(ring(first, second));
      const [payload] = await both.encode([defaultPayloadConverter.toPayload(ticket)]);
      const relabelled = { ...payload, metadata: { ...payload.metadata, [METADATA_KEY_ID]: Buffer.from('k1') } };
      expect((await decodeError(both, relabelled)).code).toBe('CODEC_TAMPERED');
    });

    it('fails when the encoding is changed to a plain one (the payload is never read as plaintext)', async () => {
      const payload = await sealed();
      const relabelled = { ...payload, metadata: { ...payload.metadata, encoding: Buffer.from('binary/plain') } };
      const lenient = new EncryptionCodec(ring(first), { plaintext: 'accept' });
      const error = await decodeError(lenient, relabelled);
      expect(error.code).toBe('CODEC_TAMPERED');
      expect(error.message).toMatch(/encoding is "binary\/plain"/);
    });

    it('fails when metadata is added or the cipher is renamed', async () => {
      const payload = await sealed();
      const added = { ...payload, metadata: { ...payload.metadata, messageType: Buffer.from('x') } };
      expect((await decodeError(codec, added)).message).toMatch(/unexpected metadata: messageType/);
      const renamed = { ...payload, metadata: { ...payload.metadata, [METADATA_CIPHER]: Buffer.from('AES-128-GCM') } };
      expect((await decodeError(codec, renamed)).code).toBe('CODEC_TAMPERED');
    });

    it('fails when the key id is missing', async () => {
      const payload = await sealed();
      const metadata = { ...payload.metadata };
      delete metadata[METADATA_KEY_ID];
      expect((await decodeError(codec, { ...payload, metadata })).code).toBe('CODEC_MALFORMED');
    });
  });

  describe('key rotation', () => {
    it('seals new payloads under the newest key and still opens those sealed under older ones', async () => {
      const before = new EncryptionCodec(ring(first));
      const [old] = await before.encode([defaultPayloadConverter.toPayload('sealed before rotation')]);
      const after = new EncryptionCodec(ring(first, second));
      const [fresh] = await after.encode([defaultPayloadConverter.toPayload('sealed after rotation')]);
      expect(meta(old, METADATA_KEY_ID)).toBe('k1');
      expect(meta(fresh, METADATA_KEY_ID)).toBe('k2');
      const decoded = await after.decode([old, fresh]);
      expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([
        'sealed before rotation',
        'sealed after rotation',
      ]);
    });

    it('names an unknown key id in a clear error', async () => {
      const [payload] = await new EncryptionCodec(ring(second)).encode([defaultPayloadConverter.toPayload('x')]);
      const error = await decodeError(codec, payload);
      expect(error).toMatchObject({ code: 'CODEC_UNKNOWN_KEY', keyId: 'k2' });
      expect(error.message).toBe('unknown key k2 (the key ring holds k1)');
    });

    it('works with generated keys', async () => {
      const generated = new EncryptionCodec(ring(generateKeyEntry(), generateKeyEntry()));
      expect(await roundTrip(generated, ticket)).toEqual(ticket);
    });
  });

  describe('payloads that were never encrypted', () => {
    const plain = defaultPayloadConverter.toPayload(ticket);

    it('are refused by default', async () => {
      const error = await decodeError(codec, plain);
      expect(error.code).toBe('CODEC_PLAINTEXT');
      expect(error.message).toMatch(/not encrypted \(encoding "json\/plain"\)/);
    });

    it('pass through unchanged when plaintext is accepted', async () => {
      const [decoded] = await new EncryptionCodec(ring(first), { plaintext: 'accept' }).decode([plain]);
      expect(decoded).toBe(plain);
    });
  });
});
