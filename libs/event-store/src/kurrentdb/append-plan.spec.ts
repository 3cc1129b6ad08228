import { ConcurrencyError } from '../errors';
import { GENESIS_HASH } from '../integrity/canonical';
import type { ChainedEvent, NewEvent } from '../port';
import { planAppend } from './append-plan';
import { chainNewEvents } from './chain';
import { EMPTY_TIP, advanceTip } from './stream-tip';

const tipOf = (stored: ChainedEvent[]) => advanceTip(EMPTY_TIP, stored);

const event = (id: string, type = 'TicketNoteAdded'): NewEvent => ({
  id,
  type,
  data: { id },
  metadata: { actor: 'a', occurredAt: '2026-01-01T00:00:00Z', correlationId: 'c' },
});

/** Stored events as a read returns them after earlier appends. */
function storedAfter(streamId: string, ids: string[]): ChainedEvent[] {
  const proposals = chainNewEvents(
    streamId,
    { position: 0, hash: GENESIS_HASH },
    ids.map((id) => ({ ...event(id), schemaVersion: 1 })),
  );
  return proposals.map((p) => ({
    streamId,
    position: p.position,
    globalPosition: p.position * 10,
    id: p.id,
    type: p.type,
    schemaVersion: 1,
    data: p.data,
    metadata: event(p.id).metadata,
    recordedAt: '',
    prevHash: p.prevHash,
    hash: p.hash,
  }));
}

describe('planAppend', () => {
  it("chains new events after the stream's last hash, at the positions after the last one read", () => {
    const stored = storedAfter('s', ['a', 'b']);
    const plan = planAppend('s', tipOf(stored), [event('c'), event('d')], 2, () => 3);
    expect(plan.readPosition).toBe(2);
    expect(plan.positions).toEqual([3, 4]);
    expect(plan.proposals.map((p) => [p.position, p.prevHash])).toEqual([
      [3, stored[1].hash],
      [4, plan.proposals[0].hash],
    ]);
    expect(plan.proposals[0].metadata.$caseflow).toMatchObject({ id: 'c', v: 3 });
  });

  it('starts an empty stream at GENESIS_HASH', () => {
    const plan = planAppend('s', EMPTY_TIP, [event('a')], 'no_stream', () => 1);
    expect(plan).toMatchObject({ readPosition: 0, positions: [1] });
    expect(plan.proposals[0].prevHash).toBe(GENESIS_HASH);
  });

  it('returns existing positions for repeats (also within the call) and writes only the new events', () => {
    const stored = storedAfter('s', ['a', 'b']);
    const plan = planAppend('s', tipOf(stored), [event('b'), event('c'), event('c'), event('a')], 'any', () => 1);
    expect(plan.positions).toEqual([2, 3, 3, 1]);
    expect(plan.proposals.map((p) => p.id)).toEqual(['c']);
  });

  it('accepts a repeat with a stale expectation but refuses new events when the expectation does not hold', () => {
    const stored = storedAfter('s', ['a', 'b']);
    expect(planAppend('s', tipOf(stored), [event('a')], 7, () => 1)).toEqual({
      positions: [1],
      readPosition: 2,
      proposals: [],
    });
    expect(() => planAppend('s', tipOf(stored), [event('c')], 1, () => 1)).toThrow(ConcurrencyError);
    expect(() => planAppend('s', tipOf(stored), [event('c')], 'no_stream', () => 1)).toThrow(ConcurrencyError);
  });

  it('takes the last position from the last event read (a truncated stream keeps its positions)', () => {
    const stored = storedAfter('s', ['a', 'b', 'c']).slice(2);
    expect(planAppend('s', tipOf(stored), [event('d')], 3, () => 1).positions).toEqual([4]);
  });

  it("refuses caller metadata that carries the store's envelope key", () => {
    const forged = { ...event('x'), metadata: { ...event('x').metadata, $caseflow: { hash: 'f'.repeat(64) } } };
    expect(() => planAppend('s', EMPTY_TIP, [forged], 'any', () => 1)).toThrow(/\$caseflow/);
  });
});
