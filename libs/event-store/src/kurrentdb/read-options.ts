import { InvalidEventError } from '../errors';
import type { ReadAllOptions, ReadStreamOptions } from '../port';

/** readStream's range as whole positions (from at least 1); a fraction or NaN is the caller's mistake, said so. */
export function streamRange(options: ReadStreamOptions): { from: number; to?: number } {
  const from = wholeOrUndefined(options.from, 'from') ?? 1;
  const to = wholeOrUndefined(options.to, 'to');
  return { from: Math.max(1, from), to };
}

/** readAll's start and limit as whole numbers (limit undefined: no limit). */
export function allRange(options: ReadAllOptions): { from: number; limit?: number } {
  const from = wholeOrUndefined(options.fromGlobalPosition, 'fromGlobalPosition') ?? 0;
  const limit = wholeOrUndefined(options.limit, 'limit');
  if (limit !== undefined && limit < 0) throw notWhole('limit', limit);
  return { from, limit };
}

function wholeOrUndefined(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value)) throw notWhole(field, value);
  return value;
}

function notWhole(field: string, value: unknown): InvalidEventError {
  return new InvalidEventError(`${field} must be a whole number (a position), got ${String(value)}`, { field });
}
