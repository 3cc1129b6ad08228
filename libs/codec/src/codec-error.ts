export type CodecErrorCode =
  /** The payload names a key id the ring does not hold (never had it, or it was removed). */
  | 'CODEC_UNKNOWN_KEY'
  /** Authentication failed, or codec metadata sits on a payload that is not the codec's: it was changed. */
  | 'CODEC_TAMPERED'
  /** The payload claims the codec's encoding but lacks what every encrypted payload has. */
  | 'CODEC_MALFORMED'
  /** A payload that was never encrypted, where the codec refuses plaintext. */
  | 'CODEC_PLAINTEXT';

/** A payload that cannot be decoded; never read as anything else. */
export class CodecError extends Error {
  constructor(
    readonly code: CodecErrorCode,
    message: string,
    /** The key id the payload names, when it names one. */
    readonly keyId?: string,
  ) {
    super(message);
    this.name = 'CodecError';
  }
}
