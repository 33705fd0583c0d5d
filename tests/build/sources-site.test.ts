/**
 * The reading side of the sources registry, built for real from tests/fixtures/sources-site under BASE_PATH=/desk/.
 *
 * The fixture's registry follows Chipwire (12 published items, more than a page of 10, the newest an excerpt item whose
 * front matter still carries an old name; plus a draft, the only file mentioning "plumquartz"), Ledger Lines (one
 * legacy article that names the outlet, in other case and spacing, but has no source.id) and Quiet Outlet (nothing yet).
 * One article credits an outlet the registry does not follow; one is the desk's own.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFontCatalogue } from '../../src/io/cards/font-catalogue.ts';
import { createCardRenderer } from '../../src/io/cards/render-card.ts';
import { feedsFromOpml } from '../../src/lib/aggregation/opml.ts';
import { createDateFormatter } from '../../src/lib/site/dates.ts';
import { siteConfig } from '../../src/site.config.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

const ORIGIN = 'https://news.example.org';
const BASE = '/desk/';
const CHIPWIRE_TOPICS = ['cooling', 'chiplet', 'photonics', 'etching', 'yield', 'substrate', 'memory', 'foundry', 'lithography', 'packaging', 'wafer'];
/** Chipwire's published items, newest first. */
const CHIPWIRE = ['chipwire-fab-excerpt', ...CHIPWIRE_TOPICS.map((topic) => `chipwire-${topic}`)];
const EXCERPT_URL = 'https://chipwire.example.com/2026/11/fab-slips?ref=feed';

let site: BuiltSite;
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
const slugsIn = (path: string) => site.html(path).querySelectorAll('.teasers li h2 a, .teasers li h3 a').map((link) => link.getAttribute('href')!.replace(`${BASE}articles/`, '').replace(/\/$/, ''));

beforeAll(async () => {
  site = await buildSite({
    contentDir: 'tests/fixtures/sources-site/articles',
    basePath: BASE,
    siteUrl: ORIGIN,
    now: '2026-12-01T00:00:00Z',
    env: { NEWSDESK_SOURCES_FILE: 'tests/fixtures/sources-site/sources.yaml' },
  });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());

describe('/sources/', () => {
  it('lists every source in registry order with its page, home page, number of published items and latest date', () => {
    const rows = site.html('sources/').querySelectorAll('.source-directory li');
    expect(rows.map((row) => row.querySelector('.source-name')!.text)).toEqual(['Chipwire', 'Ledger Lines', 'Quiet Outlet']);
    expect(rows.map((row) => row.querySelector('.source-name')!.getAttribute('href'))).toEqual([`${BASE}sources/chipwire/`, `${BASE}sources/ledger-lines/`, `${BASE}sources/quiet-outlet/`]);
    expect(rows.map((row) => row.querySelector('.count')!.text)).toEqual(['12 articles', '1 article', '0 articles']);
    expect(rows.map((row) => row.querySelector('.latest time')?.getAttribute('datetime'))).toEqual(['2026-11-28T07:30:00.000Z', '2026-11-26T12:00:00.000Z', undefined]);
    expect(rows.map((row) => row.querySelector('.home-page')?.getAttribute('href'))).toEqual(['https://chipwire.example.com/', undefined, 'https://quiet.example.net/']);
  });

  it('is linked from every page’s footer', () => {
    expect(site.html('articles/own-analysis/').querySelector(`.site-footer a[href="${BASE}sources/"]`)).not.toBeNull();
  });
});

describe('the followed feeds as OPML', () => {
  it("lists every outlet's own feed and home page, in registry order, for a feed reader to import", () => {
    const opml = site.read('sources/feeds.opml');
    expect(feedsFromOpml(opml)).toEqual([
      { name: 'Chipwire', feed: 'https://chipwire.example.com/feed.xml', site: 'https://chipwire.example.com/' },
      { name: 'Ledger Lines', feed: 'https://ledger.example.org/atom.xml' },
      { name: 'Quiet Outlet', feed: 'https://quiet.example.net/rss', site: 'https://quiet.example.net/' },
    ]);
    // The desk's own settings (ids, content, publish, tags) are not the reader's business.
    expect(opml).not.toMatch(/newsdeskId|newsdeskSettings|publish|Semiconductors/);
    expect(opml).toContain("<title>The outlets Newsdesk follows</title>");
  });

  it('is offered on /sources/, in its text and its head', () => {
    const page = site.html('sources/');
    expect(page.querySelector('.listing-intro')?.text.trim().replace(/\s+/g, ' ')).toBe('3 outlets followed. Follow them in your feed reader too: their feeds as OPML.');
    expect(page.querySelector('.listing-intro a')?.getAttribute('href')).toBe(`${BASE}sources/feeds.opml`);
    expect(page.querySelector('head link[rel="alternate"][type="text/x-opml"]')?.getAttribute('href')).toBe(`${BASE}sources/feeds.opml`);
  });
});

describe('searching one outlet', () => {
  it("files each article in the search index under its outlet as its page names it, and offers those outlets on the search page", () => {
    const outletOf = new Map(site.searchIndex().map((page) => [page.url, (page as unknown as { filters: { outlet: string[] } }).filters.outlet]));
    // The front matter says "Chipwire Old Name" and "ledger  lines"; the registry's names are what readers see.
    expect(outletOf.get('/articles/chipwire-fab-excerpt/')).toEqual(['Chipwire']);
    expect(outletOf.get('/articles/ledger-stablecoin/')).toEqual(['Ledger Lines']);
    expect(outletOf.get('/articles/unlisted-outlet/')).toEqual(['Elsewhere Daily']);
    expect(outletOf.get('/articles/own-analysis/')).toEqual(['Newsdesk']);
    const options = site.html('search/').querySelectorAll('[data-search-outlet] option').map((option) => option.getAttribute('value'));
    expect(options).toEqual(['', 'Chipwire', 'Elsewhere Daily', 'Ledger Lines', 'Newsdesk']);
  });
});

describe('a source’s own listing', () => {
  it('pages through its published items newest first, drafts left out', () => {
    expect(slugsIn('sources/chipwire/')).toEqual(CHIPWIRE.slice(0, 10));
    expect(slugsIn('sources/chipwire/page/2/')).toEqual(CHIPWIRE.slice(10));
    expect(site.html('sources/chipwire/').querySelector('h1')!.text).toBe('Chipwire');
    expect(site.html('sources/chipwire/').querySelector('.listing-intro')!.text).toBe('12 articles · Chipwire home page · RSS feed for Chipwire · All sources');
    expect(site.html('sources/ledger-lines/').querySelector('.listing-intro')!.text).toBe('1 article · RSS feed for Ledger Lines · All sources');
  });

  it('advertises its own RSS feed, which holds the same items', () => {
    const alternate = site.html('sources/chipwire/').querySelector(`head link[rel="alternate"][href="${BASE}sources/chipwire/rss.xml"]`);
    expect(alternate?.getAttribute('type')).toBe('application/rss+xml');
    const { channel } = xml.parse(site.read('sources/chipwire/rss.xml')).rss;
    expect(channel.title).toBe('Newsdesk: Chipwire');
    expect(channel.link).toBe(`${ORIGIN}${BASE}sources/chipwire/`);
    expect(channel.item.map((item: { link: string }) => item.link)).toEqual(CHIPWIRE.map((slug) => `${ORIGIN}${BASE}articles/${slug}/`));
  });

  it('takes in legacy articles by the outlet’s name, and shows an empty source as such', () => {
    expect(slugsIn('sources/ledger-lines/')).toEqual(['ledger-stablecoin']);
    expect(site.html('sources/quiet-outlet/').querySelector('.empty')!.text).toBe('Nothing published here yet.');
    expect(xml.parse(site.read('sources/quiet-outlet/rss.xml')).rss.channel.item).toBeUndefined();
  });
});

describe('attribution on article pages', () => {
  it('links to the original story and to the source’s page', () => {
    const source = site.html('articles/chipwire-wafer/').querySelector('.story-meta .source')!;
    expect(source.querySelectorAll('a').map((link) => [link.text, link.getAttribute('href')])).toEqual([
      ['Chipwire', 'https://chipwire.example.com/2026/11/wafer'],
      ['More from Chipwire', `${BASE}sources/chipwire/`],
    ]);
    expect(site.html('articles/ledger-stablecoin/').querySelector(`.story-meta .source a[href="${BASE}sources/ledger-lines/"]`)!.text).toBe('More from Ledger Lines');
  });

  it('credits an outlet the registry does not follow without a source page link', () => {
    const links = site.html('articles/unlisted-outlet/').querySelectorAll('.story-meta .source a');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://elsewhere.example.com/story']);
  });

  it('credits unsigned items to their outlet, by the name the page shows, in structured data and in the feeds; the desk’s own to the desk', () => {
    const author = (slug: string) => {
      const script = site.html(`articles/${slug}/`).querySelector('script[type="application/ld+json"]')!;
      return JSON.parse(script.textContent).author;
    };
    const outlet = (name: string, id?: string) => ({ '@type': 'Organization', name, ...(id ? { url: `${ORIGIN}${BASE}sources/${id}/` } : {}) });
    // Its front matter still says "Chipwire Old Name"; the other names "ledger  lines".
    expect(author('chipwire-fab-excerpt')).toEqual([outlet('Chipwire', 'chipwire')]);
    expect(author('ledger-stablecoin')).toEqual([outlet('Ledger Lines', 'ledger-lines')]);
    expect(author('unlisted-outlet')).toEqual([outlet('Elsewhere Daily')]);
    expect(author('own-analysis').map((credit: { name: string }) => credit.name)).toEqual([siteConfig.name]);

    const url = (slug: string) => `${ORIGIN}${BASE}articles/${slug}/`;
    const rss = xml.parse(site.read('rss.xml')).rss.channel.item as Array<{ link: string; 'dc:creator'?: string }>;
    const json = JSON.parse(site.read('feed.json')).items as Array<{ url: string; authors?: Array<{ name: string }> }>;
    for (const [slug, name] of [['chipwire-fab-excerpt', 'Chipwire'], ['ledger-stablecoin', 'Ledger Lines'], ['unlisted-outlet', 'Elsewhere Daily']]) {
      expect(rss.find((item) => item.link === url(slug!))!['dc:creator'], slug).toBe(name);
      expect(json.find((item) => item.url === url(slug!))!.authors!.map((credit) => credit.name), slug).toEqual([name]);
    }
  });

  it('keeps the site’s own page canonical for full items', () => {
    expect(site.html('articles/chipwire-wafer/').querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${ORIGIN}${BASE}articles/chipwire-wafer/`);
  });
});

describe('the social card of an article whose front matter keeps an old name', () => {
  const sha = (png: Uint8Array) => createHash('sha256').update(png).digest('hex');

  it('credits the outlet by the registry’s name, in the picture and in its description, as the page does', async () => {
    const credited = 'via Chipwire';
    const date = createDateFormatter(siteConfig.locale, siteConfig.timeZone).date({ at: new Date('2026-11-28T07:30:00Z'), dayAlone: false });
    const expected = { headline: 'Fab opening slips to next spring', kicker: 'Semiconductors', credit: credited, date, siteName: siteConfig.name };
    const alt = site.html('articles/chipwire-fab-excerpt/').querySelector('meta[property="og:image:alt"]')!.getAttribute('content');
    expect(alt).toBe(`Semiconductors · Fab opening slips to next spring · ${credited} · ${date} · ${siteConfig.name}`);
    const drawn = (await createCardRenderer(loadFontCatalogue()).render(expected)).png;
    expect(sha(readFileSync(join(site.outDir, 'cards/chipwire-fab-excerpt.png'))), `the card drawn with "${credited}"`).toBe(sha(drawn));
  });
});

describe('an excerpt item', () => {
  it('shows headline, source, date, the excerpt, the read-the-full-story link, tags and Explore more', () => {
    const page = site.html('articles/chipwire-fab-excerpt/');
    expect(page.querySelector('.story h1')!.text).toBe('Fab opening slips to next spring');
    // The registry's name, not the older copy in the front matter.
    expect(page.querySelector('.story-meta .source')!.text).toMatch(/^\s*Excerpt from Chipwire\s*· More from Chipwire\s*$/);
    expect(page.querySelector('.story-meta time')!.getAttribute('datetime')).toBe('2026-11-28T07:30:00.000Z');
    expect(page.querySelector('.prose')!.text).toContain('The opening of the new fab has slipped to next spring');
    const readFull = page.querySelector('.read-full a')!;
    expect([readFull.text, readFull.getAttribute('href')]).toEqual(['Read the full story at Chipwire', EXCERPT_URL]);
    expect(page.querySelectorAll('.story-footer .tag-list a').map((link) => link.text)).toEqual(['Semiconductors', 'Manufacturing']);
    expect(page.querySelectorAll('.explore-list li').length).toBeGreaterThan(0);
  });

  it('names the original story as canonical, so search engines credit the publisher, and stays out of the sitemap', () => {
    const canonical = site.html('articles/chipwire-fab-excerpt/').querySelectorAll('link[rel="canonical"]');
    expect(canonical.map((link) => link.getAttribute('href'))).toEqual([EXCERPT_URL]);
    const sitemap = site.read('sitemap-0.xml');
    expect(sitemap).not.toContain('chipwire-fab-excerpt');
    expect(sitemap).toContain(`<loc>${ORIGIN}${BASE}articles/chipwire-wafer/</loc>`);
    expect(sitemap).toContain(`<loc>${ORIGIN}${BASE}sources/chipwire/</loc>`);
  });
});

describe('drafts', () => {
  it('appear on no page and in no feed', () => {
    expect(site.exists('articles/chipwire-unreviewed/')).toBe(false);
    const files = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(html|xml|json)$/.test(file));
    expect(files.filter((file) => site.read(file).includes('plumquartz'))).toEqual([]);
  });
});
