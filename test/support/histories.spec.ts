import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readHistory, recordedHistories, writeHistory } from './histories';

const someHistory = () => readHistory('lifecycle-refused_v0.1.0-b0ec117.json');

describe('recorded histories', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-histories-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are written under the version of the code that recorded them', () => {
    expect(writeHistory('lifecycle-refused', someHistory(), 'v0.2.0-1a2b3c4', dir)).toBe(
      'lifecycle-refused_v0.2.0-1a2b3c4.json',
    );
    expect(recordedHistories(dir)).toEqual([
      {
        file: 'lifecycle-refused_v0.2.0-1a2b3c4.json',
        scenario: 'lifecycle-refused',
        version: '0.2.0',
        commit: '1a2b3c4',
      },
    ]);
    expect(readHistory('lifecycle-refused_v0.2.0-1a2b3c4.json', dir)).toEqual(someHistory());
  });

  it('are never overwritten: a second recording of the same version is refused and the first stays', () => {
    writeHistory('lifecycle-refused', someHistory(), 'v0.2.0-1a2b3c4', dir);
    const first = fs.readFileSync(path.join(dir, 'lifecycle-refused_v0.2.0-1a2b3c4.json'), 'utf8');
    const other = { events: someHistory().events!.slice(0, 3) };
    expect(() => writeHistory('lifecycle-refused', other, 'v0.2.0-1a2b3c4', dir)).toThrow(/never overwritten/);
    expect(fs.readFileSync(path.join(dir, 'lifecycle-refused_v0.2.0-1a2b3c4.json'), 'utf8')).toBe(first);
    writeHistory('lifecycle-refused', other, 'v0.2.0-5d6e7f8', dir);
    expect(recordedHistories(dir).map((h) => h.file)).toEqual([
      'lifecycle-refused_v0.2.0-1a2b3c4.json',
      'lifecycle-refused_v0.2.0-5d6e7f8.json',
    ]);
  });

  it('refuse names without a version, and a directory holding one fails to list', () => {
    expect(() => writeHistory('lifecycle-refused', someHistory(), 'latest', dir)).toThrow(/not a valid history name/);
    fs.writeFileSync(path.join(dir, 'lifecycle-hotfix.json'), '{}');
    expect(() => recordedHistories(dir)).toThrow(/<scenario>_v<version>-<commit>\.json/);
  });
});
