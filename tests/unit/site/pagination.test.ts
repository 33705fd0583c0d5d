import { describe, expect, it } from 'vitest';
import { paginate } from '../../../src/lib/site/pagination.ts';

const urlFor = (n: number) => (n === 1 ? '/news/' : `/news/page/${n}/`);
const items = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('splitting a listing into pages', () => {
  it('fills pages in order, the last one partly', () => {
    const pages = paginate(items(23), 10, urlFor);
    expect(pages.map((page) => page.items.length)).toEqual([10, 10, 3]);
    expect(pages[2]!.items).toEqual([21, 22, 23]);
    expect(pages.every((page) => page.total === 3)).toBe(true);
  });

  it('makes exact multiples into full pages with no empty page after them', () => {
    expect(paginate(items(20), 10, urlFor).map((page) => page.items.length)).toEqual([10, 10]);
    expect(paginate(items(10), 10, urlFor)).toHaveLength(1);
  });

  it('gives one more page for one more item', () => {
    expect(paginate(items(11), 10, urlFor).map((page) => page.items.length)).toEqual([10, 1]);
  });

  it('gives an empty listing one empty page, so its URL still exists', () => {
    const [only, ...rest] = paginate([], 10, urlFor);
    expect(rest).toEqual([]);
    expect(only).toEqual({ items: [], number: 1, total: 1, url: '/news/', prevUrl: undefined, nextUrl: undefined, firstUrl: '/news/', lastUrl: '/news/' });
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses a page size of %s', (size) => {
    expect(() => paginate(items(3), size, urlFor)).toThrow(RangeError);
  });
});

describe('links between pages', () => {
  const [first, middle, last] = paginate(items(25), 10, urlFor);

  it('the first page has next but no prev', () => {
    expect(first).toMatchObject({ number: 1, url: '/news/', prevUrl: undefined, nextUrl: '/news/page/2/' });
  });

  it('a middle page has both', () => {
    expect(middle).toMatchObject({ number: 2, url: '/news/page/2/', prevUrl: '/news/', nextUrl: '/news/page/3/' });
  });

  it('the last page has prev but no next', () => {
    expect(last).toMatchObject({ number: 3, url: '/news/page/3/', prevUrl: '/news/page/2/', nextUrl: undefined });
  });

  it('every page knows the first and last', () => {
    for (const page of [first, middle, last]) expect(page).toMatchObject({ firstUrl: '/news/', lastUrl: '/news/page/3/' });
  });

  it('a single page links nowhere', () => {
    expect(paginate(items(4), 10, urlFor)[0]).toMatchObject({ prevUrl: undefined, nextUrl: undefined, firstUrl: '/news/', lastUrl: '/news/' });
  });
});
