import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { Caller } from './caller';
import { callerFromClaims, InvalidClaimsError } from './claims';
import type { AuthConfig } from './config';
import { loadOrCreateSecret } from './secret-file';

/**
 * Why a credential was refused: `invalid` (the caller's fault: 401) or `unavailable` (the identity
 * provider's keys could not be fetched: 503). `reason` is safe to log; it never holds the token.
 */
export class CredentialError extends Error {
  override readonly name = 'CredentialError';
  constructor(
    readonly kind: 'invalid' | 'unavailable',
    readonly reason: string,
  ) {
    super(reason);
  }
}

type Key = Uint8Array | JWTVerifyGetKey;

/** Verifies bearer JWTs with jose: signature, algorithm allow-list, iss, aud, exp (clock skew), then Caseflow's claims. */
export class TokenVerifier {
  private constructor(
    private readonly key: Key,
    private readonly options: JWTVerifyOptions,
  ) {}

  static fromConfig(config: AuthConfig): TokenVerifier {
    const common = {
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: config.clockSkewSeconds,
      requiredClaims: ['exp', 'sub'],
    };
    if (config.kind === 'embedded')
      return new TokenVerifier(loadOrCreateSecret(config.secretFile), { ...common, algorithms: ['HS256'] });
    const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: config.timeoutMs });
    return new TokenVerifier(jwks, { ...common, algorithms: config.algorithms });
  }

  async verify(token: string): Promise<Caller> {
    let payload: Record<string, unknown>;
    try {
      // jose's overloads split on the key's type; both kinds verify the same way.
      ({ payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, this.options)
          : await jwtVerify(token, this.key, this.options));
    } catch (error) {
      throw credentialError(error);
    }
    try {
      return callerFromClaims(payload);
    } catch (error) {
      if (error instanceof InvalidClaimsError) throw new CredentialError('invalid', error.message);
      throw error;
    }
  }
}

function credentialError(error: unknown): CredentialError {
  if (error instanceof errors.JWTExpired) return new CredentialError('invalid', 'token expired');
  if (error instanceof errors.JWTClaimValidationFailed)
    return new CredentialError('invalid', `${error.claim} claim rejected: ${error.reason}`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new CredentialError('invalid', 'signing algorithm not allowed');
  if (error instanceof errors.JWSSignatureVerificationFailed) return new CredentialError('invalid', 'bad signature');
  if (error instanceof errors.JWKSNoMatchingKey) return new CredentialError('invalid', 'no key of the issuer matches');
  if (error instanceof errors.JWKSTimeout)
    return new CredentialError('unavailable', 'identity provider keys timed out');
  if (error instanceof errors.JWKSInvalid)
    return new CredentialError('unavailable', 'identity provider served invalid keys');
  if (error instanceof errors.JOSEError) return new CredentialError('invalid', `malformed token (${error.code})`);
  if (error instanceof TypeError || (error as { code?: string }).code?.startsWith('E'))
    return new CredentialError('unavailable', 'identity provider keys could not be fetched');
  return new CredentialError('invalid', 'token refused');
}
