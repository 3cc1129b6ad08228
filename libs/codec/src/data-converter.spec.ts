import { ApplicationFailure, defaultPayloadConverter, type LoadedDataConverter } from '@temporalio/common';
import { loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { caseflowDataConverter } from './data-converter';
import { ENCRYPTED_ENCODING } from './encryption-codec';
import { CodecKeyRing } from './key-ring';

const ring = CodecKeyRing.of([{ id: 'k1', secret: Buffer.alloc(32, 7) }], 'test ring');

describe('caseflowDataConverter', () => {
  let converter: LoadedDataConverter;
  beforeAll(() => {
    converter = loadDataConverter(caseflowDataConverter(ring));
  });

  it('encodes failure messages and stack traces into a payload the codec encrypts', async () => {
    const failure = converter.failureConverter.errorToFailure(
      ApplicationFailure.nonRetryable('anna.kovacs@example.com is not a contact', 'NotAContact'),
      converter.payloadConverter,
    );
    expect(failure.message).not.toContain('anna');
    expect(failure.stackTrace ?? '').not.toContain('anna');
    const [encoded] = await converter.payloadCodecs[0].encode([failure.encodedAttributes!]);
    expect(Buffer.from(encoded.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    const [decoded] = await converter.payloadCodecs[0].decode([encoded]);
    expect(defaultPayloadConverter.fromPayload<{ message: string }>(decoded).message).toBe(
      'anna.kovacs@example.com is not a contact',
    );
  });

  it('refuses plaintext payloads unless told to accept them (replaying pre-codec histories)', async () => {
    const plain = defaultPayloadConverter.toPayload('x');
    await expect(converter.payloadCodecs[0].decode([plain])).rejects.toThrow(/not encrypted/);
    const lenient = loadDataConverter(caseflowDataConverter(ring, { plaintext: 'accept' }));
    await expect(lenient.payloadCodecs[0].decode([plain])).resolves.toEqual([plain]);
  });
});
