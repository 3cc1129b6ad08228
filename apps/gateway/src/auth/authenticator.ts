import { Inject, Injectable } from '@nestjs/common';
import { CredentialError, isApiKey, type ApiKeys, type Caller, type TokenVerifier } from '@caseflow/identity';
import { API_KEYS, TOKEN_VERIFIER } from './auth.tokens';

const BEARER = /^Bearer +([^\s]+)$/i;

/** Establishes who is calling from `Authorization: Bearer <JWT | API key>`; throws CredentialError. */
@Injectable()
export class Authenticator {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    @Inject(API_KEYS) private readonly keys: ApiKeys,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Caller> {
    if (!authorization) throw new CredentialError('invalid', 'no bearer token');
    const credential = BEARER.exec(authorization)?.[1];
    if (!credential) throw new CredentialError('invalid', 'the Authorization header is not "Bearer <token>"');
    if (!isApiKey(credential)) return this.tokens.verify(credential);
    const caller = await this.keys.verify(credential);
    if (!caller) throw new CredentialError('invalid', 'unknown or revoked API key');
    return caller;
  }
}
