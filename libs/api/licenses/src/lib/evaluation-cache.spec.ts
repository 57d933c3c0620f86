import { EvaluationCache } from './evaluation-cache';

describe('EvaluationCache', () => {
  it('returns what was stored under a key', () => {
    const cache = new EvaluationCache<number>(10);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new EvaluationCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
