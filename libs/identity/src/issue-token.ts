import { createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import type { CaseflowClaims } from './claims';

export interface IssueOptions {
  issuer: string;
  audience: string;
  /** Lifetime in seconds. */
  expiresInSeconds: number;
  /** Issue time (default now). */
  now?: Date;
}

/** An HS256 token of the embedded issuer. */
export async function issueEmbeddedToken(
  secret: Uint8Array,
  claims: CaseflowClaims,
  options: IssueOptions,
): Promise<string> {
  const { sub, ...rest } = claims;
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.expiresInSeconds)
    .sign(secret);
}

/**
 * The embedded issuer's opaque `sub` for a customer contact: stable for one person of one customer,
 * and meaningless without the secret (not the e-mail address, not the store's data-subject id).
 */
export function contactSubject(secret: Uint8Array, customerId: string, email: string): string {
  const mac = createHmac('sha256', secret).update(`contact\n${customerId}\n${email.trim().toLowerCase()}`);
  return `cc-${mac.digest('base64url').slice(0, 22)}`;
}
