import { describe, expect, it } from 'vitest';
import { newestWithCards } from '../../../src/lib/cards/newest-with-cards.ts';

const at = (slug: string, day: number) => ({ slug, data: { publishedAt: new Date(Date.UTC(2026, 10, day)) } });

describe('newestWithCards', () => {
  it('keeps the newest articles up to the limit, equal dates by slug', () => {
    const articles = [at('old', 1), at('b-same', 5), at('newest', 9), at('a-same', 5), at('older', 2)];
    expect([...newestWithCards(articles, 3)].sort()).toEqual(['a-same', 'b-same', 'newest']);
    expect([...newestWithCards(articles, 2)].sort()).toEqual(['a-same', 'newest']);
  });

  it('keeps every article of a site under the limit', () => {
    expect(newestWithCards([at('one', 1), at('two', 2)], 5000).size).toBe(2);
  });
});
