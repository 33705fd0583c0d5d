import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../../src/lib/site/shards.ts';

describe('shards', () => {
  it('reads part/parts and refuses anything else with what to write', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/65']) expect(() => parseShard(bad)).toThrow(/--shard .*<part>\/<parts>/);
  });

  it('gives every key to exactly one shard, and spreads keys evenly', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `/articles/story-${i}/`);
    const counts = [0, 0, 0, 0];
    for (const key of keys) {
      const owners = [1, 2, 3, 4].filter((index) => inShard(key, { index, count: 4 }));
      expect(owners).toHaveLength(1);
      counts[owners[0]! - 1]!++;
    }
    for (const count of counts) expect(count).toBeGreaterThan(800);
  });

  it('gives everything to a build without shards', () => {
    expect(inShard('/anything/', undefined)).toBe(true);
  });
});
