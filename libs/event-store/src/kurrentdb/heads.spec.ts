import { merkleRoot } from '../integrity/merkle';
import { checkpointFailure } from '../integrity/checkpoint-failure';
import { StreamHeads, checkpointOf, headAt } from './heads';

const h = (c: string) => c.repeat(64);
const row = (
  streamId: string,
  position: number,
  globalPosition: number,
  hash: string | null = h(String(position)),
) => ({ streamId, position, globalPosition, hash });

describe('stream heads for checkpoints', () => {
  it('keeps the last event of each stream and the highest global position, sorted by stream id', () => {
    const heads = new StreamHeads();
    [row('b', 1, 10), row('a', 1, 20), row('b', 2, 30), row('a', 2, 40, null)].forEach((r) => heads.add(r));
    expect(heads.globalPosition).toBe(40);
    expect(heads.get('b')).toEqual({ position: 2, hash: h('2') });
    expect(heads.list()).toEqual([
      { streamId: 'a', position: 2, hash: '' },
      { streamId: 'b', position: 2, hash: h('2') },
    ]);
  });

  it("finds a stream's head as of a global position", () => {
    const rows = [row('s', 1, 10), row('s', 2, 30), row('s', 3, 50)];
    expect(headAt(rows, 30)).toEqual({ streamId: 's', position: 2, hash: h('2') });
    expect(headAt(rows, 49)).toEqual({ streamId: 's', position: 2, hash: h('2') });
    expect(headAt(rows, 9)).toBeUndefined();
  });

  it('builds a checkpoint whose root is the Merkle root of its sorted heads', () => {
    const cp = checkpointOf(
      [
        { streamId: 'b', position: 1, hash: h('1') },
        { streamId: 'a', position: 2, hash: h('2') },
      ],
      99,
      '2026-01-01T00:00:00.000Z',
    );
    expect(cp).toMatchObject({ globalPosition: 99, streams: 2 });
    expect(cp.heads!.map((x) => x.streamId)).toEqual(['a', 'b']);
    expect(cp.root).toBe(merkleRoot(cp.heads!));
  });
});

describe('checkpointFailure', () => {
  const heads = [
    { streamId: 'a', position: 2, hash: h('2') },
    { streamId: 'b', position: 3, hash: h('3') },
  ];
  const cp = checkpointOf(heads, 50, '2026-01-01T00:00:00.000Z');

  it('passes when the heads found give the same root or the same stream head', () => {
    expect(checkpointFailure(cp, 'all', heads)).toBeUndefined();
    expect(checkpointFailure(cp, 'b', [heads[1]])).toBeUndefined();
  });

  it('names a stream whose head moved back or vanished, with recorded and found hashes', () => {
    expect(checkpointFailure(cp, 'b', [{ streamId: 'b', position: 2, hash: h('9') }])).toMatchObject({
      kind: 'checkpoint',
      streamId: 'b',
      position: 3,
      expected: h('3'),
      actual: h('9'),
    });
    const gone = checkpointFailure(cp, 'b', []);
    expect(gone).toMatchObject({ kind: 'checkpoint', streamId: 'b', position: 3, expected: h('3'), actual: null });
    expect(gone!.message).toContain('head recorded #3, found absent');
    expect(checkpointFailure(cp, 'all', [heads[0]])).toMatchObject({ kind: 'checkpoint', streamId: 'b', actual: null });
  });

  it('without recorded heads, reports the root', () => {
    const bare = { ...cp, heads: undefined };
    expect(checkpointFailure(bare, 'all', [heads[0]])).toMatchObject({
      kind: 'checkpoint',
      streamId: '*',
      position: 50,
      expected: cp.root,
      actual: merkleRoot([heads[0]]),
    });
  });
});
