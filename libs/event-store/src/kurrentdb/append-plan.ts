import { ConcurrencyError, InvalidEventError } from '../errors';
import type { ExpectedPosition, NewEvent } from '../port';
import { chainNewEvents, type ChainedProposal } from './chain';
import { ENVELOPE_KEY } from './envelope';
import type { StreamTip } from './stream-tip';

export interface AppendPlan {
  /** Position of each event passed in (existing positions for idempotent repeats). */
  positions: number[];
  /** The stream's last position as known: the append expects exactly this (0 = no stream). */
  readPosition: number;
  /** The events to send, chained after the stream's tip; empty when every event is a repeat. */
  proposals: ChainedProposal[];
}

/**
 * Decides an append from the stream's tip: which events are repeats (same port id), which are
 * new, their positions and hashes. Throws ConcurrencyError when new events are to be written and
 * the expected position does not hold. The caller appends `proposals` expecting `readPosition`, so
 * a racing writer makes KurrentDB refuse the batch and the plan is made again.
 */
export function planAppend(
  streamId: string,
  tip: StreamTip,
  events: readonly NewEvent[],
  expected: ExpectedPosition,
  schemaVersionOf: (type: string) => number,
): AppendPlan {
  const readPosition = tip.position;
  const withinCall = new Map<string, number>();
  const positions: number[] = [];
  const fresh: NewEvent[] = [];
  for (const e of events) {
    const position = tip.ids.get(e.id) ?? withinCall.get(e.id);
    if (position !== undefined) {
      positions.push(position);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(e.metadata ?? {}, ENVELOPE_KEY)) {
      throw new InvalidEventError(
        `Stream "${streamId}": event ${e.id} has metadata key "${ENVELOPE_KEY}", which the store reserves`,
      );
    }
    const next = readPosition + fresh.length + 1;
    withinCall.set(e.id, next);
    fresh.push(e);
    positions.push(next);
  }
  if (!fresh.length) return { positions, readPosition, proposals: [] };
  if (!holds(expected, readPosition)) throw new ConcurrencyError(streamId, expected, readPosition);
  const candidates = fresh.map((e) => ({
    id: e.id,
    type: e.type,
    schemaVersion: schemaVersionOf(e.type),
    data: e.data,
    metadata: e.metadata,
  }));
  return {
    positions,
    readPosition,
    proposals: chainNewEvents(streamId, { position: readPosition, hash: tip.hash }, candidates),
  };
}

function holds(expected: ExpectedPosition, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === 0;
  return expected === current;
}
