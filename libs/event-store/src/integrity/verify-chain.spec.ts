import type { ChainedEvent } from '../port';
import { GENESIS_HASH, canonicalJson, eventHash } from './canonical';
import { verifyStreamChain, type StoredEvent } from './verify-chain';

/** A well-formed chain of `n` events in stream `s`, hashed as the store writes them. */
function chain(n: number): ChainedEvent[] {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const e = {
      streamId: 's',
      position: i + 1,
      globalPosition: i + 1,
      id: `e${i + 1}`,
      type: 'T',
      schemaVersion: 1,
      data: { i },
      metadata: { actor: 'a' },
      recordedAt: '',
    };
    const hash = eventHash(e, prev);
    const out = { ...e, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}

/** The same events as the PostgreSQL adapter reads them: data and metadata as the stored JSON text. */
function asStoredText(events: ChainedEvent[]): StoredEvent[] {
  return events.map(({ data, metadata, ...rest }) => ({
    ...rest,
    dataJson: canonicalJson(data),
    metadataJson: canonicalJson(metadata),
  }));
}

const c = chain(4);
const head = { position: 4, hash: c[3].hash };

describe('verifyStreamChain: the stream head', () => {
  it('reports a rewritten head hash as a failure of kind head, naming both hashes', () => {
    const rewritten = 'f'.repeat(64);
    expect(verifyStreamChain('s', c, { position: 4, hash: rewritten })).toEqual({
      kind: 'head',
      streamId: 's',
      position: 4,
      expected: rewritten,
      actual: c[3].hash,
      message: "s #4: the head hash differs from the last event's",
    });
  });

  it('accepts a head that keeps no hash, and a stream checked without a head', () => {
    expect(verifyStreamChain('s', c, { position: 4, hash: null })).toBeUndefined();
    expect(verifyStreamChain('s', c)).toBeUndefined();
    expect(verifyStreamChain('s', [], undefined)).toBeUndefined();
  });

  it('reports the events a head counts but the table lost', () => {
    expect(verifyStreamChain('s', c.slice(0, 2), head)).toEqual({
      kind: 'deleted',
      streamId: 's',
      position: 3,
      expected: c[3].hash,
      actual: c[1].hash,
      message: 's #3: event(s) 3..4 missing (the head is at 4)',
    });
    expect(verifyStreamChain('s', [], head)).toMatchObject({ kind: 'deleted', position: 1, actual: GENESIS_HASH });
  });

  it('reports an event beyond the head as inserted by someone other than the store', () => {
    expect(verifyStreamChain('s', c, { position: 3, hash: c[2].hash })).toEqual({
      kind: 'inserted',
      streamId: 's',
      position: 4,
      expected: null,
      actual: c[3].hash,
      message: 's #4: event beyond the stream head (3) was not written by the store',
    });
  });
});

describe('verifyStreamChain: the events', () => {
  it('reports an event without hashes as inserted', () => {
    const bare = { ...c[1], hash: null, prevHash: null };
    expect(verifyStreamChain('s', [c[0], bare, c[2], c[3]], head)).toEqual({
      kind: 'inserted',
      streamId: 's',
      position: 2,
      expected: null,
      actual: null,
      message: 's #2: event without hashes was not written by the store',
    });
    expect(verifyStreamChain('s', [c[0], { ...c[1], prevHash: null }], undefined)).toMatchObject({ kind: 'inserted' });
    expect(verifyStreamChain('s', [c[0], { ...c[1], hash: null }], undefined)).toMatchObject({ kind: 'inserted' });
  });

  it('names a gap with the missing range and the hashes on both sides', () => {
    expect(verifyStreamChain('s', [c[0], c[3]], head)).toEqual({
      kind: 'deleted',
      streamId: 's',
      position: 2,
      expected: c[3].prevHash,
      actual: c[0].hash,
      message: 's #2: event(s) 2..3 missing',
    });
  });

  it('names a changed event with its stored hash and the hash its content has', () => {
    const edited = { ...c[2], data: { i: 99 } };
    expect(verifyStreamChain('s', [c[0], c[1], edited, c[3]], head)).toEqual({
      kind: 'changed',
      streamId: 's',
      position: 3,
      expected: c[2].hash,
      actual: eventHash(edited, c[1].hash!),
      message: 's #3: content of event e3 does not match its hash',
    });
  });

  it('passes events read as stored JSON text, and finds an edit made to that text', () => {
    const stored = asStoredText(c);
    expect(verifyStreamChain('s', stored, head)).toBeUndefined();
    // Key order and spacing differ from canonical JSON, content is the same: still intact.
    const respaced = stored.map((e) =>
      'dataJson' in e ? { ...e, dataJson: JSON.stringify({ ...JSON.parse(e.dataJson) }, null, 2) } : e,
    );
    expect(verifyStreamChain('s', respaced, head)).toBeUndefined();
    const edited = stored.map((e) => (e.position === 2 && 'dataJson' in e ? { ...e, dataJson: '{"i":7}' } : e));
    expect(verifyStreamChain('s', edited, head)).toMatchObject({ kind: 'changed', position: 2 });
  });

  it('reports an event whose predecessor was replaced as a change before it', () => {
    const other = chain(1).map((e) => ({ ...e, id: 'x', hash: eventHash({ ...e, id: 'x' }, GENESIS_HASH) }))[0];
    expect(verifyStreamChain('s', [other, c[1], c[2], c[3]], head)).toMatchObject({
      kind: 'changed',
      position: 1,
    });
  });

  it('reports a removed first event whose successors were renumbered', () => {
    const renumbered = c.slice(1).map((e) => ({ ...e, position: e.position - 1 }));
    expect(verifyStreamChain('s', renumbered, { position: 3, hash: c[3].hash })).toMatchObject({
      kind: 'deleted',
      position: 1,
    });
  });

  it('reports an event hashed at a later position moved to an earlier one as reordered', () => {
    expect(
      verifyStreamChain(
        's',
        [
          { ...c[1], position: 1 },
          { ...c[0], position: 2 },
        ],
        undefined,
      ),
    ).toMatchObject({
      kind: 'reordered',
      position: 1,
    });
  });

  /** An event with `id` hashed at `position` after `prev`. */
  const forged = (id: string, position: number, prev: string): ChainedEvent => {
    const e = { ...c[0], id, position, globalPosition: position, data: { id } };
    return { ...e, prevHash: prev, hash: eventHash(e, prev) };
  };

  it('names the events pushed in between an event and the one it is chained to', () => {
    const a = c[0];
    const pushedIn = forged('x', 2, a.hash!);
    const b = forged('b', 3, a.hash!); // written at #3, chained to #1: #2 was not there
    expect(verifyStreamChain('s', [a, pushedIn, b], undefined)).toEqual({
      kind: 'inserted',
      streamId: 's',
      position: 2,
      expected: a.hash,
      actual: pushedIn.hash,
      message: 's #2: event(s) 2..2 were inserted',
    });
  });

  it('names an intact event chained to one that now comes after it', () => {
    const a = c[0];
    const z = forged('z', 3, a.hash!);
    const b = forged('b', 2, z.hash!);
    expect(verifyStreamChain('s', [a, b, z], undefined)).toEqual({
      kind: 'reordered',
      streamId: 's',
      position: 2,
      expected: a.hash,
      actual: z.hash,
      message: 's #2: event b is chained after #3',
    });
  });

  it('names an event recorded further down whose predecessor is gone, and one recorded further up', () => {
    const renumbered = c.slice(1).map((e) => ({ ...e, position: e.position - 1 }));
    expect(verifyStreamChain('s', renumbered, undefined)?.message).toBe(
      's #1: event e2 was recorded at #2: its predecessor is gone',
    );
    const shifted = [
      c[0],
      forged('x', 2, c[0].hash!),
      ...c.slice(1, 3).map((e) => ({ ...e, position: e.position + 1 })),
    ];
    expect(verifyStreamChain('s', shifted, undefined)).toMatchObject({
      kind: 'inserted',
      position: 2,
      message: 's #2: event e2 was recorded at #2: event(s) inserted before it',
    });
    expect(
      verifyStreamChain(
        's',
        [
          { ...c[1], position: 1 },
          { ...c[0], position: 2 },
        ],
        undefined,
      )?.message,
    ).toBe('s #1: event e2 was recorded at #2');
    const other = forged('o', 1, GENESIS_HASH);
    expect(verifyStreamChain('s', [other, c[1]], undefined)?.message).toBe(
      's #1: the event before #2 is not the one it was chained to',
    );
  });
});
