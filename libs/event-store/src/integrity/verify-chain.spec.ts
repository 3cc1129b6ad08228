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
});
