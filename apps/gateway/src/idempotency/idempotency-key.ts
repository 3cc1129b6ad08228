import { createHash } from 'node:crypto';
import type { Caller } from '@caseflow/identity';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Visible ASCII, 1–255 characters (a UUID, a ULID, the client's own request id). */
export const IDEMPOTENCY_KEY_PATTERN = /^[!-~]{1,255}$/;

/** Whose key it is: the verified principal (a service acting for someone keeps a key space per person). */
export const callerScope = (caller: Caller): string => [caller.role, caller.id, caller.service?.id ?? ''].join(':');

/** The request a key stands for: a retry must send the same body (compared as canonical JSON). */
export const fingerprintOf = (body: unknown): string => sha256(canonicalJson(body ?? null));

/** The id Temporal deduplicates a command's update by: one per caller, path and key. */
export const operationIdOf = (caller: string, scope: string, key: string): string =>
  `idem-${sha256(JSON.stringify([caller, scope, key])).slice(0, 40)}`;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
