import { GENESIS_HASH, canonicalJson, eventHash, eventHashOfCanonical } from '../integrity/canonical';
import type { ChainedEvent } from '../port';
import { splitEnvelope, withEnvelope, type Envelope } from './envelope';
import { globalPositionOf, positionOf } from './revision';

/** One event as a KurrentDB read returns it (the client's RecordedEvent fits), named by the port's stream id. */
export interface LogEvent {
  streamId: string;
  /** 0-based: position - 1. */
  revision: bigint;
  /** KurrentDB's event id (a UUID). */
  id: string;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  /** Where the event sits in $all; the commit position is the port's globalPosition. */
  position?: { commit: bigint; prepare?: bigint };
}

/** The event as stored, with its links from the envelope (null when written without them). */
export function toChainedEvent(e: LogEvent): ChainedEvent {
  const { envelope, metadata } = splitEnvelope(e.metadata);
  return {
    streamId: e.streamId,
    position: positionOf(e.revision),
    globalPosition: e.position ? globalPositionOf(e.position.commit) : 0,
    id: envelope.id ?? e.id,
    type: e.type,
    schemaVersion: envelope.v ?? 1,
    data: e.data,
    metadata,
    recordedAt: e.created.toISOString(),
    prevHash: envelope.prevHash,
    hash: envelope.hash,
  };
}

/**
 * The hash the stream's next event chains to: the last event's stored hash. Events written before
 * the chain (no hash) get the hash they would have had, chained from the one before (GENESIS_HASH
 * for none), so a stream continued after them still has one well-defined chain; verify() reports
 * the first of them as `inserted` ("without hashes") all the same.
 */
export function chainTip(stored: readonly ChainedEvent[]): string {
  let prev = GENESIS_HASH;
  for (const e of stored) prev = e.hash ?? eventHash(e, prev);
  return prev;
}

/** A new event ready to be chained: its data and metadata as the caller gave them. */
export interface ChainCandidate {
  id: string;
  type: string;
  /** The schema version the data is stored at. */
  schemaVersion: number;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** What to send to KurrentDB for one new event. */
export interface ChainedProposal {
  id: string;
  type: string;
  position: number;
  /** The data as it will read back: the parse of its canonical JSON (undefined fields gone, numbers as JSON has them). */
  data: unknown;
  /** The caller's metadata (parsed back the same way) with the envelope carrying the links. */
  metadata: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/**
 * Chains new events after a stream's tip (last position and hash). Each event is hashed over the
 * canonical JSON of its data and metadata (without the envelope), and what is sent is the parse of
 * that very JSON, so the client's JSON.stringify and the reader's JSON.parse give back a value
 * with the same canonical JSON: the stored hash is the hash of what reads back.
 */
export function chainNewEvents(
  streamId: string,
  tip: { position: number; hash: string },
  candidates: readonly ChainCandidate[],
): ChainedProposal[] {
  let prevHash = tip.hash;
  return candidates.map((c, i) => {
    const position = tip.position + i + 1;
    const dataJson = canonicalJson(c.data ?? null);
    const metadataJson = canonicalJson(c.metadata);
    const hash = eventHashOfCanonical(
      { streamId, position, id: c.id, type: c.type, schemaVersion: c.schemaVersion, dataJson, metadataJson },
      prevHash,
    );
    const envelope: Envelope = { id: c.id, v: c.schemaVersion, prevHash, hash };
    const proposal: ChainedProposal = {
      id: c.id,
      type: c.type,
      position,
      data: JSON.parse(dataJson) as unknown,
      metadata: withEnvelope(JSON.parse(metadataJson) as Record<string, unknown>, envelope),
      prevHash,
      hash,
    };
    prevHash = hash;
    return proposal;
  });
}
