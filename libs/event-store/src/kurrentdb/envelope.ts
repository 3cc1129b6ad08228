/**
 * The port's own fields ride in each event's KurrentDB metadata under one key, `$caseflow`:
 * the port's event id, the schema version the data was stored at, and the chain links.
 */
export const ENVELOPE_KEY = '$caseflow';

export interface Envelope {
  /** The port's event id (KurrentDB's own id is a UUID derived from it). */
  id: string;
  /** Schema version of the data as stored. */
  v: number;
  /** Hash of the stream's previous event (GENESIS_HASH at position 1). */
  prevHash: string;
  hash: string;
}

/** What an event's metadata says, field by field: events written before the chain lack the links. */
export interface ReadEnvelope {
  id?: string;
  v?: number;
  prevHash: string | null;
  hash: string | null;
}

/** The metadata sent to KurrentDB: the caller's metadata plus the envelope. */
export function withEnvelope(metadata: Record<string, unknown>, envelope: Envelope): Record<string, unknown> {
  return {
    ...metadata,
    [ENVELOPE_KEY]: { id: envelope.id, v: envelope.v, prevHash: envelope.prevHash, hash: envelope.hash },
  };
}

/**
 * Splits stored metadata into the envelope and the caller's metadata (what the chain covers).
 * Metadata that is not a JSON object (written behind the store) is returned as is, without envelope.
 */
export function splitEnvelope(stored: unknown): { envelope: ReadEnvelope; metadata: unknown } {
  if (!isPlainObject(stored)) return { envelope: { prevHash: null, hash: null }, metadata: stored ?? null };
  const { [ENVELOPE_KEY]: raw, ...metadata } = stored;
  return { envelope: readEnvelope(raw), metadata };
}

function readEnvelope(raw: unknown): ReadEnvelope {
  if (!isPlainObject(raw)) return { prevHash: null, hash: null };
  return {
    ...(typeof raw.id === 'string' ? { id: raw.id } : {}),
    ...(typeof raw.v === 'number' && Number.isInteger(raw.v) ? { v: raw.v } : {}),
    prevHash: typeof raw.prevHash === 'string' ? raw.prevHash : null,
    hash: typeof raw.hash === 'string' ? raw.hash : null,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}
