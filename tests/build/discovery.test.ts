/**
 * Discovery features of the built site: feeds, head metadata, sitemap, robots.txt, search, 404 and the CSP.
 * Built for real from tests/fixtures/discovery under BASE_PATH=/desk/ at a fixed "now".
 *
 * The fixture: four published articles, one with a hostile headline, dek, tag and byline full of `<`, `&` and quotes,
 * and a body showing markup and character references as text; one with a local lead image and an update; one with a
 * remote lead image; one without a byline. A draft (the only one to mention "quibbleberry") and a piece scheduled
 * after "now" (the only one to mention "zanzibarite").
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOfNames } from '../../src/lib/stories/story-listing.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { useServedSite } from '../helpers/serve.ts';

const NOW = '2026-12-01T00:00:00Z';
const ORIGIN = 'https://news.example.org';
const BASE = '/desk/';
/** The hostile headline as readers see it: typed `… & "quotes"`, its quotes take the body's marks. */
const HOSTILE = '</script><script>alert(1)</script> & “quotes”';

/** Newest first. */
const PUBLISHED = ['hostile-headline', 'local-lead-image', 'remote-lead-image', 'unsigned-brief'];
const UNPUBLISHED = [
  { slug: 'draft-unfinished', word: 'quibbleberry' },
  { slug: 'scheduled-embargo', word: 'zanzibarite' },
];
const TITLES: Record<string, string> = {
  'hostile-headline': HOSTILE,
  'local-lead-image': 'Chip makers race to package memory closer to compute',
  'remote-lead-image': 'Regulators publish draft rules for AI model audits',
  'unsigned-brief': 'Undersea cable repair ships are booked solid',
};
const articleUrl = (slug: string) => `${ORIGIN}${BASE}articles/${slug}/`;

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category', 'dc:creator', 'url', 'sitemap', 'media:content'].includes(name) });

let site: BuiltSite;
const parseXml = (path: string) => {
  const text = site.read(path);
  expect(XMLValidator.validate(text), `${path} is well-formed`).toBe(true);
  return xml.parse(text);
};
const htmlFiles = () => readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
const meta = (page: HTMLElement, key: string): string[] =>
  page.querySelectorAll(`head meta[property="${key}"], head meta[name="${key}"]`).map((tag) => tag.getAttribute('content') ?? '');
const jsonLd = (page: HTMLElement) => page.querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.textContent));

beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/discovery', basePath: BASE, siteUrl: ORIGIN, now: NOW });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());

describe('the RSS feed', () => {
  it('lists exactly the published articles, newest first, with absolute URLs under the base path', () => {
    const { channel } = parseXml('rss.xml').rss;
    expect(channel.link).toBe(`${ORIGIN}${BASE}`);
    expect(channel['atom:link']['@_href']).toBe(`${ORIGIN}${BASE}rss.xml`);
    expect(channel.item.map((item: { link: string }) => item.link)).toEqual(PUBLISHED.map(articleUrl));
    for (const item of channel.item) {
      const slug = PUBLISHED.find((candidate) => articleUrl(candidate) === item.link)!;
      expect(item.title).toBe(TITLES[slug]);
      expect(item.guid['#text']).toBe(item.link);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect(item.description).toBeTruthy();
      expect(item.category.length).toBeGreaterThan(0);
    }
    const times = channel.item.map((item: { pubDate: string }) => Date.parse(item.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('credits bylines and tags, and leaves unsigned pieces without a creator', () => {
    const items = parseXml('rss.xml').rss.channel.item;
    const local = items.find((item: { link: string }) => item.link === articleUrl('local-lead-image'));
    expect(local['dc:creator']).toEqual(['Mariko Tanaka', 'Alex Kim']);
    expect(local.category).toEqual(['AI', 'Hardware']);
    expect(items.find((item: { link: string }) => item.link === articleUrl('unsigned-brief'))['dc:creator']).toBeUndefined();
  });

  it("shows feed readers each article's lead picture, the one its page names first to search engines, with its alt text", () => {
    const pictures = (path: string) =>
      Object.fromEntries(
        parseXml(path).rss.channel.item.map((item: { link: string; 'media:content'?: Array<Record<string, unknown>> }) => [
          item.link,
          item['media:content']?.map((media) => ({ url: media['@_url'], medium: media['@_medium'], alt: (media['media:description'] as { '#text': string })['#text'] })),
        ]),
      );
    const local = jsonLd(site.html('articles/local-lead-image/'))[0].image[0];
    expect(local).toMatch(new RegExp(`^${ORIGIN}${BASE}_astro/.+\\.jpe?g$`));
    expect(site.exists(new URL(local).pathname), 'the picture is in the build').toBe(true);
    const expected = {
      [articleUrl('hostile-headline')]: undefined,
      [articleUrl('local-lead-image')]: [{ url: local, medium: 'image', alt: 'A red square with a white letter N' }],
      [articleUrl('remote-lead-image')]: [{ url: 'https://images.example.com/audits/lead.jpg', medium: 'image', alt: 'Documents on a desk' }],
      [articleUrl('unsigned-brief')]: undefined,
    };
    expect(pictures('rss.xml')).toEqual(expected);
    // The tag, author and source feeds show them too.
    expect(pictures('tags/ai/rss.xml')).toEqual({ [articleUrl('local-lead-image')]: expected[articleUrl('local-lead-image')], [articleUrl('remote-lead-image')]: expected[articleUrl('remote-lead-image')] });
    expect(pictures('authors/elena-varga/rss.xml')).toEqual({ [articleUrl('remote-lead-image')]: expected[articleUrl('remote-lead-image')] });
  });

  it('is advertised on every page, with the JSON Feed', () => {
    const missing = htmlFiles().filter((file) => {
      const head = site.html(file);
      return (
        head.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href') !== `${BASE}rss.xml` ||
        head.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute('href') !== `${BASE}feed.json`
      );
    });
    expect(missing).toEqual([]);
  });
});

describe('the tag feeds', () => {
  it('list only the articles carrying the tag', () => {
    expect(parseXml('tags/ai/rss.xml').rss.channel.item.map((item: { link: string }) => item.link)).toEqual(
      ['local-lead-image', 'remote-lead-image'].map(articleUrl),
    );
    expect(parseXml('tags/networking/rss.xml').rss.channel.item.map((item: { link: string }) => item.link)).toEqual([articleUrl('unsigned-brief')]);
    expect(parseXml('tags/ai/rss.xml').rss.channel['atom:link']['@_href']).toBe(`${ORIGIN}${BASE}tags/ai/rss.xml`);
  });

  it('exist for every tag page, and the tag page links its feed', () => {
    const tagDirs = readdirSync(join(site.outDir, 'tags'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(tagDirs.length).toBeGreaterThan(3);
    for (const { name } of tagDirs) {
      expect(site.exists(`tags/${name}/rss.xml`), name).toBe(true);
      expect(site.html(`tags/${name}/`).querySelector('head link[type="application/rss+xml"][href$="/rss.xml"]:not([href="/desk/rss.xml"])')?.getAttribute('href')).toBe(
        `${BASE}tags/${name}/rss.xml`,
      );
    }
  });
});

describe('the author feeds', () => {
  it("list only the writer's published bylines, none of their drafts or scheduled pieces", () => {
    expect(parseXml('authors/elena-varga/rss.xml').rss.channel.item.map((item: { link: string }) => item.link)).toEqual([articleUrl('remote-lead-image')]);
    const mariko = parseXml('authors/mariko-tanaka/rss.xml').rss.channel;
    expect(mariko.item.map((item: { link: string }) => item.link)).toEqual([articleUrl('local-lead-image')]);
    expect(mariko.title).toBe('Newsdesk: Mariko Tanaka');
    expect(mariko['atom:link']['@_href']).toBe(`${ORIGIN}${BASE}authors/mariko-tanaka/rss.xml`);
  });

  it('exist for every author page, and the author page links its feed', () => {
    const authorDirs = readdirSync(join(site.outDir, 'authors'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(authorDirs.map((entry) => entry.name).sort()).toEqual(['alex-kim', 'elena-varga', 'mariko-tanaka', 'smith-and-wesson']);
    for (const { name } of authorDirs) {
      expect(site.exists(`authors/${name}/rss.xml`), name).toBe(true);
      const page = site.html(`authors/${name}/`);
      expect(page.querySelector('head link[type="application/rss+xml"]:not([href="/desk/rss.xml"])')?.getAttribute('href')).toBe(`${BASE}authors/${name}/rss.xml`);
      expect(page.querySelector(`.listing-intro a[href="${BASE}authors/${name}/rss.xml"]`)?.textContent).toMatch(/^RSS feed for /);
    }
  });

  it("describe each author's page as a ProfilePage of the Person the articles credit, a hostile name intact", () => {
    const blocks = (path: string) => [...site.read(path).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    const [article] = blocks('articles/hostile-headline/').map((block) => JSON.parse(block));
    const [profile, ...others] = blocks('authors/smith-and-wesson/');
    expect(others).toEqual([]);
    expect(profile).not.toMatch(/[<>]/);
    expect(JSON.parse(profile!)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: article.author[0].url,
      mainEntity: { '@type': 'Person', name: 'Smith & Wesson', url: article.author[0].url },
    });
  });
});

describe('the JSON Feed', () => {
  const feed = () => JSON.parse(site.read('feed.json'));

  it('has the JSON Feed 1.1 shape', () => {
    const { version, title, home_page_url, feed_url, items } = feed();
    expect(version).toBe('https://jsonfeed.org/version/1.1');
    expect(title).toBe('Newsdesk');
    expect(home_page_url).toBe(`${ORIGIN}${BASE}`);
    expect(feed_url).toBe(`${ORIGIN}${BASE}feed.json`);
    for (const item of items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.title).toBe('string');
      expect(item.content_text || item.content_html).toBeTruthy();
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
    }
  });

  it('lists the same articles as the RSS feed, with updates and original stories', () => {
    const items = feed().items;
    expect(items.map((item: { url: string }) => item.url)).toEqual(PUBLISHED.map(articleUrl));
    const local = items[1];
    expect(local.date_modified).toBe('2026-11-22T16:30:00.000Z');
    expect(local.external_url).toBe('https://silicon.example.com/packaging');
    expect(local.authors).toEqual([
      { name: 'Mariko Tanaka', url: `${ORIGIN}${BASE}authors/mariko-tanaka/` },
      { name: 'Alex Kim', url: `${ORIGIN}${BASE}authors/alex-kim/` },
    ]);
  });

  it("gives each article's lead picture as its item's image, as the RSS feed does", () => {
    const images = Object.fromEntries(feed().items.map((item: { url: string; image?: string }) => [item.url, item.image]));
    expect(images).toEqual({
      [articleUrl('hostile-headline')]: undefined,
      [articleUrl('local-lead-image')]: jsonLd(site.html('articles/local-lead-image/'))[0].image[0],
      [articleUrl('remote-lead-image')]: 'https://images.example.com/audits/lead.jpg',
      [articleUrl('unsigned-brief')]: undefined,
    });
  });
});

describe('an article whose slug was corrected after publishing', () => {
  const former = 'undersea-cable-ships-boked';

  it('is found at its former address, which sends readers on at once and names the article’s own page as canonical', () => {
    const page = site.html(`articles/${former}/index.html`);
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${BASE}articles/unsigned-brief/`);
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(articleUrl('unsigned-brief'));
    expect(meta(page, 'robots')).toEqual(['noindex']);
    const link = page.querySelector('body a');
    expect([link?.getAttribute('href'), link?.textContent]).toEqual([`${BASE}articles/unsigned-brief/`, TITLES['unsigned-brief']]);
  });

  it('listed twice, has one page there, and the build says so once, as the check does, with nothing from Astro', () => {
    const log = `${site.stdout}\n${site.stderr}`.split('\n');
    expect(log.filter((line) => line.includes(former) && /warn/i.test(line))).toEqual([
      `tests/fixtures/discovery/unsigned-brief.md:7: warning: formerSlugs.1: former slug "${former}" is listed twice (formerSlugs.0, line 7), so it adds no old address; remove one, or write the former slug you meant`,
    ]);
    expect(log.filter((line) => /Could not render/.test(line))).toEqual([]);
  });

  it('is listed under its own address only: not in the sitemap, the feeds or the search index', () => {
    const everything = ['sitemap-0.xml', 'rss.xml', 'feed.json'].map((path) => site.read(path)).join('\n');
    expect(everything).not.toContain(former);
    expect(everything).toContain(articleUrl('unsigned-brief'));
    expect(readdirSync(join(site.outDir, 'pagefind'), { recursive: true, encoding: 'utf8' }).join('\n')).not.toContain(former);
  });
});

describe('the sitemap', () => {
  const entries = (): Array<{ loc: string; lastmod?: string }> =>
    parseXml('sitemap-index.xml').sitemapindex.sitemap.flatMap(({ loc }: { loc: string }) => {
      expect(loc.startsWith(`${ORIGIN}${BASE}`)).toBe(true);
      return parseXml(loc.slice(ORIGIN.length)).urlset.url;
    });

  it('lists every published article, dated by its last change', () => {
    const articles = entries().filter((entry) => entry.loc.startsWith(`${ORIGIN}${BASE}articles/`));
    expect(articles.map((entry) => entry.loc).sort()).toEqual(PUBLISHED.map(articleUrl).sort());
    const lastmod = Object.fromEntries(articles.map((entry) => [entry.loc, entry.lastmod]));
    expect(lastmod[articleUrl('local-lead-image')]).toBe('2026-11-22T16:30:00.000Z');
    expect(lastmod[articleUrl('remote-lead-image')]).toBe('2026-11-15T08:00:00.000Z');
    expect(Object.values(lastmod).every((value) => value && !Number.isNaN(Date.parse(value)))).toBe(true);
  });

  it('lists nothing outside the base path, and neither search nor the 404 page', () => {
    const locs = entries().map((entry) => entry.loc);
    expect(locs.filter((loc) => !loc.startsWith(`${ORIGIN}${BASE}`))).toEqual([]);
    expect(locs.filter((loc) => /\/(search|404)\/?$|\.(xml|json|txt)$/.test(loc))).toEqual([]);
    expect(locs).toContain(`${ORIGIN}${BASE}`);
  });

  it('is named in robots.txt by its absolute URL', () => {
    expect(site.read('robots.txt')).toMatch(new RegExp(`^Sitemap: ${ORIGIN}${BASE}sitemap-index\\.xml$`, 'm'));
    expect(site.read('robots.txt')).toMatch(/^User-agent: \*$/m);
  });
});

describe('an article page head', () => {
  const page = () => site.html('articles/local-lead-image/');

  it('has its title, description and absolute canonical URL', () => {
    expect(page().querySelector('title')!.text).toBe(`${TITLES['local-lead-image']} | Newsdesk`);
    expect(meta(page(), 'description')).toEqual(['Advanced packaging puts high-bandwidth memory beside the processor, and capacity for it is now the bottleneck.']);
    expect(page().querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(articleUrl('local-lead-image'));
  });

  it('describes an Open Graph article with dates, tags and its social card', () => {
    const head = page();
    expect(meta(head, 'og:type')).toEqual(['article']);
    expect(meta(head, 'og:url')).toEqual([articleUrl('local-lead-image')]);
    expect(meta(head, 'og:title')).toEqual([TITLES['local-lead-image']]);
    expect(meta(head, 'og:site_name')).toEqual(['Newsdesk']);
    expect(meta(head, 'article:published_time')).toEqual(['2026-11-18T12:00:00.000Z']);
    expect(meta(head, 'article:modified_time')).toEqual(['2026-11-22T16:30:00.000Z']);
    expect(meta(head, 'article:tag')).toEqual(['AI', 'Hardware']);
    const [image] = meta(head, 'og:image');
    expect(image).toBe(`${ORIGIN}${BASE}cards/local-lead-image.png`);
    expect(site.exists(new URL(image!).pathname), 'the og:image file is in the build').toBe(true);
    expect(meta(head, 'og:image:width')).toEqual(['1200']);
    expect(meta(head, 'og:image:height')).toEqual(['630']);
    expect(meta(head, 'og:image:alt')).toEqual([`AI · ${TITLES['local-lead-image']} · By Mariko Tanaka and Alex Kim · Nov 18, 2026 · Newsdesk`]);
    expect(meta(head, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(head, 'twitter:image')).toEqual([image]);
  });

  it('carries NewsArticle JSON-LD that parses and agrees with the page', () => {
    const [ld] = jsonLd(page());
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(TITLES['local-lead-image']);
    expect(ld.datePublished).toBe('2026-11-18T12:00:00.000Z');
    expect(ld.dateModified).toBe('2026-11-22T16:30:00.000Z');
    expect(ld.mainEntityOfPage['@id']).toBe(articleUrl('local-lead-image'));
    expect(ld.keywords).toEqual(['AI', 'Hardware']);
    // The lead image first (a 1200px JPEG made for the purpose), then the social card.
    expect(ld.image).toHaveLength(2);
    expect(ld.image[0]).toMatch(new RegExp(`^${ORIGIN}${BASE}_astro/.+\\.jpe?g$`));
    expect(site.exists(new URL(ld.image[0]).pathname), 'the lead image file is in the build').toBe(true);
    expect(ld.image[1]).toEqual(meta(page(), 'og:image')[0]);
    expect(ld.author.map((author: { '@type': string; name: string }) => [author['@type'], author.name])).toEqual([
      ['Person', 'Mariko Tanaka'],
      ['Person', 'Alex Kim'],
    ]);
    for (const author of ld.author) expect(site.exists(new URL(author.url).pathname), author.url).toBe(true);
    expect(ld.publisher['@type']).toBe('Organization');
    expect(ld.publisher.logo['@type']).toBe('ImageObject');
  });

  it('names a publisher logo that is a real PNG of at least 112 × 112 pixels', () => {
    const { logo } = jsonLd(page())[0].publisher;
    const png = readFileSync(join(site.outDir, new URL(logo.url).pathname.slice(BASE.length)));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(112);
    expect([logo.width, logo.height]).toEqual([width, height]);
  });

  it('uses a remote lead image as it is, and credits unsigned pieces to the publication', () => {
    expect(jsonLd(site.html('articles/remote-lead-image/'))[0].image).toEqual(['https://images.example.com/audits/lead.jpg', `${ORIGIN}${BASE}cards/remote-lead-image.png`]);
    const unsigned = site.html('articles/unsigned-brief/');
    expect(jsonLd(unsigned)[0].author).toEqual([jsonLd(unsigned)[0].publisher]);
    expect(meta(unsigned, 'og:image')).toEqual([`${ORIGIN}${BASE}cards/unsigned-brief.png`]);
  });
});

describe('other pages', () => {
  it('describe a website, with no article data', () => {
    const front = site.html('');
    expect(meta(front, 'og:type')).toEqual(['website']);
    expect(front.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${ORIGIN}${BASE}`);
    expect(meta(front, 'article:published_time')).toEqual([]);
    expect(jsonLd(front)).toEqual([]);
  });
});

describe('a hostile headline', () => {
  it('has a dek that RSS readers, which render <description> as HTML, show as the text it is', () => {
    const items = parseXml('rss.xml').rss.channel.item;
    const description = items.find((item: { link: string }) => item.link === articleUrl('hostile-headline')).description as string;
    const shown = parse(description);
    expect(shown.querySelectorAll('b')).toHaveLength(0);
    expect(shown.textContent).toBe('A dek with <b>markup</b> & an ampersand, which must stay text everywhere.');
  });

  it('stays text in the page, its title and its meta tags', () => {
    const page = site.html('articles/hostile-headline/');
    // Inside quoted attribute values "<" is inert; what must never happen is a new element.
    expect(page.querySelectorAll('script').map((script) => script.getAttribute('type'))).toEqual(['application/ld+json']);
    expect(page.querySelectorAll('title')).toHaveLength(1);
    expect(page.querySelector('title')!.text).toBe(`${HOSTILE} | Newsdesk`);
    expect(page.querySelector('h1')!.text).toBe(HOSTILE);
    expect(meta(page, 'og:title')).toEqual([HOSTILE]);
    expect(meta(page, 'twitter:title')).toEqual([HOSTILE]);
  });

  it('cannot close its JSON-LD script element, which still parses to the headline', () => {
    const raw = site.read('articles/hostile-headline/');
    const blocks = [...raw.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).not.toMatch(/[<>]/);
    expect(JSON.parse(blocks[0]!).headline).toBe(HOSTILE);
    expect(JSON.parse(blocks[0]!).author[0].name).toBe('Smith & Wesson');
  });

  it('stays escaped in the RSS feeds and intact in the JSON Feed', () => {
    for (const path of ['rss.xml', 'tags/security/rss.xml', 'authors/smith-and-wesson/rss.xml']) {
      expect(site.read(path)).not.toContain('<script>');
      expect(parseXml(path).rss.channel.item[0].title).toBe(HOSTILE);
    }
    const [item] = parseXml('rss.xml').rss.channel.item;
    expect(item['dc:creator']).toEqual(['Smith & Wesson']);
    expect(item.category).toEqual(['Security', 'R&D']);
    expect(JSON.parse(site.read('feed.json')).items[0].title).toBe(HOSTILE);
  });
});

describe('drafts and scheduled pieces', () => {
  it('appear in no feed and not in the sitemap', () => {
    const everything = ['rss.xml', 'feed.json', 'sitemap-0.xml', 'tags/ai/rss.xml', 'tags/hardware/rss.xml'].map((path) => site.read(path)).join('\n');
    for (const { slug } of UNPUBLISHED) expect(everything).not.toContain(slug);
    expect(everything).not.toMatch(/Draft:|Embargoed:/);
  });

  it('are not in the search index, which holds exactly the published articles', () => {
    const pages = site.searchIndex();
    expect(pages.map((page) => page.url).sort()).toEqual(PUBLISHED.map((slug) => `/articles/${slug}/`).sort());
    const text = JSON.stringify(pages);
    for (const { word } of UNPUBLISHED) expect(text).not.toContain(word);
    expect(JSON.parse(site.read('pagefind/pagefind-entry.json')).languages.en.page_count).toBe(PUBLISHED.length);
  });
});

describe('the search index', () => {
  it('gives each article its headline and date, and indexes the dek and body', () => {
    const page = site.searchIndex().find((candidate) => candidate.url === '/articles/hostile-headline/')!;
    expect(page.meta.title).toBe(HOSTILE);
    expect(page.meta.date).toBe('Nov 20, 2026');
    expect(page.content).toContain('marmalising');
    expect(page.content).toContain('an ampersand');
  });
});

describe('the search page', () => {
  const page = () => site.html('search/');

  it('loads Pagefind from the site itself, with results linked under the base path', () => {
    const config = page().querySelector('pagefind-config')!;
    expect(config.getAttribute('bundle-path')).toBe(`${BASE}pagefind/`);
    expect(config.getAttribute('base-url')).toBe(BASE);
    const script = page().querySelector('script[src$="pagefind-component-ui.js"]')!.getAttribute('src')!;
    expect(script).toBe(`${BASE}pagefind/pagefind-component-ui.js`);
    expect(site.exists(script)).toBe(true);
    expect(site.exists(page().querySelector('link[href$="pagefind-component-ui.css"]')!.getAttribute('href')!)).toBe(true);
  });

  it('explains without JavaScript that search needs it, and offers the tag index', () => {
    const noscript = page().querySelector('main noscript')!;
    expect(noscript.text).toMatch(/needs JavaScript/);
    expect(noscript.innerHTML).toContain(`href="${BASE}tags/"`);
  });

  it('is kept out of search engines, with no canonical location', () => {
    expect(meta(page(), 'robots')).toEqual(['noindex']);
    expect(page().querySelector('link[rel="canonical"]')).toBeNull();
    expect(meta(page(), 'og:url')).toEqual([]);
  });
});

describe('the 404 page', () => {
  it('exists, is kept out of search engines and leads to the front page and to search', () => {
    const page = site.html('404.html');
    expect(page.querySelector('main h1')!.text).toMatch(/not found/i);
    expect(meta(page, 'robots')).toEqual(['noindex']);
    expect(page.querySelector('link[rel="canonical"]')).toBeNull();
    expect(meta(page, 'og:url')).toEqual([]);
    const links = page.querySelectorAll('main a').map((link) => link.getAttribute('href'));
    expect(links).toContain(BASE);
    expect(links).toContain(`${BASE}search/`);
  });
});

describe('the Content-Security-Policy', () => {
  const policyOf = (file: string) => {
    const tags = site.html(file).querySelectorAll('head meta[http-equiv="content-security-policy"]');
    expect(tags, file).toHaveLength(1);
    return Object.fromEntries(
      tags[0]!
        .getAttribute('content')!
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...sources]) => [name!, sources]),
    );
  };

  it('is on every page: own scripts and styles only, no plugins, no base rewriting', () => {
    const ownOrHashed = /^'(self|sha(256|384|512)-[^']+)'$/;
    for (const file of htmlFiles()) {
      const policy = policyOf(file);
      expect(policy['object-src'], file).toEqual(["'none'"]);
      expect(policy['base-uri'], file).toEqual(["'self'"]);
      expect(policy['script-src'], file).toContain("'self'");
      expect(policy['script-src'].filter((source: string) => !ownOrHashed.test(source) && source !== "'wasm-unsafe-eval'"), file).toEqual([]);
      // Inline event handlers fall back to script-src, which allows none.
      expect(policy['script-src-attr'], file).toBeUndefined();
      for (const directive of ['style-src', 'style-src-elem']) {
        expect(policy[directive], `${file} ${directive}`).toContain("'self'");
        expect(policy[directive].filter((source: string) => !ownOrHashed.test(source)), `${file} ${directive}`).toEqual([]);
      }
      // Shiki colours code with style attributes: those alone may be inline.
      expect(policy['style-src-attr'], file).toEqual(["'unsafe-inline'"]);
      expect(policy['img-src'], file).toEqual(expect.arrayContaining(["'self'", 'https:']));
    }
  });

  it('lists the hash of every inline script, and no page has inline event handlers', () => {
    for (const file of htmlFiles()) {
      const page = site.html(file);
      const scriptSrc = policyOf(file)['script-src'] as string[];
      for (const script of page.querySelectorAll('script:not([src])')) {
        const type = (script.getAttribute('type') ?? '').toLowerCase();
        if (!['', 'module', 'text/javascript'].includes(type)) continue;
        const hash = `'sha256-${createHash('sha256').update(script.textContent).digest('base64')}'`;
        expect(scriptSrc, `${file}: inline script`).toContain(hash);
      }
      expect(page.querySelectorAll('*').filter((element) => Object.keys(element.attributes).some((name) => /^on/i.test(name))).map((element) => element.tagName), file).toEqual([]);
    }
  });
});

describe('in a browser', () => {
  const served = useServedSite(() => site.outDir, BASE);

  it('search from a shared ?q= link finds an article by a body word, and the CSP blocks nothing', async () => {
    const page = await served.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`)),
    );
    page.on('console', (message) => message.text().startsWith('CSP:') && problems.push(message.text()));

    // It has a highlighted code block: Shiki's coloured spans must not trip the policy.
    await page.goto(`${served.baseUrl}articles/local-lead-image/`);
    await page.waitForLoadState('load');
    const coloured = await page.locator('pre').first().evaluate((pre) =>
      [...pre.querySelectorAll('span[style]')].some((span) => getComputedStyle(span).color !== getComputedStyle(pre).color),
    );
    expect(coloured, 'code is highlighted').toBe(true);

    await page.goto(`${served.baseUrl}search/?q=marmalising`);
    const result = page.locator('main .search-result').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.locator('a').getAttribute('href')).toBe(`${BASE}articles/hostile-headline/`);
    expect(await result.locator('a').innerText()).toBe(HOSTILE);
    expect(await result.innerText()).toContain('Nov 20, 2026');
    expect(await result.locator('mark').first().innerText()).toMatch(/marmalising/i);
    const box = page.getByRole('searchbox', { name: /search/i });
    expect(await box.inputValue()).toBe('marmalising');
    expect(await page.locator('[data-search-unavailable]').isVisible()).toBe(false);

    // Typing a new query puts it in the address bar, so the page can be shared as it is.
    await box.fill('packaging');
    await page.waitForURL((url) => url.searchParams.get('q') === 'packaging');
    await page.locator(`main a[href="${BASE}articles/local-lead-image/"]`).waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a result's excerpt as the very text of the article, markup and character references written in it included, with the match marked", async () => {
    const page = await served.browser.newPage();
    const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();
    await page.goto(`${served.baseUrl}articles/hostile-headline/`);
    const body = spaced(await page.locator('main .prose').innerText());
    // The index lists the page's tags after the body, so an excerpt at the body's end may run on into them.
    const bodyAndTags = `${body} ${listOfNames(await page.locator('main .tag-list a').allInnerTexts())}.`;
    // The last words of the body: the excerpt, ending there, holds the whole passage.
    const passage = 'Markup shown as text: the payload <img src=x onerror=alert(1)>, the escape &lt;script&gt;, the sign &copy 2026, the reference &#60; and a <b>tag</b> from AT&T, in quodlibet notes.';
    expect(body).toContain(passage);

    await page.goto(`${served.baseUrl}search/?q=quodlibet`);
    const excerpt = page.locator('main .search-result-excerpt').first();
    await excerpt.waitFor({ timeout: 15_000 });
    expect(await excerpt.evaluate((element) => [...element.querySelectorAll('*')].map((child) => `${child.localName}: ${child.textContent}`))).toEqual(['mark: quodlibet']);
    const shown = spaced((await excerpt.textContent()) ?? '');
    expect(shown).toContain(passage);
    expect(bodyAndTags).toContain(shown);
    await page.close();
  });

  it('says so when the search index cannot be loaded, and offers the tag index instead', async () => {
    const page = await served.browser.newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${served.baseUrl}search/?q=marmalising`);
    await page.waitForLoadState('load');
    const notice = page.locator('main [data-search-unavailable]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toMatch(/not available/);
    expect(await notice.locator('a').first().getAttribute('href')).toBe(`${BASE}tags/`);
    await page.close();
  });
});
