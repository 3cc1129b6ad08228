import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { CodecKeyRing, EncryptionCodec, payloadFromJson, payloadToJson, type JsonPayload } from '@caseflow/codec';
import { personalReference } from '@caseflow/domain';
import type { PersonalReferences } from '@caseflow/persistence';
import type { TemporalConfig } from '@caseflow/temporal';
import { PayloadDecoder } from './payload-decoder.service';

const keys = CodecKeyRing.of([{ id: 'spec-key', secret: randomBytes(32) }], 'spec');
const codec = new EncryptionCodec(keys);
const config = { codec: { keys, plaintext: 'refuse' } } as unknown as TemporalConfig;
const title = personalReference('ds-0b6c2a9e-1111-4c1e-9d3a-2f1e5c7a9b01', '5f0e2d1c-aaaa-4bbb-8ccc-0d1e2f3a4b5c');

const sealed = async (value: unknown): Promise<JsonPayload> =>
  payloadToJson((await codec.encode([defaultPayloadConverter.toPayload(value)]))[0]);
const shown = (payload: JsonPayload): unknown => defaultPayloadConverter.fromPayload(payloadFromJson(payload));

/** The codec server's decoding: the codec first, then the claim checks opened from the vault. */
describe('PayloadDecoder', () => {
  it('opens the references in a decoded JSON payload (here: as an erased subject reads)', async () => {
    const opened: unknown[] = [];
    const references: Pick<PersonalReferences, 'open'> = {
      open: async <T>(value: T) => {
        opened.push(value);
        return { ...(value as object), title: '[erased]' } as T;
      },
    };
    const decoder = new PayloadDecoder(config, references);
    const [payload] = await decoder.decode([await sealed({ number: 'CF-2026-000001', title })]);
    expect(shown(payload)).toEqual({ number: 'CF-2026-000001', title: '[erased]' });
    expect(opened).toEqual([{ number: 'CF-2026-000001', title }]);
  });

  it('asks the vault nothing for a payload without references', async () => {
    const references = { open: jest.fn() };
    const [payload] = await new PayloadDecoder(config, references).decode([await sealed({ phase: 'understand' })]);
    expect(shown(payload)).toEqual({ phase: 'understand' });
    expect(references.open).not.toHaveBeenCalled();
  });

  it('shows the references themselves when the vault cannot answer: never the request failing, never plaintext', async () => {
    const references = { open: async () => Promise.reject(new Error('database down')) };
    const decoder = new PayloadDecoder(config, references);
    const tampered = await sealed('x');
    tampered.data = Buffer.from('not the ciphertext').toString('base64');
    const [payload, broken] = await decoder.decode([await sealed({ title }), tampered]);
    expect(shown(payload)).toEqual({ title });
    expect(shown(broken)).toMatch(/^\[undecodable: /);
  });
});
