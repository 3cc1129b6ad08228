import { merkleRoot } from '../integrity/merkle';
import type { ChainedEvent, StoreCheckpoint, StreamHead } from '../port';

type Headed = Pick<ChainedEvent, 'streamId' | 'position' | 'globalPosition' | 'hash'>;

/**
 * The last event of each stream seen in $all (KurrentDB keeps no head table: the head is the last
 * event read). Fed in commit order; remembers one entry per stream.
 */
export class StreamHeads {
  private readonly heads = new Map<string, { position: number; hash: string | null }>();
  /** The highest global position seen (0 for none). */
  globalPosition = 0;

  add(e: Headed): void {
    this.heads.set(e.streamId, { position: e.position, hash: e.hash });
    this.globalPosition = Math.max(this.globalPosition, e.globalPosition);
  }

  get(streamId: string): { position: number; hash: string | null } | undefined {
    return this.heads.get(streamId);
  }

  /** Stream ids sorted by UTF-16 code units (the Merkle leaves' order). */
  streamIds(): string[] {
    return [...this.heads.keys()].sort(byCodeUnits);
  }

  /** As a checkpoint records them: sorted by streamId; a head without hash records ''. */
  list(): StreamHead[] {
    return this.streamIds().map((streamId) => {
      const h = this.heads.get(streamId)!;
      return { streamId, position: h.position, hash: h.hash ?? '' };
    });
  }
}

/** A stream's head as of a global position: its last event at or below it, from the stream as read. */
export function headAt(rows: readonly Headed[], globalPosition: number): StreamHead | undefined {
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    if (r.globalPosition <= globalPosition) return { streamId: r.streamId, position: r.position, hash: r.hash ?? '' };
  }
  return undefined;
}

export function checkpointOf(heads: readonly StreamHead[], globalPosition: number, takenAt: string): StoreCheckpoint {
  const sorted = [...heads].sort((a, b) => byCodeUnits(a.streamId, b.streamId));
  return { globalPosition, takenAt, root: merkleRoot(sorted), streams: sorted.length, heads: sorted };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
