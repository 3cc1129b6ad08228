import { createHmac, timingSafeEqual } from 'node:crypto';
import { CODEC_ROLES, type CodecAccess } from '@caseflow/gateway';

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** A real HS256 JWT, signed with node:crypto. */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  return `${head}.${body}.${base64url(signature)}`;
}

export const tokenFor = (role: string, secret: string, lifetimeSeconds = 3600): string =>
  signHs256({ sub: `${role}-1`, roles: [role], exp: Math.floor(Date.now() / 1000) + lifetimeSeconds }, secret);

/**
 * A CodecAccess for tests that verifies HS256 bearer tokens (signature, expiry, `roles` claim): the
 * shape the gateway's own verifier is wired into at merge.
 */
export function hs256CodecAccess(secret: string): CodecAccess {
  return async (authorization) => {
    const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
    if (!match) return 'unauthenticated';
    const [, head, body, signature] = match;
    const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'unauthenticated';
    const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { exp?: number; roles?: unknown };
    if (header.alg !== 'HS256' || typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now())
      return 'unauthenticated';
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    return roles.some((role) => (CODEC_ROLES as readonly unknown[]).includes(role)) ? 'allowed' : 'forbidden';
  };
}
