import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadOrCreateSecret } from './secret-file';

describe('loadOrCreateSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates 32 random bytes on first use, mode 0600 in a 0700 folder, and reads the same later', () => {
    const file = path.join(dir, 'data', 'auth-hs256.secret');
    const first = loadOrCreateSecret(file);
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(Buffer.from(loadOrCreateSecret(file)).equals(Buffer.from(first))).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['auth-hs256.secret']);
  });

  it('differs between data folders', () => {
    const a = loadOrCreateSecret(path.join(dir, 'a', 's'));
    const b = loadOrCreateSecret(path.join(dir, 'b', 's'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('refuses a secret others may read, and one too short', () => {
    const open = path.join(dir, 'open');
    fs.writeFileSync(open, `${Buffer.alloc(32, 1).toString('base64url')}\n`, { mode: 0o644 });
    fs.chmodSync(open, 0o644);
    expect(() => loadOrCreateSecret(open)).toThrow(/readable by others \(mode 644\)/);
    const short = path.join(dir, 'short');
    fs.writeFileSync(short, 'abc', { mode: 0o600 });
    expect(() => loadOrCreateSecret(short)).toThrow(/needs at least 32/);
  });
});
