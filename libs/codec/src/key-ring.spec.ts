import { CodecKeyRing, formatKeyEntry, generateKeyEntry } from './key-ring';

const b64 = (fill: number, bytes = 32): string => Buffer.alloc(bytes, fill).toString('base64');

describe('CodecKeyRing', () => {
  it('parses id:base64 entries, oldest first, the newest being current', () => {
    const ring = CodecKeyRing.parse(`k1:${b64(1)}, k2:${b64(2)}`, 'CASEFLOW_CODEC_KEYS');
    expect(ring.ids).toEqual(['k1', 'k2']);
    expect(ring.current.id).toBe('k2');
    expect(ring.find('k1')?.secret.export()).toEqual(Buffer.alloc(32, 1));
    expect(ring.find('k3')).toBeUndefined();
  });

  it('reads a file body: one key per line, comments and blank lines ignored', () => {
    const ring = CodecKeyRing.parse(`# keys\n\nk1:${b64(1)}\nk2:${b64(2)}\n`, 'key file');
    expect(ring.ids).toEqual(['k1', 'k2']);
  });

  it.each([
    ['', /no codec key/],
    [`k1:${b64(1, 16)}`, /key "k1" has 16 bytes; AES-256 needs 32/],
    [`k1:${b64(1)},k1:${b64(2)}`, /key id "k1" appears twice/],
    [`bad id:${b64(1)}`, /has id "bad id"/],
    ['k1', /key #1 is not "id:base64"/],
    ['k1:not base64!', /key "k1" is not base64/],
  ])('refuses %j with a clear error naming the source, never the key', (text, message) => {
    expect(() => CodecKeyRing.parse(text, 'CASEFLOW_CODEC_KEYS')).toThrow(message);
    expect(() => CodecKeyRing.parse(text, 'CASEFLOW_CODEC_KEYS')).toThrow(/^CASEFLOW_CODEC_KEYS: /);
  });

  it('generates 32-byte keys with dated, distinct ids that parse back', () => {
    const a = generateKeyEntry(new Date('2026-01-15T10:00:00Z'));
    const b = generateKeyEntry(new Date('2026-01-15T10:00:00Z'));
    expect(a.id).toMatch(/^key-20260115-[0-9a-f]{6}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.secret).toHaveLength(32);
    expect(CodecKeyRing.parse([a, b].map(formatKeyEntry).join(','), 'x').ids).toEqual([a.id, b.id]);
  });
});
