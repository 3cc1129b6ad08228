import { GENESIS_HASH, canonicalJson, eventHash, sha256, CHAIN_ENCODING } from '../integrity/canonical';
import { verifyStreamChain } from '../integrity/verify-chain';
import { chainNewEvents, chainTip, toChainedEvent, type LogEvent } from './chain';
import { ENVELOPE_KEY } from './envelope';

/** What the client does: JSON.stringify on append, JSON.parse on read. */
const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const asRead = (
  streamId: string,
  p: { position: number; type: string; data: unknown; metadata: unknown },
  commit = p.position * 10,
): LogEvent => ({
  streamId,
  revision: BigInt(p.position - 1),
  id: `00000000-0000-5000-8000-00000000000${p.position}`,
  type: p.type,
  created: new Date('2026-01-05T10:00:00.123Z'),
  data: roundTrip(p.data),
  metadata: roundTrip(p.metadata),
  position: { commit: BigInt(commit) },
});

const candidate = (id: string, data: unknown) => ({
  id,
  type: 'TicketNoteAdded',
  schemaVersion: 2,
  data,
  metadata: { actor: 'agent:1', correlationId: 'c' },
});

describe('chaining new events on KurrentDB', () => {
  it('hashes the PostgreSQL chain content: stream, position, port id, type, stored version, data, metadata without envelope', () => {
    const [p] = chainNewEvents('ticket-9', { position: 0, hash: GENESIS_HASH }, [
      candidate('e-1', { b: null, a: [1, 'é'] }),
    ]);
    const document = {
      chain: CHAIN_ENCODING,
      data: { b: null, a: [1, 'é'] },
      id: 'e-1',
      metadata: { actor: 'agent:1', correlationId: 'c' },
      position: 1,
      prev: GENESIS_HASH,
      schemaVersion: 2,
      stream: 'ticket-9',
      type: 'TicketNoteAdded',
    };
    expect(p.hash).toBe(sha256(canonicalJson(document)));
    expect(p).toMatchObject({ position: 1, prevHash: GENESIS_HASH });
    expect(p.metadata[ENVELOPE_KEY]).toEqual({ id: 'e-1', v: 2, prevHash: GENESIS_HASH, hash: p.hash });
  });

  it('links each event of a batch to the one before, after the tip given', () => {
    const tip = { position: 4, hash: 'f'.repeat(64) };
    const proposals = chainNewEvents('s', tip, [
      candidate('a', { n: 1 }),
      candidate('b', { n: 2 }),
      candidate('c', { n: 3 }),
    ]);
    expect(proposals.map((p) => p.position)).toEqual([5, 6, 7]);
    expect(proposals.map((p) => p.prevHash)).toEqual([tip.hash, proposals[0].hash, proposals[1].hash]);
    expect(new Set(proposals.map((p) => p.hash)).size).toBe(3);
  });

  it('stores hashes that match the events as they read back, whatever JSON does to the data', () => {
    const awkward = {
      z: 1,
      '10': 'integer-like keys come first in JS objects',
      '9': 'but sort after "10" in canonical JSON',
      gone: undefined,
      list: [undefined, () => 1, -0, 1e21, 0.1 + 0.2],
      at: new Date('2026-01-01T00:00:00Z'),
      nested: { y: 2, x: { b: true, a: null } },
      text: 'line\nbreak \u2028 é \ud83d\ude00',
    };
    const proposals = chainNewEvents('ticket-1', { position: 0, hash: GENESIS_HASH }, [
      candidate('a', awkward),
      candidate('b', null),
      candidate('c', 'plain string'),
    ]);
    const read = proposals.map((p) => toChainedEvent(asRead('ticket-1', p)));
    expect(read[0].data).toEqual({
      z: 1,
      '10': 'integer-like keys come first in JS objects',
      '9': 'but sort after "10" in canonical JSON',
      list: [null, null, 0, 1e21, 0.30000000000000004],
      at: '2026-01-01T00:00:00.000Z',
      nested: { y: 2, x: { b: true, a: null } },
      text: 'line\nbreak \u2028 é \ud83d\ude00',
    });
    expect(read[0].metadata).toEqual({ actor: 'agent:1', correlationId: 'c' });
    expect(read.map((e) => e.hash)).toEqual(proposals.map((p) => p.hash));
    expect(verifyStreamChain('ticket-1', read)).toBeUndefined();
    // And a change to what is stored is caught.
    const edited = [read[0], { ...read[1], data: { forged: true } }, read[2]];
    expect(verifyStreamChain('ticket-1', edited)).toMatchObject({ kind: 'changed', position: 2 });
  });

  it('reads the links, port id, stored version and commit position back from the event', () => {
    const [p] = chainNewEvents('s', { position: 0, hash: GENESIS_HASH }, [candidate('port-id', { n: 1 })]);
    expect(toChainedEvent(asRead('s', p, 4711))).toEqual({
      streamId: 's',
      position: 1,
      globalPosition: 4711,
      id: 'port-id',
      type: 'TicketNoteAdded',
      schemaVersion: 2,
      data: { n: 1 },
      metadata: { actor: 'agent:1', correlationId: 'c' },
      recordedAt: '2026-01-05T10:00:00.123Z',
      prevHash: GENESIS_HASH,
      hash: p.hash,
    });
  });
});

describe('chainTip', () => {
  const legacy = (position: number) =>
    toChainedEvent(
      asRead('s', {
        position,
        type: 'T',
        data: { position },
        metadata: { actor: 'a', [ENVELOPE_KEY]: { id: `old-${position}`, v: 1 } },
      }),
    );

  it('is GENESIS_HASH for an empty stream and the last stored hash otherwise', () => {
    expect(chainTip([])).toBe(GENESIS_HASH);
    const proposals = chainNewEvents('s', { position: 0, hash: GENESIS_HASH }, [candidate('a', 1), candidate('b', 2)]);
    expect(chainTip(proposals.map((p) => toChainedEvent(asRead('s', p))))).toBe(proposals[1].hash);
  });

  it('after events written before the chain, is the hash the unhashed prefix would have had', () => {
    const old = [legacy(1), legacy(2)];
    expect(old[0]).toMatchObject({ id: 'old-1', prevHash: null, hash: null, metadata: { actor: 'a' } });
    const first = eventHash(old[0], GENESIS_HASH);
    expect(chainTip(old)).toBe(eventHash(old[1], first));
    // verify() still names the first unhashed event, as PostgreSQL does for rows without hashes.
    expect(verifyStreamChain('s', old)).toMatchObject({
      kind: 'inserted',
      position: 1,
      message: 's #1: event without hashes was not written by the store',
    });
  });
});
