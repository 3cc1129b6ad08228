import { mergePatch } from './record-changes';

describe('mergePatch (RFC 7396)', () => {
  it('merges objects member by member, replaces lists and values, removes on null', () => {
    const target = { name: 'A', plan: 'x', options: { a: 1, b: [1, 2] }, list: [1, 2, 3] };
    expect(mergePatch(target, { plan: null, options: { b: [3] }, list: [4] })).toEqual({
      name: 'A',
      options: { a: 1, b: [3] },
      list: [4],
    });
    expect(target.plan).toBe('x');
  });

  it('a non-object patch replaces the whole; undefined members change nothing', () => {
    expect(mergePatch({ a: 1 }, [1])).toEqual([1]);
    expect(mergePatch({ a: 1 }, { a: undefined, b: { c: null } })).toEqual({ a: 1, b: {} });
  });
});
