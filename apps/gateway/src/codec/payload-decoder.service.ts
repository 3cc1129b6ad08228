import { Inject, Injectable } from '@nestjs/common';
import { CodecError, EncryptionCodec, payloadFromJson, payloadToJson, type JsonPayload } from '@caseflow/codec';
import { TEMPORAL_CONFIG, type TemporalConfig } from '@caseflow/temporal';

/** What the UI shows instead of a payload the codec cannot open: a JSON string saying why. */
const undecodable = (reason: string): JsonPayload => ({
  metadata: { encoding: Buffer.from('json/plain').toString('base64') },
  data: Buffer.from(JSON.stringify(`[undecodable: ${reason}]`)).toString('base64'),
});

const reasonFor = (error: unknown): string => {
  if (!(error instanceof CodecError)) return 'not a payload this codec can read';
  return error.code === 'CODEC_UNKNOWN_KEY' ? `unknown key ${error.keyId}` : error.message;
};

/**
 * Decodes for display, with the same key ring as this process's client and worker. Plaintext
 * payloads (recorded before the codec, or search attributes) are shown as they are; each payload
 * that cannot be opened is answered by an `[undecodable: …]` string, the others still decode.
 */
@Injectable()
export class PayloadDecoder {
  private readonly codec: EncryptionCodec;

  constructor(@Inject(TEMPORAL_CONFIG) config: TemporalConfig) {
    this.codec = new EncryptionCodec(config.codec.keys, { plaintext: 'accept' });
  }

  decode(payloads: JsonPayload[]): JsonPayload[] {
    return payloads.map((payload) => {
      try {
        return payloadToJson(this.codec.decodeOne(payloadFromJson(payload)));
      } catch (error) {
        return undecodable(reasonFor(error));
      }
    });
  }
}
