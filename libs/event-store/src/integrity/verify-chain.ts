import type { ChainedEvent, VerificationFailure } from '../port';
import { GENESIS_HASH, eventHash, eventHashOfCanonical } from './canonical';

/** An event as stored: its content parsed, or its data and metadata as the stored JSON text. */
export type StoredEvent =
  ChainedEvent | (Omit<ChainedEvent, 'data' | 'metadata'> & { dataJson: string; metadataJson: string });

/**
 * The event's hash as if hashed at `position` after `prev`. Stored text is hashed as is (the store
 * writes canonical JSON, so this is the usual case and skips parsing); text that does not match
 * (rows stored before they were kept verbatim, or edited) is parsed and canonically re-encoded.
 */
function hashAt(e: StoredEvent, position: number, prev: string): string {
  const { streamId, id, type, schemaVersion } = e;
  if (!('dataJson' in e))
    return eventHash({ streamId, position, id, type, schemaVersion, data: e.data, metadata: e.metadata }, prev);
  const asStored = eventHashOfCanonical(
    { streamId, position, id, type, schemaVersion, dataJson: e.dataJson, metadataJson: e.metadataJson },
    prev,
  );
  if (asStored === e.hash) return asStored;
  return eventHash(
    { streamId, position, id, type, schemaVersion, data: JSON.parse(e.dataJson), metadata: JSON.parse(e.metadataJson) },
    prev,
  );
}

/**
 * Checks one stream's chain: `rows` are its events as stored, ordered by position; `head` is the
 * stream's head row (position and hash), when the store keeps one. Returns the first failure.
 */
export function verifyStreamChain(
  streamId: string,
  rows: readonly StoredEvent[],
  head?: { position: number; hash: string | null },
): VerificationFailure | undefined {
  let prev = GENESIS_HASH;
  let expectedPosition = 1;
  // Only on the failure path: which stored event carries this hash.
  const byHash = (hash: string) => rows.find((r) => r.hash === hash);
  const fail = (
    kind: VerificationFailure['kind'],
    position: number,
    expected: string | null,
    actual: string | null,
    message: string,
  ): VerificationFailure => ({
    kind,
    streamId,
    position,
    expected,
    actual,
    message: `${streamId} #${position}: ${message}`,
  });
  for (const r of rows) {
    if (r.position > expectedPosition) {
      return fail(
        'deleted',
        expectedPosition,
        r.prevHash,
        prev,
        `event(s) ${expectedPosition}..${r.position - 1} missing`,
      );
    }
    if (head && r.position > head.position) {
      return fail(
        'inserted',
        r.position,
        null,
        r.hash,
        `event beyond the stream head (${head.position}) was not written by the store`,
      );
    }
    if (!r.hash || !r.prevHash) {
      return fail('inserted', r.position, null, null, 'event without hashes was not written by the store');
    }
    const own = hashAt(r, r.position, r.prevHash);
    if (own === r.hash && r.prevHash === prev) {
      prev = r.hash;
      expectedPosition++;
      continue;
    }
    if (own === r.hash) {
      // Intact at this position, but chained to another predecessor.
      const linked = byHash(r.prevHash);
      if (linked && linked.position < r.position - 1) {
        return fail(
          'inserted',
          linked.position + 1,
          r.prevHash,
          prev,
          `event(s) ${linked.position + 1}..${r.position - 1} were inserted`,
        );
      }
      if (linked)
        return fail('reordered', r.position, prev, r.prevHash, `event ${r.id} is chained after #${linked.position}`);
      return fail(
        'changed',
        r.position - 1,
        r.prevHash,
        prev,
        `the event before #${r.position} is not the one it was chained to`,
      );
    }
    const original = originalPosition(r, Math.max(rows.length, head?.position ?? 0) + 1);
    if (original !== undefined && original < r.position) {
      return fail(
        'inserted',
        original,
        r.prevHash,
        prev,
        `event ${r.id} was recorded at #${original}: event(s) inserted before it`,
      );
    }
    if (original !== undefined) {
      if (r.prevHash === GENESIS_HASH || byHash(r.prevHash) !== undefined) {
        return fail('reordered', r.position, prev, r.prevHash, `event ${r.id} was recorded at #${original}`);
      }
      return fail(
        'deleted',
        r.position,
        r.prevHash,
        prev,
        `event ${r.id} was recorded at #${original}: its predecessor is gone`,
      );
    }
    return fail(
      'changed',
      r.position,
      r.hash,
      hashAt(r, r.position, prev),
      `content of event ${r.id} does not match its hash`,
    );
  }
  if (head && head.position >= expectedPosition) {
    return fail(
      'deleted',
      expectedPosition,
      head.hash,
      prev,
      `event(s) ${expectedPosition}..${head.position} missing (the head is at ${head.position})`,
    );
  }
  if (head && head.hash !== null && head.hash !== prev) {
    return fail('head', head.position, head.hash, prev, "the head hash differs from the last event's");
  }
  return undefined;
}

/** The position an intact event was hashed at (with its own prevHash), if any within 1..max. */
function originalPosition(e: StoredEvent, max: number): number | undefined {
  if (!e.prevHash || !e.hash) return undefined;
  for (let p = 1; p <= max; p++) {
    if (p !== e.position && hashAt(e, p, e.prevHash) === e.hash) return p;
  }
  return undefined;
}
