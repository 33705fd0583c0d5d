import { describe, expect, it } from 'vitest';
import { routePath, shardPaths } from '../../../src/lib/site/shard-pages.ts';

describe('routePath', () => {
  it('fills the route pattern with the params, a missing rest parameter being the first page', () => {
    expect(routePath('/tags/[tag]/[...page]', { tag: 'ai', page: '2' })).toBe('/tags/ai/2');
    expect(routePath('/tags/[tag]/[...page]', { tag: 'ai', page: undefined })).toBe('/tags/ai');
    expect(routePath('/[...page]', { page: undefined })).toBe('/');
    expect(routePath('/stories/[slug]/rss.xml', { slug: 'outage' })).toBe('/stories/outage/rss.xml');
  });
});

describe('shardPaths', () => {
  const entries = Array.from({ length: 60 }, (_, i) => ({ params: { slug: `story-${i}` }, props: { i } }));

  it('keeps every entry without a shard', () => {
    expect(shardPaths('/articles/[slug]', entries, undefined)).toBe(entries);
  });

  it('splits the entries among the parts, each entry in exactly one, in their order', () => {
    const split = [1, 2, 3].map((index) => shardPaths('/articles/[slug]', entries, { index, count: 3 }));
    for (const share of split) expect(share.length).toBeGreaterThan(0);
    expect(split.flat().map((entry) => entry.props.i).sort((a, b) => a - b)).toEqual(entries.map((entry) => entry.props.i));
    for (const share of split) expect(share.map((entry) => entry.props.i)).toEqual([...share.map((entry) => entry.props.i)].sort((a, b) => a - b));
  });
});
