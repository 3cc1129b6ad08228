import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase, type Database } from '@caseflow/event-store';
import { ApiKeys, TokenVerifier } from '@caseflow/identity';
import { createScratchDatabase } from '../support/postgres';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

/** `caseflow` as a process (from source, as the build runs it), against a scratch PostgreSQL database. */
describe('the caseflow CLI', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let dataDir: string;
  let db: Database;
  let env: NodeJS.ProcessEnv;

  async function caseflow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(
        'node',
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'apps/caseflow-cli/src/main.ts',
          ...args,
        ],
        { cwd: root, timeout: 60_000, env },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase('cf_cli');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-cli-data-'));
    env = {
      ...process.env,
      CASEFLOW_STORE: 'postgres',
      CASEFLOW_PG_URL: scratch.url,
      CASEFLOW_AUTH_SECRET_FILE: path.join(dataDir, 'auth-hs256.secret'),
      CASEFLOW_OPERATOR: 'ops-anna',
    };
    db = await openDatabase({ kind: 'postgres', connectionString: scratch.url });
  });

  afterAll(async () => {
    await db?.close();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('token prints one line, a token the gateway would verify, and creates the secret 0600', async () => {
    const { code, stdout } = await caseflow('token', '--role', 'engineer', '--id', 'eve', '--tier', 'L3');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(fs.statSync(env.CASEFLOW_AUTH_SECRET_FILE as string).mode & 0o777).toBe(0o600);
    const verifier = TokenVerifier.fromConfig({
      kind: 'embedded',
      secretFile: env.CASEFLOW_AUTH_SECRET_FILE as string,
      issuer: 'caseflow',
      audience: 'caseflow',
      clockSkewSeconds: 30,
    });
    expect(await verifier.verify(stdout.trim())).toEqual({ role: 'engineer', id: 'eve', tier: 'L3', scope: '*' });
  });

  it('says what is wrong on stderr with exit 2, and prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await caseflow('token', '--role', 'customer', '--customer', 'balasys-demo');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^--email must be/);
  });

  it('api-key create prints only the key; list shows it without the secret; revoke ends it', async () => {
    const created = await caseflow('api-key', 'create', '--name', 'mail-robot', '--customers', 'netix-demo');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^cfk_[0-9a-f]{16}_[\w-]{43}\n$/);
    const key = created.stdout.trim();
    const id = key.split('_')[1];
    const keys = await ApiKeys.open(db);
    expect(await keys.verify(key)).toMatchObject({ role: 'service', id: 'mail-robot', scope: ['netix-demo'] });

    const listed = await caseflow('api-key', 'list');
    expect(listed.stdout).toContain(`${id}\tmail-robot\tservice\tnetix-demo\t`);
    expect(listed.stdout).not.toContain(key.split('_')[2]);
    expect((await caseflow('api-key', 'revoke', id)).stdout).toBe(`revoked ${id}\n`);
    expect(await keys.verify(key)).toBeUndefined();
    expect((await caseflow('api-key', 'revoke', id)).code).toBe(2);
    const { rows } = await db.query<{ actor: string }>(
      `SELECT metadata->>'actor' AS actor FROM es_events WHERE stream_id = $1 ORDER BY global_position`,
      [`api-key-${id}`],
    );
    expect(rows.map((r) => r.actor)).toEqual(['operator:ops-anna', 'operator:ops-anna']);
  });
});
