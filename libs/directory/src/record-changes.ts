/** Pure helpers of the directory's writes: what changed, merge patches, immutable versions. */
import { CUSTOMER_FIELDS, type CustomerRecord } from './customer';
import type { CustomerChangedData } from './customer-directory';
import type { FieldProblem } from './validate-customer';

/** Own policy and calendar versions are immutable: each must stay, unchanged. */
export function keptVersions(before: CustomerRecord, after: CustomerRecord): FieldProblem[] {
  return (['slaPolicies', 'calendars'] as const).flatMap((key) =>
    (before[key] ?? [])
      .filter((entry) => {
        const kept = (after[key] as Array<{ id: string; version: number }> | undefined)?.find(
          (e) => e.id === entry.id && e.version === entry.version,
        );
        return !kept || canonical(kept) !== canonical(entry);
      })
      .map((entry) => ({
        field: key,
        rule: `version ${entry.id}@${entry.version} exists and cannot be changed or removed; add a new version`,
      })),
  );
}

export function diff(
  customerId: string,
  before: CustomerRecord,
  after: CustomerRecord,
  fields: string[],
): CustomerChangedData {
  return { customerId, fields, before: pick(before, fields), after: pick(after, fields) };
}

/** RFC 7396: objects merge member by member, null removes, anything else (lists too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = mergePatch(result[key], value);
  }
  return result;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Top-level fields whose values differ (JSON semantics: key order and undefined do not count). */
export function changedFields(before: CustomerRecord, after: CustomerRecord): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return orderFields(keys).filter(
    (key) =>
      canonical((before as unknown as Record<string, unknown>)[key]) !==
      canonical((after as unknown as Record<string, unknown>)[key]),
  );
}

export function presentFields(record: CustomerRecord): string[] {
  return orderFields(new Set(Object.keys(record)));
}

function orderFields(keys: Set<string>): string[] {
  const known = CUSTOMER_FIELDS.filter((field) => keys.has(field)) as string[];
  const extra = [...keys].filter((key) => !known.includes(key)).sort();
  return [...known, ...extra];
}

/** Stable JSON: object keys sorted, undefined members dropped. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function pick(record: CustomerRecord, fields: readonly string[]): Partial<CustomerRecord> {
  const source = record as unknown as Record<string, unknown>;
  return Object.fromEntries(
    fields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]),
  ) as Partial<CustomerRecord>;
}

/** A JSON-only deep copy: no undefined members, no shared references with the caller. */
export function plain(record: CustomerRecord): CustomerRecord {
  return JSON.parse(JSON.stringify(record)) as CustomerRecord;
}
