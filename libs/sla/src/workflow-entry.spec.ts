import { readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** Every module reachable from the workflow entry through relative imports. */
function reachableModules(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    seen.set(file, source);
    for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) {
      if (!specifier.startsWith('.')) continue;
      const base = resolve(dirname(file), specifier);
      const candidates = [`${base}.ts`, join(base, 'index.ts')];
      const found = candidates.find((candidate) => {
        try {
          readFileSync(candidate);
          return true;
        } catch {
          return false;
        }
      });
      if (found) visit(found);
    }
  };
  visit(entry);
  return seen;
}

describe('the workflow entry @caseflow/sla', () => {
  const modules = reachableModules(join(__dirname, 'index.ts'));

  it('reaches only its own pure modules', () => {
    for (const [file, source] of modules) {
      const external = [...source.matchAll(/from '([^'.][^']*)'/g)].map((match) => match[1]);
      expect({ file, external }).toEqual({ file, external: [] });
    }
  });

  it('does not pull in the compile step, tzdata reads, clocks or randomness', () => {
    const names = [...modules.keys()].map((file) => file.replace(__dirname, ''));
    expect(names).not.toContainEqual(expect.stringMatching(/holiday-source|zone-offsets|compile-calendar|compile\.ts/));
    for (const [file, source] of modules) {
      expect({ file, hits: source.match(/Date\.now\(|new Date\(\)|Math\.random|performance\.now/g) }).toEqual({
        file,
        hits: null,
      });
    }
  });
});
