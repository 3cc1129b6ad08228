import { toChainedEvent } from './chain';
import { TOMBSTONE_REVISION, globalPositionOf, isTombstone, positionOf } from './revision';

describe('revisions and commit positions as port numbers', () => {
  it('maps revision n to position n + 1 exactly', () => {
    expect(positionOf(0n)).toBe(1);
    expect(positionOf(BigInt(Number.MAX_SAFE_INTEGER) - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(globalPositionOf(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
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
