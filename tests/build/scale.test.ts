/**
 * Correctness at scale: the real build of a 2,000-article synthetic archive (the benchmark's corpus generator,
 * seed 1), checked page type by page type. Nothing here is timed; speed belongs to `npm run bench`.
 *
 * The build finds its social cards in a warm card cache (NEWSDESK_CARD_CACHE), as a deploy that keeps the cache
 * does: drawing every card of the archive would be most of the suite's time and test nothing the card tests
 * (pictures.test.ts, stories.test.ts, tests/unit/io/cards/) do not. Every cached card is a link to one real card: the card step still
 * plans, looks up and places every card, which is what this archive's size can break.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardCacheFile, writeCachedCard } from '../../src/io/cards/card-cache.ts';
import { listingOf } from '../../src/io/article-listing.ts';
import { readSourcesFile } from '../../src/io/read-sources.ts';
import { siteCardJobs } from '../../src/lib/cards/site-card-jobs.ts';
import { loadFontCatalogue } from '../../src/io/cards/font-catalogue.ts';
import { createCardRenderer } from '../../src/io/cards/render-card.ts';
import { generateCorpus, summarizeCorpus, type CorpusArticle } from '../../src/lib/bench/corpus.ts';
import { FEED_LIMIT } from '../../src/lib/output/feeds.ts';
import { cardKey } from '../../src/lib/cards/card-content.ts';
import { createDateFormatter } from '../../src/lib/site/dates.ts';
import { siteConfig } from '../../src/site.config.ts';
import { settings } from '../../src/settings.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const corpus = generateCorpus({ count: 2000, seed: 1, now: NOW });
const summary = summarizeCorpus(corpus);
const PAGE_SIZE = siteConfig.pageSize;
const RELATED = siteConfig.relatedLimit;
const SEARCH_PART_ARTICLES = 400;

/** Published articles, newest first; equal instants by slug, as the site orders them. */
const published = corpus
  .filter((article) => article.status === 'published')
  .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.slug < b.slug ? -1 : 1));
const publishedSlugs = new Set(published.map((article) => article.slug));
const pagesFor = (count: number) => Math.max(1, Math.ceil(count / PAGE_SIZE));

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const slugOfHref = (href: string | undefined) => decodeURIComponent(/^\/articles\/([^/]+)\/$/.exec(href ?? '')?.[1] ?? `not an article link: ${href}`);
const teaserSlugs = (page: HTMLElement) => page.querySelectorAll('.teasers .teaser-title a').map((link) => slugOfHref(link.getAttribute('href')));

let site: BuiltSite;
let contentDir: string;
let cardCache: string;
let cardFiles: string[];

/** A listing's pages from its first URL, following rel="next" to the end; each page must say "Page n of total". */
function walkListing(firstUrl: string): { slugs: string[]; pages: number } {
  const slugs: string[] = [];
  let url: string | undefined = firstUrl;
  let pages = 0;
  let total: number | undefined;
  while (url) {
    const page = site.html(url);
    pages++;
    slugs.push(...teaserSlugs(page));
    const status = /Page (\d+) of (\d+)/.exec(squash(page.querySelector('.pagination-status')?.text ?? 'Page 1 of 1'));
    expect(Number(status?.[1]), url).toBe(pages);
    const pageTotal = Number(status?.[2]);
    total ??= pageTotal;
    expect(pageTotal, url).toBe(total);
    // The numbered links: the first and last pages and this one's neighbours, each number leading to its page.
    const numbered = page.querySelectorAll('.pagination-pages a').map((link) => ({ number: Number(squash(link.text).replace('Page ', '')), href: link.getAttribute('href')!, current: link.getAttribute('aria-current') === 'page' }));
    if (pageTotal > 1) {
      expect(numbered.filter((link) => link.current).map((link) => [link.number, link.href]), url).toEqual([[pages, url]]);
      expect(numbered.map((link) => link.number), url).toEqual(expect.arrayContaining([1, pageTotal, pages, ...[pages - 1, pages + 1].filter((n) => n >= 1 && n <= pageTotal)]));
      for (const { number, href } of numbered) expect(/Page (\d+) of/.exec(squash(site.html(href).querySelector('.pagination-status')!.text))?.[1], href).toBe(String(number));
    }
    url = page.querySelector('a[rel="next"]')?.getAttribute('href');
  }
  expect(pages).toBe(total);
  return { slugs, pages };
}

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'newsdesk-scale-'));
  for (const article of corpus) {
    const path = join(contentDir, article.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, article.content);
  }
  cardCache = mkdtempSync(join(tmpdir(), 'newsdesk-scale-cards-'));
  const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
  const registry = readSourcesFile(settings.sourcesFile, settings.sourcesFile).sources;
  const jobs = siteCardJobs(listingOf(undefined, contentDir, NOW, siteConfig.storyWindowHours), registry, { siteName: siteConfig.name, formatDate: dates.date, cardArticles: siteConfig.cardArticles });
  cardFiles = jobs.map((job) => job.file);
  const [sample, ...others] = [...new Set(jobs.map((job) => cardKey(job.content)))];
  writeCachedCard(cardCache, sample!, (await createCardRenderer(loadFontCatalogue()).render(jobs[0]!.content)).png);
  for (const key of others) linkSync(cardCacheFile(cardCache, sample!), cardCacheFile(cardCache, key));
  // Small parts, so the search index of this archive spans several, as a large archive's does.
  site = await buildSite({ contentDir, siteUrl: 'https://news.example.org', now: NOW, env: { NEWSDESK_CARD_CACHE: cardCache, NEWSDESK_SEARCH_PART_ARTICLES: String(SEARCH_PART_ARTICLES) } });
  if (site.exitCode !== 0) throw new Error(`build failed (${site.exitCode}):\n${site.stderr.slice(-3000)}\n${site.stdout.slice(-3000)}`);
});

afterAll(() => {
  site?.cleanup();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  if (cardCache) rmSync(cardCache, { recursive: true, force: true });
});

describe(`a ${corpus.length.toLocaleString('en')}-article archive (${summary.drafts} drafts, ${summary.scheduled} scheduled)`, () => {
  it('has one page per published article and none for drafts or scheduled pieces', () => {
    const built = readdirSync(join(site.outDir, 'articles')).sort();
    expect(built).toHaveLength(published.length);
    expect(built).toEqual([...publishedSlugs].sort());
    for (const article of corpus.filter((a) => a.status !== 'published').slice(0, 20)) {
      expect(site.exists(`/articles/${article.slug}/`)).toBe(false);
    }
  });

  it('lists the first hundred pages in the build log, not every page', () => {
    const built = Number(/(\d+) page\(s\) built/.exec(site.stdout)?.[1]);
    expect(built).toBeGreaterThan(published.length);
    expect(site.stdout.match(/\u251C\u2500 \//g)).toHaveLength(100);
  });

  it('places a card for every published article and every story, from the warm card cache, drawing none', () => {
    expect(site.stdout).toContain(`Social cards: ${cardFiles.length} cards, 0 made`);
    const articleCards = readdirSync(join(site.outDir, 'cards')).filter((name) => name.endsWith('.png'));
    expect(articleCards.sort()).toEqual([...publishedSlugs].map((slug) => `${slug}.png`).sort());
    const storyCards = join(site.outDir, 'cards', 'stories');
    expect(existsSync(storyCards) ? readdirSync(storyCards).length : 0).toBe(cardFiles.length - publishedSlugs.size);
  });

  it('pages the front page through every published article, newest first, each exactly once', () => {
    const { slugs, pages } = walkListing('/');
    expect(pages).toBe(pagesFor(published.length));
    expect(slugs).toEqual(published.map((article) => article.slug));
    expect(site.exists(`/page/${pages + 1}/`)).toBe(false);
    expect(site.exists('/page/1/')).toBe(false);
  });

  it('lists all 60 tags with their article counts', () => {
    const entries = site.html('/tags/').querySelectorAll('.directory li');
    const listed = new Map(entries.map((li) => [squash(li.querySelector('a')!.text), Number(/\d+/.exec(li.querySelector('.count')!.text)![0])]));
    expect(listed).toEqual(new Map(summary.tagCounts));
  });

  it('pages every tag through exactly its articles, newest first', () => {
    const hrefs = site.html('/tags/').querySelectorAll('.directory li a').map((a) => [squash(a.text), a.getAttribute('href')!] as const);
    expect(hrefs).toHaveLength(60);
    for (const [name, href] of hrefs) {
      const { slugs, pages } = walkListing(href);
      const expected = published.filter((article) => article.tags.includes(name)).map((article) => article.slug);
      expect(slugs, name).toEqual(expected);
      expect(pages, name).toBe(pagesFor(expected.length));
      expect(site.exists(`${href}page/${pages + 1}/`), name).toBe(false);
    }
  });

  it('pages every author through exactly their articles', () => {
    const hrefs = site.html('/authors/').querySelectorAll('.directory li a').map((a) => [squash(a.text), a.getAttribute('href')!] as const);
    expect(new Set(hrefs.map(([name]) => name))).toEqual(new Set(summary.authorCounts.map(([name]) => name)));
    for (const [name, href] of hrefs) {
      const { slugs, pages } = walkListing(href);
      expect(slugs, name).toEqual(published.filter((article) => article.authors.includes(name)).map((article) => article.slug));
      expect(pages, name).toBe(pagesFor(slugs.length));
    }
  });

  it(`gives every article ${RELATED} related articles: published, never itself, curated ones first`, () => {
    const curated = new Map(published.map((article: CorpusArticle) => [article.slug, article.related]));
    for (const article of published) {
      const related = site.html(`/articles/${article.slug}/`).querySelectorAll('.explore li > a').map((a) => slugOfHref(a.getAttribute('href')));
      expect(related, article.slug).toHaveLength(RELATED);
      expect(new Set(related).size).toBe(RELATED);
      expect(related).not.toContain(article.slug);
      for (const slug of related) expect(publishedSlugs.has(slug), `${article.slug} → ${slug}`).toBe(true);
      const picks = curated.get(article.slug)!;
      expect(related.slice(0, picks.length), article.slug).toEqual(picks);
    }
  });

  it('indexes every article once, and only articles, for search, in parts of bounded size', () => {
    const parts = site.searchIndexFolders();
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(published.length / SEARCH_PART_ARTICLES));
    const counts = parts.map((folder) => JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')).languages.en.page_count as number);
    for (const count of counts) expect(count).toBeLessThanOrEqual(SEARCH_PART_ARTICLES);
    const urls = site.searchIndex().map((page) => slugOfHref(page.url));
    expect(urls.length).toBe(published.length);
    expect(new Set(urls)).toEqual(publishedSlugs);
  });

  it('gives the newest published articles in the site feeds, newest first', () => {
    const newest = published.slice(0, FEED_LIMIT).map((article) => `https://news.example.org/articles/${article.slug}/`);
    expect([...site.read('rss.xml').matchAll(/<item>.*?<link>([^<]+)<\/link>/gs)].map((match) => decodeURI(match[1]!))).toEqual(newest.map((url) => decodeURI(url)));
    expect(JSON.parse(site.read('feed.json')).items.map((item: { url: string }) => decodeURI(item.url))).toEqual(newest.map((url) => decodeURI(url)));
  });

  it('lists every article in the sitemap', () => {
    const sitemaps = readdirSync(site.outDir).filter((file) => /^sitemap-\d+\.xml$/.test(file));
    const urls = new Set(sitemaps.flatMap((file) => [...site.read(file).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])));
    for (const article of published) expect(urls.has(`https://news.example.org/articles/${article.slug}/`), article.slug).toBe(true);
  });
});
