import { createHmac } from 'node:crypto';

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** A real HS256 JWT, signed with node:crypto. */
export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  return `${head}.${body}.${base64url(signature)}`;
}
