import type { StreamHead } from '../port';
import { canonicalJson, sha256 } from './canonical';

/**
 * Merkle root over stream heads. Leaves are sorted by streamId (UTF-16 code units); a leaf is
 * sha256(canonicalJson({ hash, position, stream })); a parent is sha256(left + right) over the two
 * hex strings; an odd node is carried up unchanged. No heads: sha256('').
 */
export function merkleRoot(heads: readonly StreamHead[]): string {
  const sorted = [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  let level = sorted.map((h) => leafHash(h));
  if (level.length === 0) return sha256('');
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? sha256(level[i] + level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

export function leafHash(head: StreamHead): string {
  return sha256(canonicalJson({ hash: head.hash, position: head.position, stream: head.streamId }));
}

/** The first head that differs between a checkpoint's and the store's, by streamId. */
export function firstHeadDifference(
  recorded: readonly StreamHead[],
  found: readonly StreamHead[],
): { recorded?: StreamHead; found?: StreamHead } | undefined {
  const now = new Map(found.map((h) => [h.streamId, h]));
  for (const r of [...recorded].sort((a, b) => (a.streamId < b.streamId ? -1 : 1))) {
    const f = now.get(r.streamId);
    if (!f || f.hash !== r.hash || f.position !== r.position) return { recorded: r, found: f };
    now.delete(r.streamId);
  }
  const extra = [...now.values()].sort((a, b) => (a.streamId < b.streamId ? -1 : 1))[0];
  return extra ? { found: extra } : undefined;
}
