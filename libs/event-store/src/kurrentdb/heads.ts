import { firstHeadDifference, merkleRoot } from '../integrity/merkle';
import type { ChainedEvent, StoreCheckpoint, StreamHead, VerificationFailure } from '../port';

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

/**
 * Whether the heads found now at the checkpoint's global position contradict it: for one stream
 * (with recorded heads) its own head; otherwise the Merkle root, naming the first differing
 * stream when the checkpoint carries its heads. Same verdicts and messages as PostgreSQL's.
 */
export function checkpointFailure(cp: StoreCheckpoint, target: string, found: readonly StreamHead[]): VerificationFailure | undefined {
  if (target !== 'all' && cp.heads) {
    const recorded = cp.heads.find((h) => h.streamId === target);
    const now = found.find((h) => h.streamId === target);
    if (recorded?.hash === now?.hash && recorded?.position === now?.position) return undefined;
    return headFailure(cp, target, recorded, now);
  }
  const root = merkleRoot(found);
  if (root === cp.root) return undefined;
  const diff = cp.heads ? firstHeadDifference(cp.heads, found) : undefined;
  if (!diff) {
    return {
      kind: 'checkpoint',
      streamId: '*',
      position: cp.globalPosition,
      expected: cp.root,
      actual: root,
      message: `the store contradicts the checkpoint at global position ${cp.globalPosition} (taken ${cp.takenAt}): Merkle root differs`,
    };
  }
  return headFailure(cp, (diff.recorded ?? diff.found)!.streamId, diff.recorded, diff.found);
}

function headFailure(cp: StoreCheckpoint, streamId: string, recorded: StreamHead | undefined, found: StreamHead | undefined): VerificationFailure {
  return {
    kind: 'checkpoint',
    streamId,
    position: recorded?.position ?? found?.position ?? 0,
    expected: recorded?.hash ?? null,
    actual: found?.hash ?? null,
    message:
      `${streamId}: the store contradicts the checkpoint at global position ${cp.globalPosition} (taken ${cp.takenAt}): ` +
      `head recorded ${recorded ? `#${recorded.position}` : 'absent'}, found ${found ? `#${found.position}` : 'absent'}`,
  };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
