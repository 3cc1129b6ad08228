import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type KeyLike } from 'jose';
import type { AuthConfig } from './config';
import { CredentialError, TokenVerifier } from './verify-token';

/** A real identity provider's JWKS endpoint over HTTP on loopback, counting its fetches. */
async function serveJwks(keys: object[]): Promise<{ url: string; fetches: () => number; close: () => Promise<void> }> {
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    fetches: () => fetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('TokenVerifier against an issuer’s JWKS over HTTP', () => {
  const issuer = 'https://id.example.com/';
  const audience = 'caseflow';
  let rsa: { privateKey: KeyLike; publicKey: KeyLike };
  let ec: { privateKey: KeyLike; publicKey: KeyLike };
  let stranger: { privateKey: KeyLike; publicKey: KeyLike };
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let verifier: TokenVerifier;
  const config = (jwksUrl: string, timeoutMs = 2_000): AuthConfig => ({
    kind: 'jwks',
    jwksUrl,
    issuer,
    audience,
    algorithms: ['RS256', 'ES256'],
    clockSkewSeconds: 30,
    timeoutMs,
  });
  const now = () => Math.floor(Date.now() / 1000);
  const claims = { role: 'engineer', tier: 'L2' };
  const sign = (key: KeyLike, alg: string, kid: string, overrides: Record<string, unknown> = {}) =>
    new SignJWT({ ...claims, ...overrides })
      .setProtectedHeader({ alg, kid })
      .setSubject('eve')
      .setIssuer((overrides.iss as string) ?? issuer)
      .setAudience((overrides.aud as string) ?? audience)
      .setExpirationTime((overrides.exp as number) ?? now() + 600)
      .sign(key);

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    stranger = await generateKeyPair('RS256');
    jwks = await serveJwks([
      { ...(await exportJWK(rsa.publicKey)), kid: 'rs-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' },
    ]);
    verifier = TokenVerifier.fromConfig(config(jwks.url));
  });

  afterAll(async () => {
    await jwks?.close();
  });

  const refusal = async (token: string): Promise<CredentialError> => {
    const error = await verifier.verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof CredentialError)) throw new Error(`expected a CredentialError, got ${String(error)}`);
    return error;
  };

  it('accepts RS256 and ES256 tokens of the issuer, fetching the keys once', async () => {
    expect(await verifier.verify(await sign(rsa.privateKey, 'RS256', 'rs-1'))).toEqual({
      role: 'engineer',
      id: 'eve',
      tier: 'L2',
      scope: '*',
    });
    expect((await verifier.verify(await sign(ec.privateKey, 'ES256', 'es-1'))).id).toBe('eve');
    expect(jwks.fetches()).toBe(1);
  });

  it('refuses another issuer, another audience, an expired token, and a key not in the set', async () => {
    expect(
      await refusal(await sign(rsa.privateKey, 'RS256', 'rs-1', { iss: 'https://evil.example.com/' })),
    ).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/^iss claim rejected/),
    });
    expect(await refusal(await sign(rsa.privateKey, 'RS256', 'rs-1', { aud: 'billing' }))).toMatchObject({
      reason: expect.stringMatching(/^aud claim rejected/),
    });
    expect(await refusal(await sign(rsa.privateKey, 'RS256', 'rs-1', { exp: now() - 60 }))).toMatchObject({
      reason: 'token expired',
    });
    expect((await verifier.verify(await sign(rsa.privateKey, 'RS256', 'rs-1', { exp: now() - 10 }))).id).toBe('eve');
    expect(await refusal(await sign(stranger.privateKey, 'RS256', 'rs-1'))).toMatchObject({ reason: 'bad signature' });
    expect(await refusal(await sign(stranger.privateKey, 'RS256', 'other'))).toMatchObject({
      reason: 'no key of the issuer matches',
    });
  });

  it('refuses alg:none, HS256 signed with the public key, and a signed token with a bad role', async () => {
    const none = new UnsecuredJWT({ ...claims, sub: 'eve', iss: issuer, aud: audience, exp: now() + 600 }).encode();
    expect(await refusal(none)).toMatchObject({ kind: 'invalid', reason: 'signing algorithm not allowed' });
    const pem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    const confused = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', kid: 'rs-1' })
      .setSubject('eve')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime(now() + 600)
      .sign(pem);
    expect(await refusal(confused)).toMatchObject({ reason: 'signing algorithm not allowed' });
    expect(await refusal(await sign(rsa.privateKey, 'RS256', 'rs-1', { role: 'root' }))).toMatchObject({
      reason: 'role claim missing or unknown',
    });
  });

  it('reports the issuer as unavailable when its keys cannot be fetched: refused, or no answer within the timeout', async () => {
    const closed = await serveJwks([]);
    await closed.close();
    const refused = TokenVerifier.fromConfig(config(closed.url));
    await expect(refused.verify(await sign(rsa.privateKey, 'RS256', 'rs-1'))).rejects.toMatchObject({
      kind: 'unavailable',
    });

    const sockets: Socket[] = [];
    const silent: Server = createServer(() => undefined);
    silent.on('connection', (socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const slow = TokenVerifier.fromConfig(
        config(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/jwks`, 300),
      );
      const started = Date.now();
      await expect(slow.verify(await sign(rsa.privateKey, 'RS256', 'rs-1'))).rejects.toMatchObject({
        kind: 'unavailable',
        reason: 'identity provider keys timed out',
      });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
