import { hash } from 'node:crypto';

/** The `prevHash` of a stream's first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Tag of the chain encoding; part of every hashed document, so a future encoding can coexist. */
export const CHAIN_ENCODING = 'caseflow-chain/1';

const DOC_START = `{"chain":${JSON.stringify(CHAIN_ENCODING)},"data":`;

/**
 * Canonical JSON: no whitespace; object keys sorted by UTF-16 code units (JavaScript's default
 * sort) at every depth; arrays in order; strings and numbers exactly as `JSON.stringify` writes
 * them (ECMAScript number-to-string, as RFC 8785). Otherwise JSON's own rules: `toJSON()` is
 * honoured (Dates), `undefined`, functions and symbols are left out of objects and become null in
 * arrays, non-finite numbers become null. So `canonicalJson(x)` parses to what
 * `JSON.parse(JSON.stringify(x))` gives, and `canonicalJson(JSON.parse(canonicalJson(x)))` equals it.
 */
export function canonicalJson(value: unknown): string {
  return encode(value) ?? 'null';
}

function encode(input: unknown): string | undefined {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (encode(value[i]) ?? 'null');
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const encoded = encode(obj[key]);
    if (encoded === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + encoded;
    first = false;
  }
  return out + '}';
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
  const { streamId, position, id, type, schemaVersion } = content;
  const dataJson = canonicalJson(content.data ?? null);
  return eventHashOfCanonical(
    { streamId, position, id, type, schemaVersion, dataJson, metadataJson: canonicalJson(content.metadata) },
    prevHash,
  );
}

/**
 * The same hash from data and metadata already in canonical JSON (the append path stores exactly
 * that JSON, so it encodes once). The document is assembled with its keys in sorted order.
 */
export function eventHashOfCanonical(
  c: {
    streamId: string;
    position: number;
    id: string;
    type: string;
    schemaVersion: number;
    dataJson: string;
    metadataJson: string;
  },
  prevHash: string,
): string {
  const doc =
    `${DOC_START}${c.dataJson},"id":${JSON.stringify(c.id)},"metadata":${c.metadataJson},` +
    `"position":${JSON.stringify(c.position)},"prev":${JSON.stringify(prevHash)},"schemaVersion":${JSON.stringify(c.schemaVersion)},` +
    `"stream":${JSON.stringify(c.streamId)},"type":${JSON.stringify(c.type)}}`;
  return hash('sha256', doc, 'hex');
}

/** SHA-256 hex of a string (UTF-8). */
export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}
