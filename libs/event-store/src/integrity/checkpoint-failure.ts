import type { StoreCheckpoint, StreamHead, VerificationFailure } from '../port';
import { firstHeadDifference, merkleRoot } from './merkle';

/**
 * Whether the heads found now at the checkpoint's global position contradict it: for one stream
 * (with recorded heads) its own head; otherwise the Merkle root, naming the first differing
 * stream when the checkpoint carries its heads. Every adapter uses it: same verdicts, same messages.
 */
export function checkpointFailure(
  cp: StoreCheckpoint,
  target: string,
  found: readonly StreamHead[],
): VerificationFailure | undefined {
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

function headFailure(
  cp: StoreCheckpoint,
  streamId: string,
  recorded: StreamHead | undefined,
  found: StreamHead | undefined,
): VerificationFailure {
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
