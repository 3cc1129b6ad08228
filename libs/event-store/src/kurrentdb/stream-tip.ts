import { GENESIS_HASH, eventHash } from '../integrity/canonical';
import type { ChainedEvent } from '../port';

/** What an append needs to know of a stream: its last position, the hash to chain to, the port ids in it. */
export interface StreamTip {
  /** The last position (0: nothing reads). */
  readonly position: number;
  /** The hash the next event chains to. */
  readonly hash: string;
  /** Port event id → position, for every event known to be in the stream (idempotency). */
  readonly ids: ReadonlyMap<string, number>;
}

export const EMPTY_TIP: StreamTip = { position: 0, hash: GENESIS_HASH, ids: new Map() };

/**
 * The tip after `events`, read forward from `tip` in order. As chainTip(): an event stored without
 * a hash counts with the hash it would have had, so a stream continued after one has one chain.
 */
export function advanceTip(tip: StreamTip, events: readonly ChainedEvent[]): StreamTip {
  if (!events.length) return tip;
  const ids = new Map(tip.ids);
  let hash = tip.hash;
  for (const e of events) {
    hash = e.hash ?? eventHash(e, hash);
    ids.set(e.id, e.position);
  }
  return { position: events[events.length - 1].position, hash, ids };
}

/** The tip after the events this process has just written (their links as sent). */
export function afterWritten(
  tip: StreamTip,
  written: ReadonlyArray<{ id: string; position: number; hash: string }>,
): StreamTip {
  if (!written.length) return tip;
  const ids = new Map(tip.ids);
  for (const w of written) ids.set(w.id, w.position);
  const last = written[written.length - 1];
  return { position: last.position, hash: last.hash, ids };
}

/**
 * The tips of recently written streams, least recently used evicted first, bounded by the number
 * of event ids held. An evicted stream is read whole again on its next append.
 */
export class TipCache {
  private readonly tips = new Map<string, StreamTip>();
  private held = 0;

  constructor(private readonly maxIds = 100_000) {}

  get(streamId: string): StreamTip | undefined {
    const tip = this.tips.get(streamId);
    if (tip) {
      this.tips.delete(streamId);
      this.tips.set(streamId, tip);
    }
    return tip;
  }

  /** Keeps `tip` unless a later one is already held (a slower racer must not move it back). */
  set(streamId: string, tip: StreamTip): void {
    const held = this.tips.get(streamId);
    if (held && held.position > tip.position) return;
    this.delete(streamId);
    if (weight(tip) > this.maxIds) return;
    this.tips.set(streamId, tip);
    this.held += weight(tip);
    for (const [oldest, t] of this.tips) {
      if (this.held <= this.maxIds) break;
      this.tips.delete(oldest);
      this.held -= weight(t);
    }
  }

  delete(streamId: string): void {
    const held = this.tips.get(streamId);
    if (!held) return;
    this.tips.delete(streamId);
    this.held -= weight(held);
  }

  get size(): number {
    return this.tips.size;
  }
}

const weight = (tip: StreamTip) => tip.ids.size + 1;
