import type { ArticleDate } from '../../../src/lib/content/written-dates.ts';
import { describe, expect, it } from 'vitest';
import { articleCardContent, articleCardJobs, type CardArticle } from '../../../src/lib/cards/article-card.ts';
import { cardKey } from '../../../src/lib/cards/card-content.ts';
import { buildFacetIndex } from '../../../src/lib/site/facets.ts';

const article = (slug: string, data: Partial<CardArticle['data']> = {}): CardArticle => ({
  slug,
  file: `content/articles/${slug}.md`,
  data: { title: `Headline of ${slug}`, publishedAt: new Date('2026-11-24T07:00:00Z'), authors: [], tags: ['AI'], ...data },
});
const site = { siteName: 'Newsdesk', formatDate: (date: ArticleDate) => date.at.toISOString().slice(0, 10) };
/** The site's tag and author indexes over `articles`, as the build makes them. */
const facetsOf = (articles: readonly CardArticle[]) => ({
  tags: buildFacetIndex(articles.map((item) => ({ slug: item.slug, names: item.data.tags })), 'tag'),
  authors: buildFacetIndex(articles.map((item) => ({ slug: item.slug, names: item.data.authors })), 'author'),
});

describe('article cards', () => {
  it('show the byline, else the source, else no credit', () => {
    const articles = [
      article('two', { authors: ['Mariko Tanaka', 'Alex Kim'] }),
      article('three', { authors: ['A', 'B', 'C'] }),
      article('sourced', { source: { name: 'Tortoise Media', url: 'https://tortoise.example.com/a' } }),
      article('plain'),
    ];
    expect(articles.map((item) => articleCardContent(item, facetsOf(articles), site).credit)).toEqual(['By Mariko Tanaka and Alex Kim', 'By A, B and C', 'via Tortoise Media', undefined]);
  });

  it('name the outlet by the registry source the article is listed under, as its page does', () => {
    const listed: CardArticle = { ...article('listed', { source: { id: 'tortoise', name: 'Tortoise', url: 'https://tortoise.example.com/a' } }), sourcePage: { name: 'Tortoise Media' } };
    expect(articleCardContent(listed, facetsOf([listed]), site).credit).toBe('via Tortoise Media');
  });

  it('spell the kicker as the site does (the most common spelling of the first tag)', () => {
    const articles = [article('a', { tags: ['ai', 'Policy'] }), article('b', { tags: ['AI'] }), article('c', { tags: ['AI'] })];
    expect(articleCardContent(articles[0]!, facetsOf(articles), site)).toEqual({ headline: 'Headline of a', kicker: 'AI', credit: undefined, date: '2026-11-24', siteName: 'Newsdesk' });
  });

  it('spell the byline as the byline on the page does (the most common spelling of each name)', () => {
    const articles = [article('a', { authors: ['Mariko Tanaka', 'zoë ångström'] }), article('b', { authors: ['Zoë Ångström'] }), article('c', { authors: ['Zoë  Ångström'] })];
    expect(articleCardContent(articles[0]!, facetsOf(articles), site).credit).toBe('By Mariko Tanaka and Zoë Ångström');
  });

  it('are written as <slug>.png, one per article', () => {
    const articles = [article('japan-ai-race'), article('日本')];
    expect(articleCardJobs(articles, facetsOf(articles), site).map((job) => [job.file, job.source])).toEqual([
      ['japan-ai-race.png', 'content/articles/japan-ai-race.md'],
      ['日本.png', 'content/articles/日本.md'],
    ]);
  });

  it('run the headline of an article in Hebrew or Arabic right to left, though it starts with a brand name in Latin letters', () => {
    const articles = [article('hebrew', { title: 'Google משיקה מודל חדש', lang: 'he' }), article('german', { title: 'Google startet ein Modell', lang: 'de' }), article('plain')];
    const contents = articles.map((item) => articleCardContent(item, facetsOf(articles), site));
    expect(contents.map((content) => content.headlineDirection)).toEqual(['rtl', undefined, undefined]);
    // A card whose headline's direction is stated is drawn anew; every other card keeps its cached picture.
    expect(cardKey(contents[0]!)).not.toBe(cardKey({ ...contents[0]!, headlineDirection: undefined }));
    expect(cardKey(contents[2]!)).toBe(cardKey({ headline: 'Headline of plain', kicker: 'AI', credit: undefined, date: '2026-11-24', siteName: 'Newsdesk' }));
  });
});
