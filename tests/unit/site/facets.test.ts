import { describe, expect, it } from 'vitest';
import { buildFacetIndex, facetKey, facetName, mostUsed, normalizeName, type FacetIndex } from '../../../src/lib/site/facets.ts';

type Tagged = { slug: string; names: string[] };

/** Articles a, b, c… each carrying the given names. */
const articles = (...names: string[][]): Tagged[] => names.map((tags, index) => ({ slug: String.fromCharCode(97 + index), names: tags }));

const slugByName = (index: FacetIndex) => Object.fromEntries(index.all.map((facet) => [facet.name, facet.slug]));

describe('names', () => {
  it('are tidied: NFC, trimmed, inner spacing collapsed', () => {
    expect(normalizeName('  Machine \t  Learning ')).toBe('Machine Learning');
    expect(normalizeName('Que\u0301bec')).toBe('Qu\u00e9bec');
  });

  it('have a key that ignores case and spacing', () => {
    expect(facetKey('AI')).toBe(facetKey(' ai '));
    expect(facetKey('Machine  Learning')).toBe(facetKey('machine learning'));
    expect(facetKey('Que\u0301bec')).toBe(facetKey('QU\u00c9BEC'));
  });
});

describe('merging spellings', () => {
  it('makes AI, ai and Ai one facet, shown in the most common spelling', () => {
    const index = buildFacetIndex(articles(['ai'], ['AI'], ['Ai'], ['AI'], ['AI'], ['ai']), 'tag');
    expect(index.all).toHaveLength(1);
    const [ai] = index.all;
    expect(ai!.name).toBe('AI');
    expect(ai!.slug).toBe('ai');
    expect(ai!.spellings).toEqual(['AI', 'ai', 'Ai']);
    expect(ai!.articleSlugs).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('gives any spelling of a name the one the site shows, and an unknown name as written', () => {
    const index = buildFacetIndex(articles(['zoë ångström'], ['Zoë Ångström'], ['Zoe\u0308 Ångström']), 'author');
    expect(facetName(index, 'zoë  ångström')).toBe('Zoë Ångström');
    expect(facetName(index, 'Mariko Tanaka')).toBe('Mariko Tanaka');
  });

  it('breaks a tie between spellings the same way whatever the order of articles', () => {
    const forward = buildFacetIndex(articles(['ai'], ['AI']), 'tag');
    const backward = buildFacetIndex(articles(['AI'], ['ai']), 'tag');
    expect(forward.all[0]!.name).toBe(backward.all[0]!.name);
  });

  it('merges spacing variants and shows the tidied name', () => {
    const index = buildFacetIndex(articles(['Machine  Learning'], [' machine learning'], ['Machine Learning ']), 'tag');
    expect(index.all.map((facet) => [facet.name, facet.articleSlugs.length])).toEqual([['Machine Learning', 3]]);
  });

  it('merges composed and decomposed accents', () => {
    const index = buildFacetIndex(articles(['Qu\u00e9bec'], ['Que\u0301bec']), 'tag');
    expect(index.all).toHaveLength(1);
    expect(index.all[0]!.name).toBe('Qu\u00e9bec');
    expect(index.all[0]!.slug).toBe('qu\u00e9bec');
  });

  it('counts an article once even if it lists the same tag twice in different spellings', () => {
    const index = buildFacetIndex(articles(['AI', 'ai'], ['AI']), 'tag');
    expect(index.all[0]!.articleSlugs).toEqual(['a', 'b']);
  });

  it('ignores blank names', () => {
    expect(buildFacetIndex(articles(['  ', 'AI']), 'tag').all.map((facet) => facet.name)).toEqual(['AI']);
  });
});

describe('URL slugs', () => {
  it('are distinct for C, C++ and C#', () => {
    const index = buildFacetIndex(articles(['C'], ['C++'], ['C#'], ['c']), 'tag');
    expect(slugByName(index)).toEqual({ C: 'c', 'C++': 'c-plus-plus', 'C#': 'c-sharp' });
  });

  it('keep non-Latin names', () => {
    const index = buildFacetIndex(articles(['日本'], ['Québec']), 'tag');
    expect(slugByName(index)).toEqual({ 日本: '日本', Québec: 'québec' });
  });

  it('get -2, -3… when different names make the same slug, whatever the order of articles', () => {
    const names = [['Wi-Fi'], ['Wi Fi'], ['Wi–Fi'], ['Wi-Fi 2']];
    const expected = slugByName(buildFacetIndex(articles(...names), 'tag'));
    expect(new Set(Object.values(expected)).size).toBe(4);
    // The suffix never steals a slug that another tag has naturally.
    expect(expected['Wi-Fi 2']).toBe('wi-fi-2');
    expect(Object.values(expected).sort()).toEqual(['wi-fi', 'wi-fi-2', 'wi-fi-3', 'wi-fi-4']);
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) {
      expect(slugByName(buildFacetIndex(articles(...order.map((i) => names[i]!)), 'tag'))).toEqual(expected);
    }
  });

  it('leave the slug with the name on the most articles, so a newcomer cannot move an established tag', () => {
    const established = [['Wi-Fi'], ['Wi-Fi'], ['Wi-Fi']];
    expect(slugByName(buildFacetIndex(articles(...established), 'tag'))).toEqual({ 'Wi-Fi': 'wi-fi' });
    expect(slugByName(buildFacetIndex(articles(['Wi Fi'], ...established), 'tag'))).toEqual({ 'Wi-Fi': 'wi-fi', 'Wi Fi': 'wi-fi-2' });
    expect(slugByName(buildFacetIndex(articles(['AI'], ['AI'], ['A.I.']), 'tag'))).toEqual({ AI: 'ai', 'A.I.': 'ai-2' });
  });

  it('fall back to the given word for names with nothing sluggable', () => {
    const index = buildFacetIndex(articles(['!!!'], ['???']), 'tag');
    expect(index.all.map((facet) => facet.slug).sort()).toEqual(['tag', 'tag-2']);
  });

  it('are looked up both ways', () => {
    const index = buildFacetIndex(articles(['C++']), 'tag');
    expect(index.bySlug.get('c-plus-plus')?.name).toBe('C++');
    expect(index.byKey.get('c++')?.slug).toBe('c-plus-plus');
  });
});

describe('counts and order', () => {
  const index = buildFacetIndex(
    [
      { slug: 'newest', names: ['Security', 'AI'] },
      { slug: 'middle', names: ['ai'] },
      { slug: 'oldest', names: ['Security', 'Cloud', 'AI'] },
    ],
    'tag',
  );

  it('counts the articles carrying each facet', () => {
    expect(Object.fromEntries(index.all.map((facet) => [facet.name, facet.articleSlugs.length]))).toEqual({ AI: 3, Cloud: 1, Security: 2 });
  });

  it('keeps articleSlugs in the order the articles were given (callers pass newest first)', () => {
    expect(index.byKey.get('ai')!.articleSlugs).toEqual(['newest', 'middle', 'oldest']);
    expect(index.byKey.get('security')!.articleSlugs).toEqual(['newest', 'oldest']);
  });

  it('lists facets A to Z by display name, case-insensitively and with numbers in numeric order', () => {
    const sorted = buildFacetIndex(articles(['zeta'], ['Alpha'], ['beta'], ['Area 10'], ['Area 9'], ['Élan']), 'tag');
    expect(sorted.all.map((facet) => facet.name)).toEqual(['Alpha', 'Area 9', 'Area 10', 'beta', 'Élan', 'zeta']);
  });
});

describe('most used', () => {
  it('lists the facets with the most articles first, ties A to Z, cut to the limit', () => {
    const index = buildFacetIndex(articles(['Cloud', 'AI'], ['AI', 'Security'], ['AI', 'Security'], ['Zeta'], ['Beta']), 'tag');
    expect(mostUsed(index, 4).map((facet) => facet.name)).toEqual(['AI', 'Security', 'Beta', 'Cloud']);
  });

  it('returns every facet when there are fewer than the limit', () => {
    expect(mostUsed(buildFacetIndex(articles(['AI']), 'tag'), 12)).toHaveLength(1);
  });
});
