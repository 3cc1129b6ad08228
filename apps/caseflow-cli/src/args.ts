export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--name value` pairs and bare words; a flag given twice, or without a value, is a usage error. */
export function parseArgs(args: readonly string[]): { words: string[]; flags: Map<string, string> } {
  const words: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    if (flags.has(arg)) throw new UsageError(`${arg} given twice`);
    flags.set(arg, value);
    i++;
  }
  return { words, flags };
}

/** Refuses flags the command does not know, so a typo never silently changes what is issued. */
export function onlyFlags(flags: Map<string, string>, known: readonly string[]): void {
  const unknown = [...flags.keys()].filter((flag) => !known.includes(flag));
  if (unknown.length > 0) throw new UsageError(`unknown option ${unknown.join(', ')}`);
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** `90s`, `30m`, `12h`, `7d`, or plain seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text);
  const seconds = match ? Number(match[1]) * UNITS[match[2] || 's'] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0)
    throw new UsageError(`--expires-in must be a duration like 30m, 12h or 7d, got "${text}"`);
  return seconds;
}
