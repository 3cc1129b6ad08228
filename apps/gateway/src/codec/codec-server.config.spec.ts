import { codecServerConfigFromEnv } from './codec-server.config';
import { sessionSeconds } from './codec-session';

describe('codec server configuration', () => {
  it("allows Temporal UI's two local origins, on 8233 unless TEMPORAL_UI_PORT says otherwise", () => {
    expect(codecServerConfigFromEnv({}).uiOrigins).toEqual(['http://localhost:8233', 'http://127.0.0.1:8233']);
    expect(codecServerConfigFromEnv({ TEMPORAL_UI_PORT: '18233' }).uiOrigins).toEqual([
      'http://localhost:18233',
      'http://127.0.0.1:18233',
    ]);
  });

  it('takes an exact list from CASEFLOW_CODEC_UI_ORIGINS', () => {
    const env = { CASEFLOW_CODEC_UI_ORIGINS: 'https://temporal.example.com, http://localhost:8080' };
    expect(codecServerConfigFromEnv(env).uiOrigins).toEqual(['https://temporal.example.com', 'http://localhost:8080']);
  });

  it.each([
    [{ CASEFLOW_CODEC_UI_ORIGINS: 'https://temporal.example.com/ui' }, /is not an origin/],
    [{ CASEFLOW_CODEC_UI_ORIGINS: 'temporal.example.com' }, /is not an origin/],
    [{ TEMPORAL_UI_PORT: 'ui' }, /TEMPORAL_UI_PORT must be a port number/],
  ])('refuses %j', (env, message) => {
    expect(() => codecServerConfigFromEnv(env)).toThrow(message);
  });
});

describe('codec session lifetime', () => {
  const jwtExpiring = (exp: number): string => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;
  const now = Date.parse('2026-12-01T10:00:00Z');

  it("lasts until the token's expiry, at most 8 hours, never negative", () => {
    expect(sessionSeconds(jwtExpiring(now / 1000 + 600), now)).toBe(600);
    expect(sessionSeconds(jwtExpiring(now / 1000 + 86_400), now)).toBe(8 * 3600);
    expect(sessionSeconds(jwtExpiring(now / 1000 - 60), now)).toBe(0);
  });

  it('lasts 8 hours for a token whose expiry it cannot read (the verifier still checks it)', () => {
    expect(sessionSeconds('opaque-token', now)).toBe(8 * 3600);
  });
});
