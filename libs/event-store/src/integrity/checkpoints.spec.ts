import { createHash } from 'node:crypto';
import type { StoreCheckpoint, StreamHead } from '../port';
import { checkpointTakenEvent } from './checkpoint-event';
import { checkpointFailure } from './checkpoint-failure';
import { firstHeadDifference, leafHash, merkleRoot } from './merkle';

/** SHA-256 hex, computed here rather than with the module's own helper. */
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const head = (streamId: string, position: number, fill = streamId.slice(-1)): StreamHead => ({
  streamId,
  position,
  hash: fill.repeat(64),
});
const a = head('s-a', 3);
const b = head('s-b', 1);
const c = head('s-c', 7);

describe('merkleRoot', () => {
  it('hashes each head as the documented leaf, pairs left to right and carries an odd node up', () => {
    const leaf = (h: StreamHead) => sha(`{"hash":"${h.hash}","position":${h.position},"stream":"${h.streamId}"}`);
    expect(leafHash(a)).toBe(leaf(a));
    expect(merkleRoot([a])).toBe(leaf(a));
    expect(merkleRoot([a, b])).toBe(sha(leaf(a) + leaf(b)));
    expect(merkleRoot([c, a, b])).toBe(sha(sha(leaf(a) + leaf(b)) + leaf(c)));
    expect(merkleRoot([head('s-d', 1), c, b, a])).toBe(
      sha(sha(leaf(a) + leaf(b)) + sha(leaf(c) + leaf(head('s-d', 1)))),
    );
    expect(merkleRoot([])).toBe(sha(''));
  });

  it('changes with any head’s position or hash', () => {
    const root = merkleRoot([a, b, c]);
    expect(merkleRoot([a, { ...b, position: 2 }, c])).not.toBe(root);
    expect(merkleRoot([a, b, { ...c, hash: 'f'.repeat(64) }])).not.toBe(root);
  });
});

describe('firstHeadDifference', () => {
  it('finds nothing when the heads agree, whatever their order', () => {
    expect(firstHeadDifference([a, b, c], [c, b, a])).toBeUndefined();
    expect(firstHeadDifference([], [])).toBeUndefined();
  });

  it('names the first stream (by id) whose head moved, went missing or appeared', () => {
    expect(firstHeadDifference([c, a, b], [a, { ...b, position: 2 }, { ...c, position: 9 }])).toEqual({
      recorded: b,
      found: { ...b, position: 2 },
    });
    expect(firstHeadDifference([a, b], [a, { ...b, hash: 'e'.repeat(64) }])).toEqual({
      recorded: b,
      found: { ...b, hash: 'e'.repeat(64) },
    });
    expect(firstHeadDifference([a, b, c], [a, c])).toEqual({ recorded: b, found: undefined });
    expect(firstHeadDifference([a], [c, a, b])).toEqual({ found: b });
  });
});

describe('checkpointFailure', () => {
  const cp: StoreCheckpoint = {
    globalPosition: 40,
    takenAt: '2026-03-01T10:00:00.000Z',
    root: merkleRoot([a, b, c]),
    streams: 3,
    heads: [a, b, c],
  };
  const at = 'the store contradicts the checkpoint at global position 40 (taken 2026-03-01T10:00:00.000Z)';

  it('passes when the store has the heads the checkpoint recorded', () => {
    expect(checkpointFailure(cp, 'all', [c, b, a])).toBeUndefined();
    expect(checkpointFailure(cp, 's-b', [b])).toBeUndefined();
    expect(checkpointFailure({ ...cp, heads: undefined }, 'all', [a, b, c])).toBeUndefined();
  });

  it('checks one stream against its own recorded head', () => {
    expect(checkpointFailure(cp, 's-b', [{ ...b, position: 2 }])).toEqual({
      kind: 'checkpoint',
      streamId: 's-b',
      position: 1,
      expected: b.hash,
      actual: b.hash,
      message: `s-b: ${at}: head recorded #1, found #2`,
    });
    expect(checkpointFailure(cp, 's-b', [])).toEqual({
      kind: 'checkpoint',
      streamId: 's-b',
      position: 1,
      expected: b.hash,
      actual: null,
      message: `s-b: ${at}: head recorded #1, found absent`,
    });
    // A stream the checkpoint never saw, found at the checkpoint's position: it was pushed in.
    expect(checkpointFailure(cp, 's-new', [head('s-new', 2)])).toEqual({
      kind: 'checkpoint',
      streamId: 's-new',
      position: 2,
      expected: null,
      actual: head('s-new', 2).hash,
      message: `s-new: ${at}: head recorded absent, found #2`,
    });
    expect(checkpointFailure(cp, 's-never', [])).toBeUndefined();
  });

  it('for the whole store names the first stream that differs', () => {
    expect(checkpointFailure(cp, 'all', [a, c])).toMatchObject({
      streamId: 's-b',
      position: 1,
      expected: b.hash,
      actual: null,
    });
    expect(checkpointFailure(cp, 'all', [a, b, c, head('s-d', 1)])).toMatchObject({
      streamId: 's-d',
      position: 1,
      expected: null,
    });
  });

  it('without recorded heads can only say the root differs', () => {
    const found = [a, b];
    expect(checkpointFailure({ ...cp, heads: undefined }, 's-c', found)).toEqual({
      kind: 'checkpoint',
      streamId: '*',
      position: 40,
      expected: cp.root,
      actual: merkleRoot(found),
      message: `${at}: Merkle root differs`,
    });
  });
});

describe('checkpointTakenEvent', () => {
  it('records the summary without the heads, under an id that names the global position', () => {
    const cp: StoreCheckpoint = {
      globalPosition: 12,
      takenAt: '2026-03-01T10:00:00.000Z',
      root: 'r',
      streams: 2,
      heads: [a, b],
    };
    expect(checkpointTakenEvent(cp)).toEqual({
      id: 'checkpoint-12',
      type: 'CheckpointTaken',
      data: { globalPosition: 12, takenAt: '2026-03-01T10:00:00.000Z', root: 'r', streams: 2 },
      metadata: { actor: 'system:checkpoint', occurredAt: '2026-03-01T10:00:00.000Z', correlationId: 'checkpoint-12' },
    });
  });
});
