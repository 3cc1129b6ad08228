import { Inject, Injectable } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import { CodecError, EncryptionCodec, payloadFromJson, payloadToJson, type JsonPayload } from '@caseflow/codec';
import { referencesIn } from '@caseflow/domain';
import { PERSONAL_REFERENCES, type PersonalReferences } from '@caseflow/persistence';
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
 * Then the claim checks (docs/codec.md): personal references in a decoded JSON payload are opened
 * from the vault, `[erased]` for an erased person; the caller was already let in as a supervisor,
 * manager or auditor.
 */
@Injectable()
export class PayloadDecoder {
  private readonly codec: EncryptionCodec;

  constructor(
    @Inject(TEMPORAL_CONFIG) config: TemporalConfig,
    @Inject(PERSONAL_REFERENCES) private readonly references: Pick<PersonalReferences, 'open'>,
  ) {
    this.codec = new EncryptionCodec(config.codec.keys, { plaintext: 'accept' });
  }

  decode(payloads: JsonPayload[]): Promise<JsonPayload[]> {
    return Promise.all(
      payloads.map(async (payload) => {
        let decoded: Payload;
        try {
          decoded = this.codec.decodeOne(payloadFromJson(payload));
        } catch (error) {
          return undecodable(reasonFor(error));
        }
        return payloadToJson(await this.withReferencesOpened(decoded));
      }),
    );
  }

  /** A JSON payload holding references, with them opened; anything else (or a vault that cannot answer now) as it is. */
  private async withReferencesOpened(payload: Payload): Promise<Payload> {
    const encoding = Buffer.from(payload.metadata?.encoding ?? new Uint8Array()).toString('utf8');
    if (encoding !== 'json/plain' || !payload.data) return payload;
    const text = Buffer.from(payload.data).toString('utf8');
    if (!referencesIn(text).length) return payload;
    try {
      const opened = await this.references.open(JSON.parse(text) as unknown);
      return { ...payload, data: Buffer.from(JSON.stringify(opened), 'utf8') };
    } catch {
      return payload;
    }
  }
}
