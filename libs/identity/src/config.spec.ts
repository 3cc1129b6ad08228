import * as path from 'node:path';
import { authConfigFromEnv } from './config';

describe('authConfigFromEnv', () => {
  it('defaults to the embedded issuer with its secret in the data folder', () => {
    expect(authConfigFromEnv({})).toEqual({
      kind: 'embedded',
      secretFile: path.resolve('data', 'auth-hs256.secret'),
      issuer: 'caseflow',
      audience: 'caseflow',
      clockSkewSeconds: 30,
    });
  });

  it('switches to an identity provider with a JWKS URL and its issuer, RS256/ES256 only', () => {
    expect(
      authConfigFromEnv({
        CASEFLOW_AUTH_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
        CASEFLOW_AUTH_ISSUER: 'https://id.example.com/',
        CASEFLOW_AUTH_AUDIENCE: 'caseflow-api',
        CASEFLOW_AUTH_CLOCK_SKEW_SECONDS: '5',
      }),
    ).toEqual({
      kind: 'jwks',
      jwksUrl: 'https://id.example.com/.well-known/jwks.json',
      issuer: 'https://id.example.com/',
      audience: 'caseflow-api',
      algorithms: ['RS256', 'ES256'],
      clockSkewSeconds: 5,
      timeoutMs: 5000,
    });
  });

  it('names what is missing or wrong', () => {
    expect(() => authConfigFromEnv({ CASEFLOW_AUTH_JWKS_URL: 'https://id.example.com/jwks' })).toThrow(
      'needs CASEFLOW_AUTH_ISSUER',
    );
    expect(() => authConfigFromEnv({ CASEFLOW_AUTH_JWKS_URL: 'file:///etc/keys', CASEFLOW_AUTH_ISSUER: 'x' })).toThrow(
      'http(s) URL',
    );
    expect(() =>
      authConfigFromEnv({
        CASEFLOW_AUTH_JWKS_URL: 'https://x/jwks',
        CASEFLOW_AUTH_ISSUER: 'x',
        CASEFLOW_AUTH_ALGORITHMS: 'HS256',
      }),
    ).toThrow('CASEFLOW_AUTH_ALGORITHMS must be among RS256, ES256');
    expect(() => authConfigFromEnv({ CASEFLOW_AUTH_CLOCK_SKEW_SECONDS: '-1' })).toThrow('non-negative');
  });
});
