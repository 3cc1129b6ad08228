import { GENESIS_HASH } from '../integrity/canonical';
import { EMPTY_TIP, TipCache, afterWritten, type StreamTip } from './stream-tip';

const tipWith = (n: number): StreamTip =>
  afterWritten(
    EMPTY_TIP,
    Array.from({ length: n }, (_, i) => ({ id: `e${i + 1}`, position: i + 1, hash: String(i + 1) })),
  );

describe('TipCache', () => {
  it('holds at most its number of event ids, evicting the least recently used streams', () => {
    const cache = new TipCache(10);
    cache.set('a', tipWith(4));
    cache.set('b', tipWith(4));
    cache.get('a');
    cache.set('c', tipWith(1));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.position).toBe(4);
    expect(cache.get('c')?.position).toBe(1);
    cache.set('huge', tipWith(20));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('never moves a stream back to an older tip (a slower racer)', () => {
    const cache = new TipCache();
    cache.set('s', tipWith(3));
    cache.set('s', tipWith(2));
    expect(cache.get('s')).toMatchObject({ position: 3, hash: '3' });
    expect(EMPTY_TIP).toMatchObject({ position: 0, hash: GENESIS_HASH });
  });
});
