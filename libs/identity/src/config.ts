import * as path from 'node:path';

export const DEFAULT_ISSUER = 'caseflow';
export const DEFAULT_AUDIENCE = 'caseflow';
export const DEFAULT_CLOCK_SKEW_SECONDS = 30;
export const DEFAULT_JWKS_TIMEOUT_MS = 5_000;

/**
 * How tokens are verified.
 * - `embedded`: HS256 with a secret the first run writes into the data folder (mode 0600); the
 *   `caseflow token` command signs with the same file.
 * - `jwks`: a production identity provider: its issuer and JWKS URL, RS256/ES256 only.
 * Both check iss, aud and exp (with `clockSkewSeconds` of tolerance).
 */
export type AuthConfig =
  | { kind: 'embedded'; secretFile: string; issuer: string; audience: string; clockSkewSeconds: number }
  | {
      kind: 'jwks';
      jwksUrl: string;
      issuer: string;
      audience: string;
      algorithms: string[];
      clockSkewSeconds: number;
      timeoutMs: number;
    };

const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/** The embedded default's secret, in the same data folder `npm start` uses (git-ignored `data/`). */
export const defaultSecretFile = (env: NodeJS.ProcessEnv = process.env): string =>
  env.CASEFLOW_AUTH_SECRET_FILE ?? path.resolve('data', 'auth-hs256.secret');

/**
 * CASEFLOW_AUTH_JWKS_URL (with CASEFLOW_AUTH_ISSUER) switches to the identity provider; otherwise
 * the embedded default. CASEFLOW_AUTH_AUDIENCE (default `caseflow`), CASEFLOW_AUTH_ALGORITHMS
 * (default RS256,ES256), CASEFLOW_AUTH_CLOCK_SKEW_SECONDS (default 30), CASEFLOW_AUTH_JWKS_TIMEOUT_MS.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const audience = env.CASEFLOW_AUTH_AUDIENCE ?? DEFAULT_AUDIENCE;
  const clockSkewSeconds = nonNegative(env, 'CASEFLOW_AUTH_CLOCK_SKEW_SECONDS', DEFAULT_CLOCK_SKEW_SECONDS);
  if (!env.CASEFLOW_AUTH_JWKS_URL) {
    return {
      kind: 'embedded',
      secretFile: defaultSecretFile(env),
      issuer: env.CASEFLOW_AUTH_ISSUER ?? DEFAULT_ISSUER,
      audience,
      clockSkewSeconds,
    };
  }
  if (!env.CASEFLOW_AUTH_ISSUER)
    throw new Error('CASEFLOW_AUTH_JWKS_URL needs CASEFLOW_AUTH_ISSUER (the token issuer)');
  const url = env.CASEFLOW_AUTH_JWKS_URL;
  if (!/^https?:\/\//.test(url)) throw new Error(`CASEFLOW_AUTH_JWKS_URL must be an http(s) URL, got "${url}"`);
  const algorithms = (env.CASEFLOW_AUTH_ALGORITHMS ?? JWKS_ALGORITHMS.join(','))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const unknown = algorithms.filter((a) => !JWKS_ALGORITHMS.includes(a));
  if (algorithms.length === 0 || unknown.length > 0)
    throw new Error(`CASEFLOW_AUTH_ALGORITHMS must be among ${JWKS_ALGORITHMS.join(', ')}, got "${algorithms}"`);
  return {
    kind: 'jwks',
    jwksUrl: url,
    issuer: env.CASEFLOW_AUTH_ISSUER,
    audience,
    algorithms,
    clockSkewSeconds,
    timeoutMs: nonNegative(env, 'CASEFLOW_AUTH_JWKS_TIMEOUT_MS', DEFAULT_JWKS_TIMEOUT_MS),
  };
}

function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}
