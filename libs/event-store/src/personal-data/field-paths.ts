/**
 * Field paths of the personal-data declarations: dot paths into an event's `data`, where a segment
 * ending in `[]` stands for every item of that array (`questions[]`, `contacts[].email`). The paths
 * of what is found are written as the reader's `mapSealed` writes them (`data.contacts[2].email`),
 * because the sealed value's additional data binds it to that very path.
 */
export type Replace = (value: unknown, path: string) => unknown;

/**
 * Replaces, in place, every non-null value at `fieldPath` under `node`. A segment marked `[]` whose
 * value is not an array is treated as one item, so a shape the declaration did not expect is still
 * sealed rather than stored in the clear.
 */
export function replaceAtPath(node: unknown, fieldPath: string, basePath: string, replace: Replace): void {
  replaceAt(node, fieldPath.split('.'), basePath, replace);
}

function replaceAt(node: unknown, parts: readonly string[], path: string, replace: Replace): void {
  if (node === null || typeof node !== 'object' || parts.length === 0) return;
  const [head, ...rest] = parts;
  const each = head.endsWith('[]');
  const name = each ? head.slice(0, -2) : head;
  const record = node as Record<string, unknown>;
  const value = record[name];
  if (value === undefined || value === null) return;
  const here = `${path}.${name}`;
  if (each && Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemPath = `${here}[${index}]`;
      if (rest.length) replaceAt(item, rest, itemPath, replace);
      else if (item !== undefined && item !== null) value[index] = replace(item, itemPath);
    });
    return;
  }
  if (rest.length) replaceAt(value, rest, here, replace);
  else record[name] = replace(value, here);
}

/** The value at a plain dot path (no `[]`), or undefined. */
export function valueAtPath(node: unknown, fieldPath: string): unknown {
  let current = node;
  for (const part of fieldPath.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
