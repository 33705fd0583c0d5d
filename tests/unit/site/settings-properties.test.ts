/**
 * Property tests of the deployment settings: generated BASE_PATH and SITE_URL values (slashes doubled or missing,
 * dot segments, spaces, percent-escapes, scripts other than Latin, query and fragment characters, ports, user names,
 * IDN hosts, garbage) and the counts and instant read from NEWSDESK_* variables. Each value is either refused, in a
 * message naming the variable, the value and what to write, or accepted, and then every address the site makes lies
 * under the base path, is the path of the file the build writes, and is made absolute with SITE_URL exactly once.
 *
 * FC_SEED and FC_RUNS explore other values: `FC_SEED=1 FC_RUNS=5000 npx vitest run --project unit tests/unit/site/settings-properties.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { siteUrlProblem } from '../../../src/lib/build/site-address.ts';
import { publishInstant } from '../../../src/lib/content/publish.ts';
import { slugify } from '../../../src/lib/content/slug.ts';
import { isListedPage } from '../../../src/lib/output/sitemap.ts';
import { countSetting } from '../../../src/lib/search/index-parts.ts';
import { searchIndexTiming } from '../../../src/lib/search/search-timing.ts';
import { absoluteUrl, createPaths, type SitePaths } from '../../../src/lib/site/paths.ts';

const SEED = 20261206;
const runs = (fallback: number) => Number(process.env.FC_RUNS ?? fallback);
const seed = Number(process.env.FC_SEED ?? SEED);
const SITE = 'https://news.example.org';

/** Pieces a BASE_PATH is typed or templated from, the mistakes included (`/${REPO}/` with REPO empty or slashed). */
const BASE_PIECES = [
  '/', '//', 'desk', 'news', 'Desk', 'désk', 'e\u0301', '日本', 'новости', '.', '..', '...', '.well-known', 'a.b', ' ', '%20', '%2F', '%2f', '%25',
  '%C3%A9', '%C3', '%ff', '%2e', '%2E%2E', '.%2e', '%', '%zz', '%E', '?', '?q=1', '#', '#top', '\\', '~user', 'a+b', "o'k", '@', ':', ';', '=', '&', '!', '\t', '\n', '\u00a0', '\u200b',
  '\u0000', '\u202e', '\ud800', '<', '"', '`', '{', '|', '^', '[', ']', 'page', 'rss.xml', 'index.html',
];

const baseArb = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...BASE_PIECES), { maxLength: 6 }).map((pieces) => pieces.join('')) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom('desk', 'news', 'désk', '', '.', '..'), { maxLength: 4 }).map((segments) => `/${segments.join('/')}/`) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)), maxLength: 4 }) },
);

/** Slugs as the schema and slugify make them: letters of any script, digits and single hyphens. */
const slugArb = fc.oneof(
  fc.constantFrom('chip-plant', 'café', '日本', 'c-plus-plus', 'page', 'rss-xml', 'index', '404', 'a', 'x'.repeat(100)),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map(slugify).filter((slug) => slug !== ''),
);

/** Every page, feed and file the site links to, with the file the build writes for it under dist/ (base path left out). */
function siteAddresses(paths: SitePaths, slug: string, page: number): Array<[link: string, file: string]> {
  const listing = (folder: string) => (page === 1 ? folder : `${folder}page/${page}/`);
  const pages: Array<[string, string]> = [
    [paths.home(page), listing('')],
    [paths.article(slug), `articles/${slug}/`],
    [paths.tags(), 'tags/'],
    [paths.tag(slug, page), listing(`tags/${slug}/`)],
    [paths.authors(), 'authors/'],
    [paths.author(slug, page), listing(`authors/${slug}/`)],
    [paths.stories(page), listing('stories/')],
    [paths.story(slug), `stories/${slug}/`],
    [paths.sources(), 'sources/'],
    [paths.source(slug, page), listing(`sources/${slug}/`)],
    [paths.search(), 'search/'],
  ];
  const files: Array<[string, string]> = [
    [paths.tagFeed(slug), `tags/${slug}/rss.xml`],
    [paths.authorFeed(slug), `authors/${slug}/rss.xml`],
    [paths.storyFeed(slug), `stories/${slug}/rss.xml`],
    [paths.sourceFeed(slug), `sources/${slug}/rss.xml`],
    [paths.followedFeeds(), 'sources/feeds.opml'],
    [paths.rss(), 'rss.xml'],
    [paths.jsonFeed(), 'feed.json'],
    [paths.card(slug), `cards/${slug}.png`],
    [paths.storyCard(slug), `cards/stories/${slug}.png`],
    [paths.asset('favicon.svg'), 'favicon.svg'],
    [paths.asset('/pagefind/pagefind.js'), 'pagefind/pagefind.js'],
  ];
  return [...pages.map(([link, folder]): [string, string] => [link, `${folder}index.html`]), ...files];
}

/** A path as a browser sends it: what lies outside ASCII percent-encoded as UTF-8, nothing else changed. */
const asSent = (path: string) => path.replace(/[^\x00-\x7f]+/gu, (text) => encodeURIComponent(text));

/** RFC 3986 path characters, and any character outside ASCII (which browsers encode as `asSent` does). */
const PATH_CHARACTERS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2}|[^\x00-\x7f])*$/u;

function expectRefusal(problem: string, variable: string, value: string) {
  expect(problem).toContain(`${variable}="${value}"`);
  // What to write instead: an example of a value that works, or the form it takes.
  expect(problem).toMatch(/\b(set|use|write)\b/);
}

describe('BASE_PATH', () => {
  it('is refused, naming the value and what to write, or every address the site makes is a clean path under it that names the file the build writes', () => {
    fc.assert(
      fc.property(baseArb, slugArb, fc.integer({ min: 1, max: 500 }), (base, slug, page) => {
        const problem = siteUrlProblem(SITE, base);
        if (problem !== undefined) {
          expectRefusal(problem, 'BASE_PATH', base);
          return;
        }
        const paths = createPaths(base);
        expect(paths.root).toMatch(/^\/(?:[^/]+\/)*$/);
        for (const [link, file] of siteAddresses(paths, slug, page)) {
          expect(link.startsWith(paths.root), link).toBe(true);
          expect(link, link).toMatch(PATH_CHARACTERS);
          expect(link).not.toContain('//');
          expect(link.split('/'), link).not.toContain('..');
          expect(link.split('/'), link).not.toContain('.');
          // The URL parser leaves the path as written, so the browser asks for the page the link names.
          expect(new URL(link, SITE).pathname).toBe(asSent(link));
          const rest = link.slice(paths.root.length);
          expect(decodeURIComponent(rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest)).toBe(file);
        }
      }),
      { seed, numRuns: runs(400) },
    );
  });

  it('when accepted, the sitemap lists every page but the search page, by the path its <lastmod> is looked up by', () => {
    fc.assert(
      fc.property(baseArb, slugArb, fc.integer({ min: 1, max: 50 }), (base, slug, page) => {
        fc.pre(siteUrlProblem(SITE, base) === undefined);
        const paths = createPaths(base);
        for (const [link, file] of siteAddresses(paths, slug, page)) {
          if (!file.endsWith('/index.html')) continue;
          // As @astrojs/sitemap makes an entry: Astro's base (the root), then the page's own path, decoded, as Astro has it.
          const siteWithBase = new URL(paths.root, SITE);
          const url = new URL(siteWithBase.pathname + file.replace(/index\.html$/, ''), siteWithBase).href;
          expect(isListedPage(url, base), url).toBe(link !== paths.search());
          // articlePages keys each page by decodeURIComponent of its link; the sitemap looks it up by its entry's path, decoded.
          expect(decodeURIComponent(new URL(url).pathname)).toBe(decodeURIComponent(link));
        }
      }),
      { seed, numRuns: runs(200) },
    );
  });

  it('when accepted, the base path written with or without its slashes is the same site', () => {
    fc.assert(
      fc.property(baseArb, (base) => {
        fc.pre(siteUrlProblem(SITE, base) === undefined);
        const root = createPaths(base).root;
        for (const variant of [root, root.replace(/^\//, ''), root.replace(/\/$/, ''), `/${root}/`]) {
          expect(siteUrlProblem(SITE, variant), variant).toBeUndefined();
          expect(createPaths(variant).root, variant).toBe(root);
          // SITE_URL may repeat the base path, as GitHub Pages gives a project site's address, however it is spelt.
          for (const siteUrl of [`${SITE}${root}`, `${SITE}${asSent(root)}`, `${SITE}${root.replace(/\/$/, '')}`]) expect(siteUrlProblem(siteUrl, variant), siteUrl).toBeUndefined();
        }
      }),
      { seed, numRuns: runs(200) },
    );
  });
});

/** Hosts as typed: upper case, IDN, IP addresses, with ports; and some that are none. */
const HOSTS = ['news.example.org', 'NEWS.Example.ORG', 'bücher.example', 'xn--bcher-kva.example', 'localhost', '127.0.0.1', '[::1]', 'owner.github.io', 'a'];
const siteUrlArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({
        scheme: fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', '', '//', 'https:/', 'javascript:'),
        userinfo: fc.constantFrom('', '', '', 'editor@', 'editor:s3cret@', 'editor:s3:cret@', 'editor:s3cret@x@'),
        host: fc.constantFrom(...HOSTS, '', ' ', 'exa mple.org'),
        port: fc.constantFrom('', '', ':4321', ':443', ':80', ':0', ':99999', ':x'),
        path: fc.constantFrom('', '/', '/desk', '/desk/', '/DESK/', '/news/desk/', '/désk/', '/d%C3%A9sk/', '//', '/desk//', '/./desk/', '/a/../desk/'),
        tail: fc.constantFrom('', '', '?utm=1', '#top', '?', '#'),
      })
      .map(({ scheme, userinfo, host, port, path, tail }) => `${scheme}${userinfo}${host}${port}${path}${tail}`),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);
const acceptedBaseArb = fc.constantFrom('/', '/desk/', 'desk', '/news/desk', '/désk/', '/d%C3%A9sk/', '//desk//', '/DESK/');

describe('SITE_URL', () => {
  it('is refused, naming the value (a password left out) and what to write, or every absolute address is its origin and the path, the base path once', () => {
    fc.assert(
      fc.property(siteUrlArb, acceptedBaseArb, slugArb, (siteUrl, base, slug) => {
        const problem = siteUrlProblem(siteUrl, base);
        if (problem !== undefined) {
          expect(problem).toContain('SITE_URL="');
          expect(problem).not.toMatch(/s3|cret/);
          expectRefusal(problem, 'SITE_URL', siteUrl.replace(/:[^/?#]*@/, ':…@'));
          return;
        }
        const site = new URL(siteUrl);
        expect(['https:', 'http:']).toContain(site.protocol);
        const paths = createPaths(base);
        for (const [link] of siteAddresses(paths, slug, 2)) {
          const absolute = absoluteUrl(siteUrl, link);
          expect(absolute).toBe(`${site.origin}${asSent(link)}`);
          if (paths.root !== '/') expect(absolute.split(asSent(paths.root)).length - 1, absolute).toBe(1);
        }
        // The site's own address, as Markdown links and the markdown processor are given it.
        expect(absoluteUrl(siteUrl, paths.root)).toBe(`${site.origin}${asSent(paths.root)}`);
      }),
      { seed, numRuns: runs(400) },
    );
  });
});

/** What an operator may type for a count: blanks, signs, fractions, exponents, hex, huge, other digits, words. */
const countTextArb = fc.oneof(
  fc.constantFrom('', ' ', '0', '00', '1', '01', ' 7 ', '-1', '-0', '+5', '1.5', '2.0', '1e3', '0x10', '1_000', '1,000', 'Infinity', 'NaN', 'ten', '٣', '３', '9'.repeat(16), '9'.repeat(400), '9007199254740991', '9007199254740993'),
  fc.nat().map(String),
  fc.double().map(String),
  fc.string({ maxLength: 6 }),
);

describe('NEWSDESK_* counts', () => {
  it('are refused, naming the variable, the value and what to write, or read as exactly the whole number written, at least the least allowed', () => {
    fc.assert(
      fc.property(countTextArb, fc.constantFrom(0, 1), (text, least) => {
        let count: number;
        try {
          count = countSetting('NEWSDESK_SEARCH_PART_ARTICLES', text, 3000, least);
        } catch (error) {
          expectRefusal((error as Error).message, 'NEWSDESK_SEARCH_PART_ARTICLES', text);
          return;
        }
        expect(Number.isSafeInteger(count)).toBe(true);
        expect(count).toBeGreaterThanOrEqual(least);
        expect(String(count)).toBe(text.trim().replace(/^0+(?=\d)/, ''));
      }),
      { seed, numRuns: runs(400) },
    );
  });
});

const instantTextArb = fc.oneof(
  fc.constantFrom('0', '1', '12', '2026', '20261206', '2026-12-01', '2026-12-01T09:00:00Z', '2026-12-01T09:00:00+02:00', '2026-12-01T09:00:00.5Z', 'Dec 1 2026', 'yesterday', 'now', ' ', '-1', '1e3'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.string({ maxLength: 8 }),
);

describe('NEWSDESK_NOW', () => {
  it('is refused, naming the value and what to write, or read as the instant an ISO-8601 text names', () => {
    fc.assert(
      fc.property(instantTextArb, (text) => {
        let instant: Date;
        try {
          instant = publishInstant(text, () => new Date(0));
        } catch (error) {
          expectRefusal((error as Error).message, 'NEWSDESK_NOW', text);
          return;
        }
        if (text === '') return;
        expect(Number.isNaN(instant.getTime())).toBe(false);
        // A year, a month and a day at the least: "1" or "12" read as 2001 would publish nothing written since.
        expect(text.trim()).toMatch(/^[+-]?\d{4,6}-\d{2}-\d{2}/);
      }),
      { seed, numRuns: runs(300) },
    );
  });
});

describe('NEWSDESK_SEARCH_INDEX', () => {
  it('is refused, naming the value and the choices, or is the choice written, or unset when blank', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('alongside', 'after-cards', 'after', 'After', ' after', 'before', 'constructor', 'toString', ''), fc.string({ maxLength: 8 })), (text) => {
        let timing: string;
        try {
          timing = searchIndexTiming(100, 2 ** 40, text);
        } catch (error) {
          expectRefusal((error as Error).message, 'NEWSDESK_SEARCH_INDEX', text);
          return;
        }
        expect(['alongside', 'after-cards', 'after']).toContain(timing);
        if (text !== '') expect(timing).toBe(text);
      }),
      { seed, numRuns: runs(200) },
    );
  });
});
