import { ENVELOPE_KEY, splitEnvelope, withEnvelope } from './envelope';

const links = { id: 'e-1', v: 2, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };

describe('the $caseflow metadata envelope', () => {
  it('adds the envelope beside the caller metadata without changing it, and splits it off again', () => {
    const metadata = { actor: 'agent:1', correlationId: 'c' };
    const stored = withEnvelope(metadata, links);
    expect(stored).toEqual({ actor: 'agent:1', correlationId: 'c', [ENVELOPE_KEY]: links });
    expect(metadata).toEqual({ actor: 'agent:1', correlationId: 'c' });
    expect(splitEnvelope(JSON.parse(JSON.stringify(stored)))).toEqual({ envelope: links, metadata });
  });

  it('reads envelopes written before the chain (id and version only) as unhashed', () => {
    expect(splitEnvelope({ actor: 'a', [ENVELOPE_KEY]: { id: 'old', v: 1 } })).toEqual({
      envelope: { id: 'old', v: 1, prevHash: null, hash: null },
      metadata: { actor: 'a' },
    });
  });

  it('ignores ill-typed envelope fields and keeps metadata that is not an object as it is', () => {
    expect(splitEnvelope({ [ENVELOPE_KEY]: { id: 7, v: '2', prevHash: 1, hash: ['x'] } })).toEqual({
      envelope: { prevHash: null, hash: null },
      metadata: {},
    });
    expect(splitEnvelope({ [ENVELOPE_KEY]: 'forged' }).envelope).toEqual({ prevHash: null, hash: null });
    expect(splitEnvelope(undefined)).toEqual({ envelope: { prevHash: null, hash: null }, metadata: null });
    expect(splitEnvelope([1, 2]).metadata).toEqual([1, 2]);
  });
});
