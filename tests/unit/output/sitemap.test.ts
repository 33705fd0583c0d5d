import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/lib/content/article.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';
import { articlePages, articlePagesOfIndex, isListedPage, offerArticlePages, offeredArticlePages, sitemapOptions } from '../../../src/lib/output/sitemap.ts';
import { buildSiteIndex } from '../../../src/lib/site/site-index.ts';

const origin = 'https://news.example.org';

describe('which pages the sitemap lists', () => {
  it.each([
    ['/desk/', true],
    ['/desk/articles/japan-ai-race/', true],
    ['/desk/tags/ai/page/2/', true],
    ['/desk/search/', false],
    ['/desk/404/', false],
    ['/desk/500/', false],
    ['/desk/rss.xml', false],
    ['/desk/robots.txt', false],
    ['/elsewhere/', false],
  ])('%s: %s', (path, listed) => {
    expect(isListedPage(origin + path, '/desk/')).toBe(listed);
  });

  it('lists the pages under a base path outside ASCII, which page URLs carry percent-encoded', () => {
    expect(isListedPage(`${origin}/news/d%C3%A9sk/`, '/news/désk/')).toBe(true);
    expect(isListedPage(`${origin}/news/d%C3%A9sk/articles/caf%C3%A9/`, '/news/désk/')).toBe(true);
    expect(isListedPage(`${origin}/news/d%C3%A9sk/search/`, '/news/désk/')).toBe(false);
  });

  it('lists the pages under a base path written %-escaped, which would otherwise leave the sitemap empty', () => {
    expect(isListedPage(`${origin}/news/d%C3%A9sk/`, '/news/d%C3%A9sk/')).toBe(true);
    expect(isListedPage(`${origin}/news/d%C3%A9sk/articles/caf%C3%A9/`, '/news/d%C3%A9sk/')).toBe(true);
    expect(isListedPage(`${origin}/news/d%C3%A9sk/search/`, '/news/d%C3%A9sk/')).toBe(false);
    expect(isListedPage(`${origin}/100%25/articles/x/`, '/100%25/')).toBe(true);
  });

  it('works at the root too', () => {
    expect(isListedPage(`${origin}/articles/x/`, '/')).toBe(true);
    expect(isListedPage(`${origin}/search/`, '/')).toBe(false);
  });
});

describe('the articles\' last changes by page path', () => {
  const file = (fields: string) => `---\ntitle: "T"\ndescription: "D."\npublishedAt: 2026-11-01T09:00:00Z\ntags: ["AI"]\n${fields}---\nBody.\n`;

  it('dates each article by its update, else its publication, under its page path (slug field and Unicode included)', () => {
    const { lastModified: dates } = articlePages(
      [
        parseArticle('plain.md', file('')),
        parseArticle('updated.md', file('updatedAt: 2026-11-05T10:00:00Z\n')),
        parseArticle('x.md', file('slug: café\n')),
      ],
      '/desk/',
    );
    expect(Object.fromEntries([...dates].map(([path, date]) => [path, date.toISOString()]))).toEqual({
      '/desk/articles/plain/': '2026-11-01T09:00:00.000Z',
      '/desk/articles/updated/': '2026-11-05T10:00:00.000Z',
      '/desk/articles/café/': '2026-11-01T09:00:00.000Z',
    });
  });

  it('marks excerpt items, whose canonical URL is the original story, and the pages at former slugs, and only those', () => {
    const excerpt = 'source:\n  id: chipwire\n  name: Chipwire\n  url: https://chipwire.example.com/story\n  excerpt: true\n';
    const credited = 'source:\n  name: Chipwire\n  url: https://chipwire.example.com/other\n';
    const renamed = 'formerSlugs: ["credited-typo", "café-old"]\n';
    const pages = articlePages([parseArticle('excerpt.md', file(excerpt)), parseArticle('credited.md', file(credited + renamed))], '/desk/');
    expect([...pages.canonicalElsewhere]).toEqual(['/desk/articles/excerpt/', '/desk/articles/credited-typo/', '/desk/articles/café-old/']);
    expect([...pages.lastModified.keys()].sort()).toEqual(['/desk/articles/credited/', '/desk/articles/excerpt/']);
  });

  it('dates a story page by its articles\' latest change, grouping only published articles', () => {
    const credited = (outlet: string) => `source:\n  name: ${outlet}\n  url: https://${outlet.toLowerCase()}.example.com/story\n`;
    const articles = [
      parseArticle('lead.md', file(credited('Chipwire'))),
      parseArticle('follow-up.md', file(`${credited('Fabwatch')}story: lead\nupdatedAt: 2026-11-03T08:00:00Z\n`)),
      parseArticle('late-draft.md', file(`${credited('Wafer Times')}story: lead\nupdatedAt: 2026-11-04T08:00:00Z\ndraft: true\n`)),
      parseArticle('alone.md', file(credited('Chipwire'))),
    ];
    const stories = { now: new Date('2026-11-10T00:00:00Z'), windowHours: 72 };
    const dates = articlePages(articles, '/desk/', stories).lastModified;
    expect(dates.get('/desk/stories/lead/')?.toISOString()).toBe('2026-11-03T08:00:00.000Z');
    expect([...dates.keys()].filter((path) => path.includes('/stories/'))).toEqual(['/desk/stories/lead/']);
    // Before the follow-up is published there is no story, so no story page to date.
    const early = articlePages(articles.slice(0, 2), '/desk/', { ...stories, now: new Date('2026-10-01T00:00:00Z') }).lastModified;
    expect([...early.keys()].filter((path) => path.includes('/stories/'))).toEqual([]);
  });

  it('gives the pages the site index built the same dates and excerpt marks as reading the files again', () => {
    const credited = (outlet: string, excerpt = false) => `source:\n  name: ${outlet}\n  url: https://${outlet.toLowerCase()}.example.com/story\n${excerpt ? '  excerpt: true\n' : ''}`;
    const articles = [
      parseArticle('lead.md', file(credited('Chipwire'))),
      parseArticle('follow-up.md', file(`${credited('Fabwatch')}story: lead\nupdatedAt: 2026-11-03T08:00:00Z\n`)),
      parseArticle('late-draft.md', file(`${credited('Wafertimes')}story: lead\nupdatedAt: 2026-11-04T08:00:00Z\ndraft: true\n`)),
      parseArticle('quoted.md', file(credited('Wafertimes', true))),
      parseArticle('x.md', file('slug: café\nupdatedAt: 2026-11-02T07:00:00Z\nformerSlugs: [cafe]\n')),
    ];
    const now = new Date('2026-11-10T00:00:00Z');
    const index = buildSiteIndex(
      articles.flatMap((parsed) => (parsed.ok ? [{ id: parsed.article.file, filePath: parsed.article.file, data: articleSchema.parse(parsed.article.data), body: parsed.article.body }] : [])),
      { now, relatedLimit: 3, storyWindowHours: 72 },
    );
    const fromIndex = articlePagesOfIndex(index, '/desk/');
    const fromFiles = articlePages(articles, '/desk/', { now, windowHours: 72 });
    const dated = (pages: typeof fromIndex) => Object.fromEntries([...pages.lastModified].filter(([path]) => path !== '/desk/articles/late-draft/').map(([path, date]) => [path, date.toISOString()]));
    expect(dated(fromIndex)).toEqual(dated(fromFiles));
    expect(fromIndex.lastModified.get('/desk/stories/lead/')?.toISOString()).toBe('2026-11-03T08:00:00.000Z');
    expect(fromIndex.lastModified.has('/desk/articles/late-draft/')).toBe(false);
    expect([...fromIndex.canonicalElsewhere].sort()).toEqual(['/desk/articles/cafe/', '/desk/articles/quoted/']);
    expect([...fromFiles.canonicalElsewhere].sort()).toEqual([...fromIndex.canonicalElsewhere].sort());
  });

  it('hands the pages from the site index to the sitemap through one registered symbol', () => {
    const pages = () => ({ lastModified: new Map([['/articles/a/', new Date(0)]]), canonicalElsewhere: new Set<string>() });
    offerArticlePages(pages);
    expect(offeredArticlePages()).toBe(pages);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('newsdesk.sitemap.article-pages')]).toBe(pages);
  });

  it('leaves out files the build would refuse', () => {
    expect(articlePages([parseArticle('broken.md', 'no front matter'), parseArticle('bad.md', file('publishedAt2: x\n'))], '/').lastModified.size).toBe(0);
  });
});

describe('the sitemap options', () => {
  const options = sitemapOptions({
    base: '/desk/',
    articlePages: () => ({ lastModified: new Map([['/desk/articles/a/', new Date('2026-11-05T10:00:00.000Z')], ['/desk/articles/excerpt/', new Date('2026-11-05T10:00:00.000Z')]]), canonicalElsewhere: new Set(['/desk/articles/excerpt/']) }),
  });

  it('dates article pages by their last change and leaves other pages undated', async () => {
    expect(await options.serialize!({ url: `${origin}/desk/articles/a/` })).toEqual({ url: `${origin}/desk/articles/a/`, lastmod: '2026-11-05T10:00:00.000Z' });
    expect(await options.serialize!({ url: `${origin}/desk/` })).toEqual({ url: `${origin}/desk/` });
    expect(await options.serialize!({ url: `${origin}/desk/articles/missing/` })).toEqual({ url: `${origin}/desk/articles/missing/` });
  });

  it('leaves out excerpt items’ pages, whose canonical URL is on another site', async () => {
    expect(await options.serialize!({ url: `${origin}/desk/articles/excerpt/` })).toBeUndefined();
  });

  it('declares no sitemap extensions the site does not use', () => {
    expect(options.namespaces).toEqual({ news: false, xhtml: false, image: false, video: false });
    expect(options.filter!(`${origin}/desk/search/`)).toBe(false);
  });
});
