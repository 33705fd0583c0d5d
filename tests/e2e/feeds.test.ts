// Feeds and sitemap, fetched from the server as a feed reader or crawler would: well-formed, and exactly the published articles.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FEED_LIMIT } from '../../src/lib/output/feeds.ts';
import { builtArticles, builtStories, readPage, type BuiltArticle } from './built-site.ts';
import { site, urlFor } from './support.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'category', 'url', 'sitemap'].includes(name),
});

async function fetchText(path: string): Promise<string> {
  const response = await fetch(urlFor(path));
  expect(response.status, path).toBe(200);
  return response.text();
}

async function fetchXml(path: string) {
  const text = await fetchText(path);
  expect(XMLValidator.validate(text), `${path} is well-formed XML`).toBe(true);
  return parser.parse(text);
}

/** Absolute URL of an article as feeds and the sitemap must give it: the build's site origin plus the base path. */
const absolute = (article: BuiltArticle) => new URL(article.path, site.siteUrl).href;
const absoluteSet = (articles: BuiltArticle[]) => new Set(articles.map(absolute));

/** Feeds carry the newest FEED_LIMIT articles; with fewer published, that is every one of them. */
const newestForFeed = (articles: BuiltArticle[]) => articles.slice(0, FEED_LIMIT);

/** Tag slugs with a listing page in the build, from the folder names under tags/. */
function builtTagSlugs(): string[] {
  return readdirSync(join(site.distDir, 'tags'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => decodeURIComponent(entry.name));
}

interface RssItem {
  title: string;
  link: string;
  guid: string | { '#text': string };
  pubDate: string;
  description?: string;
}

function checkRssItems(items: RssItem[], expected: BuiltArticle[]) {
  expect(new Set(items.map((item) => item.link))).toEqual(absoluteSet(expected));
  expect(items).toHaveLength(expected.length);
  const byUrl = new Map(expected.map((article) => [absolute(article), article]));
  for (const item of items) {
    const article = byUrl.get(item.link)!;
    expect(item.title, item.link).toBe(article.title);
    expect(new Date(item.pubDate).getTime(), item.link).toBe(article.publishedAt.getTime());
    expect(typeof item.guid === 'string' ? item.guid : item.guid['#text'], item.link).toBeTruthy();
  }
  // Newest first, as readers that do not sort expect.
  const times = items.map((item) => new Date(item.pubDate).getTime());
  expect(times).toEqual([...times].sort((a, b) => b - a));
}

describe('the RSS feed', () => {
  it('is RSS 2.0 listing exactly the newest published articles with their dates', async () => {
    const feed = await fetchXml('rss.xml');
    expect(feed.rss['@_version']).toBe('2.0');
    checkRssItems(feed.rss.channel.item ?? [], newestForFeed(builtArticles()));
  });

  it('is advertised on every page of the site', () => {
    const pages = readdirSync(site.distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    const missing = pages.filter((file) => {
      const link = readPage(file).querySelector('head link[rel="alternate"][type="application/rss+xml"]');
      return link?.getAttribute('href') !== `${site.basePath}rss.xml`;
    });
    expect(missing).toEqual([]);
  });
});

describe('the tag feeds', () => {
  it('exist for every tag and list exactly the published articles with that tag', async () => {
    const slugs = builtTagSlugs();
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const feed = await fetchXml(`tags/${encodeURIComponent(slug)}/rss.xml`);
      checkRssItems(
        feed.rss.channel.item ?? [],
        newestForFeed(builtArticles().filter((article) => article.tagSlugs.includes(slug))),
      );
    }
  });
});

describe('the JSON Feed', () => {
  it('is JSON Feed 1.1 listing exactly the published articles', async () => {
    const feed = JSON.parse(await fetchText('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.home_page_url).toBe(new URL(site.basePath, site.siteUrl).href);
    expect(feed.feed_url).toBe(new URL(`${site.basePath}feed.json`, site.siteUrl).href);
    const items: Array<{ id: string; url: string; title: string; date_published: string }> = feed.items;
    expect(new Set(items.map((item) => item.url))).toEqual(absoluteSet(newestForFeed(builtArticles())));
    expect(items).toHaveLength(newestForFeed(builtArticles()).length);
    const byUrl = new Map(builtArticles().map((article) => [absolute(article), article]));
    for (const item of items) {
      expect(item.id, item.url).toBeTruthy();
      expect(item.title, item.url).toBe(byUrl.get(item.url)!.title);
      expect(new Date(item.date_published).getTime(), item.url).toBe(byUrl.get(item.url)!.publishedAt.getTime());
    }
  });
});

describe('the sitemap', () => {
  it('lists exactly the published articles, each with a last-modified date, and never the 404 page', async () => {
    const index = await fetchXml('sitemap-index.xml');
    const entries: Array<{ loc: string; lastmod?: string }> = [];
    for (const { loc } of index.sitemapindex.sitemap as Array<{ loc: string }>) {
      const path = new URL(loc).pathname.slice(site.basePath.length);
      entries.push(...((await fetchXml(path)).urlset.url ?? []));
    }
    const articlePrefix = new URL(`${site.basePath}articles/`, site.siteUrl).href;
    const articles = entries.filter((entry) => entry.loc.startsWith(articlePrefix));
    expect(new Set(articles.map((entry) => entry.loc))).toEqual(absoluteSet(builtArticles()));
    expect(articles.filter((entry) => !entry.lastmod || Number.isNaN(Date.parse(entry.lastmod))).map((entry) => entry.loc)).toEqual([]);
    expect(entries.filter((entry) => /\/404(\.html|\/)?$/.test(entry.loc)).map((entry) => entry.loc)).toEqual([]);
  });

  it('dates each story page by its articles\' latest change', async () => {
    const index = await fetchXml('sitemap-index.xml');
    const lastmodOf = new Map<string, string | undefined>();
    for (const { loc } of index.sitemapindex.sitemap as Array<{ loc: string }>) {
      const path = new URL(loc).pathname.slice(site.basePath.length);
      for (const entry of (await fetchXml(path)).urlset.url ?? []) lastmodOf.set(new URL(entry.loc).pathname, entry.lastmod);
    }
    expect(builtStories().length).toBeGreaterThan(0);
    for (const story of builtStories()) {
      const latest = Math.max(...story.articlePaths.map((path) => Date.parse(lastmodOf.get(path) ?? '')));
      expect(Number.isNaN(latest), story.path).toBe(false);
      expect(lastmodOf.get(story.path), story.path).toBe(new Date(latest).toISOString());
    }
  });

  it('is named in robots.txt', async () => {
    const robots = await fetchText('robots.txt');
    expect(robots).toMatch(new RegExp(`^Sitemap: ${new URL(`${site.basePath}sitemap-index.xml`, site.siteUrl).href}$`, 'm'));
  });
});
