import { createHash } from 'node:crypto';

/** The `prevHash` of a stream's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Tag of the chain encoding; part of every hashed document, so a future encoding can coexist. */
export const CHAIN_ENCODING = 'caseflow-chain/1';

/**
 * Canonical JSON of a JSON value (what `JSON.parse` returns): no whitespace; object keys sorted
 * by UTF-16 code units (JavaScript's default sort) at every depth; arrays in order; strings and
 * numbers exactly as `JSON.stringify` writes them (ECMAScript number-to-string, as RFC 8785);
 * properties whose value is `undefined` are left out, as JSON would.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    if (obj[key] === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
  }
  return `{${parts.join(',')}}`;
}

/** What the chain covers of one event: its stored form (data as stored: ciphertext when encrypted). */
export interface ChainContent {
  streamId: string;
  position: number;
  id: string;
  type: string;
  /** The version the data was stored at (not the upcast one). */
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
}

/**
 * hash = lowercase hex SHA-256 of the UTF-8 canonical JSON of
 * `{ chain, data, id, metadata, position, prev, schemaVersion, stream, type }`
 * where `chain` = CHAIN_ENCODING and `prev` = the hash of the stream's previous event (GENESIS_HASH
 * for position 1). recordedAt and globalPosition are not covered (they are assigned under the
 * global-order lock, after hashing); checkpoints pin the global order instead.
 */
export function eventHash(content: ChainContent, prevHash: string): string {
  const doc = canonicalJson({
    chain: CHAIN_ENCODING,
    data: content.data ?? null,
    id: content.id,
    metadata: content.metadata,
    position: content.position,
    prev: prevHash,
    schemaVersion: content.schemaVersion,
    stream: content.streamId,
    type: content.type,
  });
  return createHash('sha256').update(doc, 'utf8').digest('hex');
}

/** SHA-256 hex of a string (UTF-8). */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
