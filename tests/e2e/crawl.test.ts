// A crawler over the served build: every internal link and asset answers 200 and nothing escapes the base path.
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtArticles, builtStories } from './built-site.ts';
import { site, urlFor } from './support.ts';

interface Reference {
  from: string;
  /** As written in the page, for the failure message. */
  raw: string;
  url: URL;
}

/** Every attribute through which a page makes the browser (or a crawler, feed reader, share card) fetch something. */
const referenceSelectors: Array<[selector: string, attribute: string]> = [
  ['a[href]', 'href'],
  ['area[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['script[src]', 'src'],
  ['iframe[src]', 'src'],
  ['video[poster]', 'poster'],
  ['form[action]', 'action'],
  ['meta[property="og:url"]', 'content'],
  ['meta[property="og:image"]', 'content'],
  ['meta[name="twitter:image"]', 'content'],
];

/** Every http(s) URL among the string values of a JSON-LD block (logo, image, mainEntityOfPage, author pages). */
function urlsInJson(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsInJson);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsInJson);
  return [];
}

function referencesIn(html: string, pageUrl: string): Reference[] {
  const root = parse(html);
  const attributes = referenceSelectors.flatMap(([selector, attribute]) =>
    root.querySelectorAll(selector).flatMap((element) => {
      const value = element.getAttribute(attribute)?.trim() ?? '';
      const raws = attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value];
      return raws.filter(Boolean).map((raw) => ({ from: pageUrl, raw, url: new URL(raw, pageUrl) }));
    }),
  );
  const structured = root
    .querySelectorAll('script[type="application/ld+json"]')
    .flatMap((script) => urlsInJson(JSON.parse(script.textContent)))
    .map((raw) => ({ from: `${pageUrl} (JSON-LD)`, raw, url: new URL(raw) }));
  return [...attributes, ...structured];
}

function referencesInCss(css: string, sheetUrl: string): Reference[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
    .map((match) => match[2]!.trim())
    .filter((raw) => !raw.startsWith('data:') && !raw.startsWith('#'))
    .map((raw) => ({ from: sheetUrl, raw, url: new URL(raw, sheetUrl) }));
}

const serverOrigin = new URL(site.baseUrl).origin;
const siteOrigin = new URL(site.siteUrl).origin;

/** Absolute URLs the build wrote for its own site (canonical, og:url) are fetched from the test server instead. */
function toServer(url: URL): URL | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.origin !== serverOrigin && url.origin !== siteOrigin) return undefined;
  return new URL(url.pathname + url.search, serverOrigin);
}

interface CrawlResult {
  statuses: Map<string, number>;
  failures: string[];
  escapes: string[];
  externalCount: number;
}

async function crawl(start: string[]): Promise<CrawlResult> {
  const statuses = new Map<string, number>();
  const failures: string[] = [];
  const escapes: string[] = [];
  let externalCount = 0;
  const queue: Reference[] = start.map((url) => ({ from: '(start)', raw: url, url: new URL(url) }));
  const queued = new Set<string>();

  while (queue.length > 0) {
    const batch = queue.splice(0, 8);
    await Promise.all(
      batch.map(async (reference) => {
        const response = await fetch(reference.url, { redirect: 'manual' });
        const key = reference.url.href;
        statuses.set(key, response.status);
        if (response.status !== 200) {
          failures.push(`${reference.url.pathname} answered ${response.status} (linked from ${reference.from} as "${reference.raw}")`);
          await response.body?.cancel();
          return;
        }
        const type = response.headers.get('content-type') ?? '';
        const found = type.startsWith('text/html')
          ? referencesIn(await response.text(), key)
          : type.startsWith('text/css')
            ? referencesInCss(await response.text(), key)
            : (await response.body?.cancel(), []);
        for (const next of found) {
          const local = toServer(next.url);
          if (!local) {
            externalCount += 1;
            continue;
          }
          if (!local.pathname.startsWith(site.basePath)) {
            escapes.push(`${next.from} links to "${next.raw}", outside ${site.basePath}`);
            continue;
          }
          // Fragments are in-page; the document behind them is what must exist.
          local.hash = '';
          if (queued.has(local.href)) continue;
          queued.add(local.href);
          queue.push({ ...next, url: local });
        }
      }),
    );
  }
  return { statuses, failures, escapes, externalCount };
}

/** Sitemap <loc> URLs, following a sitemap index one level down. */
async function sitemapLocations(): Promise<string[]> {
  const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
  const index = parser.parse(await (await fetch(urlFor('sitemap-index.xml'))).text());
  const sitemaps: string[] = (index.sitemapindex?.sitemap ?? []).map((entry: { loc: string }) => entry.loc);
  const locations: string[] = [];
  for (const sitemap of sitemaps) {
    const response = await fetch(toServer(new URL(sitemap)) ?? sitemap);
    expect(response.status, sitemap).toBe(200);
    const urlset = parser.parse(await response.text()).urlset;
    locations.push(...(urlset?.url ?? []).map((entry: { loc: string }) => entry.loc));
  }
  return locations;
}

describe('crawling the built site from the front page', () => {
  let result: CrawlResult;
  beforeAll(async () => {
    result = await crawl([site.baseUrl]);
  });

  it('reaches a sizeable site: pages, stylesheets, the icon and the publisher logo named in structured data', () => {
    const paths = [...result.statuses.keys()].map((url) => new URL(url).pathname);
    expect(paths).toContain(site.basePath);
    expect(paths.some((path) => path.endsWith('.css'))).toBe(true);
    expect(paths.some((path) => path.endsWith('.svg'))).toBe(true);
    expect(paths).toContain(`${site.basePath}logo.png`);
    expect(paths.length).toBeGreaterThan(builtArticles().length);
  });

  it('gets 200 for every internal link and asset', () => {
    expect(result.failures).toEqual([]);
  });

  it('never links outside the base path', () => {
    expect(result.escapes).toEqual([]);
  });

  it('reaches every published article by following links', () => {
    const reached = [...result.statuses.keys()].map((url) => new URL(url).pathname).filter((path) => /\/articles\/[^/]+\/$/.test(path));
    expect(new Set(reached)).toEqual(new Set(builtArticles().map((article) => article.path)));
  });

  it('reaches the stories index and every story page by following links', () => {
    const paths = new Set([...result.statuses.keys()].map((url) => new URL(url).pathname));
    expect(builtStories().length).toBeGreaterThan(0);
    expect(paths).toContain(`${site.basePath}stories/`);
    const reached = [...paths].filter((path) => /\/stories\/[^/]+\/$/.test(path));
    expect(new Set(reached)).toEqual(new Set(builtStories().map((story) => story.path)));
  });
});

describe('the sitemap', () => {
  it('lists only URLs under the site and base path, and every one answers 200', async () => {
    const locations = await sitemapLocations();
    expect(locations.length).toBeGreaterThan(0);
    const outside = locations.filter((loc) => !loc.startsWith(new URL(site.basePath, site.siteUrl).href));
    expect(outside).toEqual([]);
    const failures: string[] = [];
    await Promise.all(
      locations.map(async (loc) => {
        const response = await fetch(toServer(new URL(loc))!, { redirect: 'manual' });
        await response.body?.cancel();
        if (response.status !== 200) failures.push(`${loc} answered ${response.status}`);
      }),
    );
    expect(failures).toEqual([]);
  });
});
