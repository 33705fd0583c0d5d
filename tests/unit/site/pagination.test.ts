import { describe, expect, it } from 'vitest';
import { pageNumbers, paginate } from '../../../src/lib/site/pagination.ts';

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
    expect(only).toEqual({ items: [], number: 1, total: 1, url: '/news/', prevUrl: undefined, nextUrl: undefined, links: [{ number: 1, url: '/news/' }] });
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

  it('every page links to the first and the last by number', () => {
    for (const page of [first, middle, last]) {
      expect(page!.links).toEqual([
        { number: 1, url: '/news/' },
        { number: 2, url: '/news/page/2/' },
        { number: 3, url: '/news/page/3/' },
      ]);
    }
  });

  it('a single page links nowhere', () => {
    expect(paginate(items(4), 10, urlFor)[0]).toMatchObject({ prevUrl: undefined, nextUrl: undefined, links: [{ number: 1, url: '/news/' }] });
  });
});

describe('the row of page numbers', () => {
  it('shows the first, the last, this page and its neighbours, with a gap for each run left out', () => {
    expect(pageNumbers(7, 1943)).toEqual([1, null, 6, 7, 8, null, 1943]);
    expect(pageNumbers(1, 1943)).toEqual([1, 2, null, 1943]);
    expect(pageNumbers(1943, 1943)).toEqual([1, null, 1942, 1943]);
  });

  it('shows a lone page left out instead of a gap standing for it', () => {
    expect(pageNumbers(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
    expect(pageNumbers(7, 10)).toEqual([1, null, 6, 7, 8, 9, 10]);
  });

  it('shows every page of a short listing', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 2)).toEqual([1, 2]);
    expect(pageNumbers(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives each number its address', () => {
    expect(paginate(items(100), 10, urlFor)[4]!.links).toEqual([
      { number: 1, url: '/news/' },
      null,
      { number: 4, url: '/news/page/4/' },
      { number: 5, url: '/news/page/5/' },
      { number: 6, url: '/news/page/6/' },
      null,
      { number: 10, url: '/news/page/10/' },
    ]);
  });
});
