import type { Request, Response } from 'express';

/**
 * Temporal UI sends an Authorization header to a codec server only over https, and only the UI's
 * own login token. Over http (npm start), it can send cookies ("include cross-origin credentials"),
 * so a supervisor signs in here once and the token travels as this HttpOnly, SameSite=Strict cookie,
 * scoped to /codec; it is verified on every request like a bearer token.
 */
export const SESSION_COOKIE = 'caseflow_codec';
const MAX_SESSION_SECONDS = 8 * 3600;
const TOKEN = /^[A-Za-z0-9._~+/=-]{1,4096}$/;

export function sessionToken(request: Request): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = decodeURIComponent(part.slice(eq + 1).trim());
      return TOKEN.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** The Authorization header, else the session cookie as a bearer token. */
export function authorizationOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) return header;
  const token = sessionToken(request);
  return token === undefined ? undefined : `Bearer ${token}`;
}

export const isWellFormedToken = (token: unknown): token is string => typeof token === 'string' && TOKEN.test(token);

/** Seconds the cookie lives: until the token's `exp` if it names one, never beyond 8 hours. */
export function sessionSeconds(token: string, nowMs: number = Date.now()): number {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    if (typeof claims.exp === 'number')
      return Math.max(0, Math.min(MAX_SESSION_SECONDS, Math.floor(claims.exp - nowMs / 1000)));
  } catch {
    // Not a JWT the cookie can read an expiry from: the verifier still checks it on every request.
  }
  return MAX_SESSION_SECONDS;
}

export function setSessionCookie(request: Request, response: Response, token: string): number {
  const seconds = sessionSeconds(token);
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: '/codec',
    maxAge: seconds * 1000,
  });
  return seconds;
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/codec' });
}

/** A form post from a page of this gateway (its own origin), never from another site. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.origin;
  return origin === undefined || origin === `${request.protocol}://${request.headers.host}`;
}
