import { describe, expect, it } from 'vitest';
import { buildFacetIndex } from '../../../src/lib/site/facets.ts';
import { facetListingPaths, listingPaths } from '../../../src/lib/site/listings.ts';
import { createPaths, pageFromParam } from '../../../src/lib/site/paths.ts';

const paths = createPaths('/desk/');

describe('listing routes', () => {
  it('put page 1 at the listing URL (no page parameter) and page n at page/n', () => {
    const routes = listingPaths(['a', 'b', 'c'], 2, paths.home);
    expect(routes.map((route) => route.params)).toEqual([{ page: undefined }, { page: 'page/2' }]);
    expect(routes.map((route) => route.props.page.items)).toEqual([['a', 'b'], ['c']]);
  });

  it('give each route the page whose URL matches its parameter', () => {
    const routes = listingPaths(['a', 'b', 'c', 'd', 'e'], 2, (n) => paths.tag('ai', n), { tag: 'ai' });
    for (const route of routes) {
      const n = pageFromParam(route.params.page);
      expect(route.props.page.number).toBe(n);
      expect(route.props.page.url).toBe(paths.tag('ai', n));
    }
  });

  it('carry the extra route parameters and props on every page', () => {
    const routes = listingPaths([1, 2, 3], 1, (n) => paths.author('alex-kim', n), { author: 'alex-kim' }, { author: { name: 'Alex Kim' } });
    expect(routes).toHaveLength(3);
    for (const route of routes) {
      expect(route.params.author).toBe('alex-kim');
      expect(route.props.author).toEqual({ name: 'Alex Kim' });
    }
  });

  it('still give an empty listing its first page', () => {
    const routes = listingPaths([], 10, paths.home);
    expect(routes).toHaveLength(1);
    expect(routes[0]!.params.page).toBeUndefined();
    expect(routes[0]!.props.page.items).toEqual([]);
  });
});

describe('tag and author listing routes', () => {
  const articles = new Map(['a', 'b', 'c'].map((slug) => [slug, { slug }]));
  const tags = buildFacetIndex([
    { slug: 'a', names: ['AI', 'C++'] },
    { slug: 'b', names: ['ai'] },
    { slug: 'c', names: ['AI'] },
  ], 'tag');

  it('page each facet through exactly its own articles, at its own URLs', () => {
    const routes = facetListingPaths(tags.all, (slugs) => slugs.map((slug) => articles.get(slug)!), 2, paths.tag, 'tag');
    expect(routes.map((route) => [route.params.tag, route.params.page, route.props.page.items.map((item) => item.slug)])).toEqual([
      ['ai', undefined, ['a', 'b']],
      ['ai', 'page/2', ['c']],
      ['c-plus-plus', undefined, ['a']],
    ]);
    expect(routes[1]!.props.page.url).toBe('/desk/tags/ai/page/2/');
    expect(routes[2]!.props.facet.name).toBe('C++');
  });
});
