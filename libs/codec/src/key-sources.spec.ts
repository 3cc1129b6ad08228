import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codecKeyRingFromEnv, openKeyFile, rotateKeyFile } from './key-sources';

describe('codec key sources', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-codec-keys-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('CASEFLOW_CODEC_KEYS wins over the key file, newest last', () => {
    const keys = `old:${Buffer.alloc(32, 1).toString('base64')},new:${Buffer.alloc(32, 2).toString('base64')}`;
    const ring = codecKeyRingFromEnv({ CASEFLOW_CODEC_KEYS: keys, CASEFLOW_CODEC_KEY_FILE: path.join(dir, 'k') });
    expect(ring.current.id).toBe('new');
    expect(ring.source).toBe('CASEFLOW_CODEC_KEYS');
    expect(fs.existsSync(path.join(dir, 'k'))).toBe(false);
  });

  it('creates the key file on first run (mode 0600, folder made) and reads the same key afterwards', () => {
    const file = path.join(dir, 'data', 'codec-keys');
    const first = codecKeyRingFromEnv({ CASEFLOW_CODEC_KEY_FILE: file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.ids).toHaveLength(1);
    const again = openKeyFile(file);
    expect(again.ids).toEqual(first.ids);
    expect(again.current.secret.export()).toEqual(first.current.secret.export());
    expect(fs.readdirSync(path.dirname(file))).toEqual(['codec-keys']);
  });

  it('rotation appends a key that becomes current; the old one stays', () => {
    const file = path.join(dir, 'codec-keys');
    const before = openKeyFile(file);
    const rotated = rotateKeyFile(file);
    expect(rotated.ids).toEqual([...before.ids, rotated.current.id]);
    expect(openKeyFile(file).ids).toEqual(rotated.ids);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a key file others can read', () => {
    const file = path.join(dir, 'codec-keys');
    openKeyFile(file);
    fs.chmodSync(file, 0o644);
    expect(() => openKeyFile(file)).toThrow(`key file ${file} is readable by others (mode 644): chmod 600 ${file}`);
  });
});
