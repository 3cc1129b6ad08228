import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TokenVerifier, type AuthConfig } from '@caseflow/identity';
import { parseArgs, parseDuration } from './args';
import { tokenCommand } from './token-command';

describe('caseflow token', () => {
  let dir: string;
  let config: Extract<AuthConfig, { kind: 'embedded' }>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-cli-'));
    config = {
      kind: 'embedded',
      secretFile: path.join(dir, 'secret'),
      issuer: 'caseflow',
      audience: 'caseflow',
      clockSkewSeconds: 30,
    };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const token = (args: string) => tokenCommand(parseArgs(args.split(' ')).flags, config);
  const verify = async (args: string) => TokenVerifier.fromConfig(config).verify(await token(args));

  it('issues what the gateway verifies, for each role', async () => {
    expect(await verify('--role engineer --id eve --tier L2')).toEqual({
      role: 'engineer',
      id: 'eve',
      tier: 'L2',
      scope: '*',
    });
    expect(await verify('--role engineer --id eve')).toMatchObject({ tier: 'L1' });
    expect(await verify('--role manager --id mia')).toEqual({ role: 'manager', id: 'mia', scope: '*' });
    expect(await verify('--role service --id robot --customers netix-demo,balasys-demo')).toMatchObject({
      role: 'service',
      scope: ['netix-demo', 'balasys-demo'],
    });
    const anna = await verify('--role customer --customer balasys-demo --email Anna.Kovacs@example.com');
    expect(anna).toMatchObject({ role: 'customer', customerId: 'balasys-demo', email: 'anna.kovacs@example.com' });
    expect(anna.id).toMatch(/^cc-[\w-]{22}$/);
    // The same person keeps the same opaque sub; the address is not in it.
    expect((await verify('--role customer --customer balasys-demo --email anna.kovacs@example.com')).id).toBe(anna.id);
    expect(anna.id).not.toContain('anna');
  });

  it('signs with the secret file it created (mode 0600) and lives as long as asked', async () => {
    const jwt = await token('--role auditor --id ada --expires-in 30m');
    expect(fs.statSync(config.secretFile).mode & 0o777).toBe(0o600);
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(1800);
  });

  it.each([
    ['--role root --id x', /--role must be one of/],
    ['--role engineer', /--id is required/],
    ['--role engineer --id eve --tier L4', /--tier must be/],
    ['--role customer --customer balasys-demo', /--email/],
    ['--role customer --email a@example.com', /--customer/],
    ['--role service --id robot', /--customers/],
    ['--role engineer --id eve --expires-in forever', /--expires-in/],
    ['--role engineer --id eve --teir L2', /unknown option --teir/],
  ])('refuses %s', async (args, reason) => {
    await expect(token(args)).rejects.toThrow(reason);
  });

  it('refuses when an identity provider issues the tokens', async () => {
    const jwks: AuthConfig = {
      kind: 'jwks',
      jwksUrl: 'https://id.example.com/jwks',
      issuer: 'x',
      audience: 'caseflow',
      algorithms: ['RS256'],
      clockSkewSeconds: 30,
      timeoutMs: 1000,
    };
    await expect(tokenCommand(parseArgs(['--role', 'engineer', '--id', 'eve']).flags, jwks)).rejects.toThrow(
      /identity provider/,
    );
  });

  it('reads durations and refuses doubled or valueless flags', () => {
    expect([parseDuration('90'), parseDuration('30m'), parseDuration('12h'), parseDuration('7d')]).toEqual([
      90, 1800, 43200, 604800,
    ]);
    expect(() => parseArgs(['--role', 'a', '--role', 'b'])).toThrow('given twice');
    expect(() => parseArgs(['--role'])).toThrow('needs a value');
  });
});
