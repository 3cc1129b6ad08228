import { toChainedEvent } from './chain';
import { NO_POSITION, TOMBSTONE_REVISION, globalPositionOf, isTombstone, positionOf } from './revision';

describe('revisions and commit positions as port numbers', () => {
  it('maps revision n to position n + 1 exactly', () => {
    expect(positionOf(0n)).toBe(1);
    expect(positionOf(BigInt(Number.MAX_SAFE_INTEGER) - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(globalPositionOf(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads "no position" (2^64-1, what a stream read sends for an event without one) as 0, not a huge number', () => {
    expect(globalPositionOf(NO_POSITION)).toBe(0);
    expect(() => globalPositionOf(NO_POSITION - 1n)).toThrow(/commit position/);
  });

  it('refuses what a number cannot hold exactly instead of rounding (a tombstone is 2^63-1)', () => {
    // Number(2n ** 63n - 1n) + 1 === 2 ** 63: the tombstone would silently become a position.
    expect(Number(TOMBSTONE_REVISION) + 1).toBe(2 ** 63);
    expect(() => positionOf(TOMBSTONE_REVISION)).toThrow(/2\^53/);
    expect(() => positionOf(BigInt(Number.MAX_SAFE_INTEGER))).toThrow(/revision/);
    expect(() => globalPositionOf(2n ** 53n)).toThrow(/commit position/);
    const tombstone = {
      streamId: 's',
      revision: TOMBSTONE_REVISION,
      id: 'x',
      type: '$streamDeleted',
      created: new Date(0),
      data: {},
      metadata: {},
    };
    expect(() => toChainedEvent(tombstone)).toThrow(/outside what the port's positions hold/);
  });

  it('knows a tombstone by its revision or its type', () => {
    expect(isTombstone({ revision: TOMBSTONE_REVISION, type: 'anything' })).toBe(true);
    expect(isTombstone({ revision: 3n, type: '$streamDeleted' })).toBe(true);
    expect(isTombstone({ revision: 3n, type: 'NoteAdded' })).toBe(false);
  });
});
