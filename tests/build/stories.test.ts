/**
 * Stories on the built site: tests/fixtures/stories-site built for real under BASE_PATH=/desk/ at a fixed "now".
 *
 * The fixture: two stories and the hard negatives around them.
 * - Halvorsen Logistics' ransomware attack, told in their own words by Meridian Wire, Breach Bulletin and our own
 *   reporting (earliest first); the same gang's hospital attack the same day (St Brigid's) and Halvorsen restoring
 *   bookings a week later are other stories.
 * - The libvexa image flaw, from Breach Bulletin and Ops Weekly; a draft from a third outlet ("DRAFTONLY") that would
 *   join it, and our explainer with `story: false`; a router flaw disclosed the same day is another story.
 * - A Stratus Cloud outage whose second outlet's report is scheduled after "now" ("SCHEDULEDONLY" is another scheduled
 *   piece): no story yet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableMeta } from '../../src/lib/search/unsearchable-meta.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, siteFiles, type BuiltSite } from '../helpers/build-site.ts';
import { searchResults } from '../helpers/search-results.ts';
import { serveSite, useServedSite } from '../helpers/serve.ts';

const NOW = '2026-04-09T12:00:00Z';
const ORIGIN = 'https://news.example.org';
const BASE = '/desk/';
const HALVORSEN = ['halvorsen-ransomware-halts-shipping', 'halvorsen-akira-claims', 'freight-customers-scramble'];
const LIBVEXA = ['libvexa-flaw-crafted-images', 'patch-libvexa-now'];
const ON_THEIR_OWN = ['halvorsen-restores-bookings', 'stratus-outage', 'what-to-update-after-libvexa', 'marlin-router-flaw', 'st-brigids-ransomware'];
const UNPUBLISHED = ['libvexa-draft-third-outlet', 'libvexa-scheduled-third-outlet', 'stratus-outage-scheduled'];

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap'].includes(name) });
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const hrefs = (page: HTMLElement, selector = 'main a') => page.querySelectorAll(selector).map((link) => link.getAttribute('href'));
const teaserLinks = (page: HTMLElement) => hrefs(page, '.teasers .teaser-title a');
const article = (slug: string) => `${BASE}articles/${slug}/`;
const story = (slug: string) => `${BASE}stories/${slug}/`;

let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/stories-site', basePath: BASE, siteUrl: ORIGIN, now: NOW });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());

describe('the stories index', () => {
  it('lists exactly the two stories, the one with the newest coverage first', () => {
    const page = site.html('stories/');
    expect(teaserLinks(page)).toEqual([story(LIBVEXA[0]!), story(HALVORSEN[0]!)]);
    expect(squash(page.querySelector('.teasers')!.text)).toContain('3 articles from Meridian Wire, Breach Bulletin and Newsdesk');
  });

  it("is in every page's header, marked as the current section on the stories' own pages", () => {
    const storiesLink = (path: string) => site.html(path).querySelector('header nav a[href="/desk/stories/"]');
    for (const path of ['index.html', `articles/${HALVORSEN[0]}/`, 'tags/index.html']) {
      expect(squash(storiesLink(path)?.text ?? ''), path).toBe('Stories');
      expect(storiesLink(path)?.getAttribute('aria-current'), path).toBeUndefined();
    }
    expect(storiesLink('stories/')?.getAttribute('aria-current')).toBe('page');
    // A story is in the stories section, but the link leads to the index, not to this page.
    expect(storiesLink(`stories/${HALVORSEN[0]}/`)?.getAttribute('aria-current')).toBe('true');
  });

  it('builds no story page for grouping that only unpublished articles would make', () => {
    expect(site.exists('stories/stratus-outage/')).toBe(false);
  });
});

describe('a story page', () => {
  const page = () => site.html(`stories/${HALVORSEN[0]}/`);

  it("takes the earliest article's headline and lists every article earliest first, the first marked as first reported", () => {
    expect(page().querySelector('h1')!.text).toBe('Ransomware attack halts Halvorsen Logistics shipping systems');
    const items = page().querySelectorAll('.coverage-list > li');
    expect(items.map((item) => item.querySelector('h2 a')!.getAttribute('href'))).toEqual(HALVORSEN.map(article));
    expect(squash(items[0]!.text)).toContain('First reported by Meridian Wire');
    expect(items.slice(1).some((item) => item.text.includes('First reported'))).toBe(false);
    expect(squash(items[2]!.querySelector('.meta')!.text)).toBe('Newsdesk · Apr 3, 2026, 8:00 AM UTC');
  });

  it("marks the headline and dek of an article in another language than the site's with its lang, and no other's", () => {
    const items = page().querySelectorAll('.coverage-list > li');
    expect(items.map((item) => [item.querySelector('h2')!.getAttribute('lang'), item.querySelector('p[dir]')!.getAttribute('lang')])).toEqual([
      [undefined, undefined],
      ['nb', 'nb'],
      [undefined, undefined],
    ]);
  });

  it("is titled as a story, so its title is not its lead article's page's too", () => {
    const title = (path: string) => site.html(path).querySelector('title')!.text;
    expect(title(story(HALVORSEN[0]))).toBe('Ransomware attack halts Halvorsen Logistics shipping systems | Story | Newsdesk');
    expect(title(article(HALVORSEN[0]))).toBe('Ransomware attack halts Halvorsen Logistics shipping systems | Newsdesk');
  });

  it("links each outlet's article to its original, and our own reporting to nothing outside", () => {
    const items = page().querySelectorAll('.coverage-list > li');
    expect(items[0]!.querySelector('a[rel~="external"]')!.getAttribute('href')).toBe('https://meridian.example/halvorsen-ransomware');
    expect(items[1]!.querySelector('a[rel~="external"]')!.getAttribute('href')).toBe('https://bulletin.example/akira-halvorsen');
    expect(items[2]!.querySelector('a[rel~="external"]')).toBeNull();
  });

  it('advertises its own RSS feed, which lists its articles newest first', () => {
    const feedPath = `${BASE}stories/${HALVORSEN[0]}/rss.xml`;
    expect(page().querySelector(`head link[rel="alternate"][type="application/rss+xml"][href="${feedPath}"]`)).not.toBeNull();
    expect(hrefs(page())).toContain(feedPath);
    const text = site.read(feedPath);
    expect(XMLValidator.validate(text)).toBe(true);
    const items = xml.parse(text).rss.channel.item as Array<{ link: string }>;
    expect(items.map((item) => item.link)).toEqual([...HALVORSEN].reverse().map((slug) => `${ORIGIN}${article(slug)}`));
  });

  it('describes itself to search engines as an ItemList of its NewsArticles', () => {
    const [data] = page().querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.textContent));
    expect(data['@type']).toBe('ItemList');
    expect(data.url).toBe(`${ORIGIN}${story(HALVORSEN[0]!)}`);
    expect(data.itemListElement.map((entry: { position: number; item: { '@type': string; url: string } }) => [entry.position, entry.item['@type'], entry.item.url])).toEqual(
      HALVORSEN.map((slug, index) => [index + 1, 'NewsArticle', `${ORIGIN}${article(slug)}`]),
    );
  });

  it('keeps drafts, scheduled pieces and articles kept out with story: false out of the other story', () => {
    const libvexa = site.html(`stories/${LIBVEXA[0]}/`);
    expect(hrefs(libvexa, '.coverage-list h2 a')).toEqual(LIBVEXA.map(article));
    expect(site.read(`stories/${LIBVEXA[0]}/rss.xml`)).not.toMatch(/DRAFTONLY|SCHEDULEDONLY|Draft Gazette|Embargo Daily|what-to-update/);
  });
});

describe('story cards', () => {
  const meta = (page: HTMLElement, key: string) => page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

  it('exist for each story and for no grouping that only unpublished articles would make', () => {
    expect(readdirSync(join(site.outDir, 'cards', 'stories')).sort()).toEqual([HALVORSEN[0], LIBVEXA[0]].map((slug) => `${slug}.png`).sort());
    for (const slug of UNPUBLISHED) expect(site.exists(`cards/${slug}.png`), slug).toBe(false);
  });

  it("are declared by each story page as its preview image and in its ItemList, a 1200 × 630 PNG telling the story's headline and outlets", () => {
    for (const slug of [HALVORSEN[0]!, LIBVEXA[0]!]) {
      const page = site.html(`stories/${slug}/`);
      const card = `${ORIGIN}${BASE}cards/stories/${slug}.png`;
      expect(meta(page, 'og:image'), slug).toBe(card);
      expect([meta(page, 'og:image:width'), meta(page, 'og:image:height'), meta(page, 'twitter:card')]).toEqual(['1200', '630', 'summary_large_image']);
      expect(meta(page, 'og:image:alt')).toContain(page.querySelector('h1')!.text);
      const [data] = page.querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.textContent));
      expect(data.image).toBe(card);
      const png = readFileSync(join(site.outDir, 'cards', 'stories', `${slug}.png`));
      expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(['PNG', 1200, 630]);
    }
    expect(meta(site.html(`stories/${HALVORSEN[0]}/`), 'og:image:alt')).toContain('3 outlets');
  });
});

describe('listings', () => {
  it('show a story once on the front page, as its lead with a line for the rest of its coverage', () => {
    const page = site.html('/desk/');
    const links = teaserLinks(page);
    expect(links.filter((href) => HALVORSEN.map(article).includes(href!))).toEqual([article(HALVORSEN[0]!)]);
    expect(links.filter((href) => LIBVEXA.map(article).includes(href!))).toEqual([article(LIBVEXA[0]!)]);
    for (const slug of ON_THEIR_OWN) expect(links).toContain(article(slug));
    const more = page.querySelectorAll('.story-more a').map((link) => [link.getAttribute('href'), squash(link.text)]);
    expect(more).toEqual([
      [story(LIBVEXA[0]!), 'and 1 more from Ops Weekly'],
      [story(HALVORSEN[0]!), 'and 2 more from Breach Bulletin and Newsdesk'],
    ]);
  });

  it("date a story's teaser by its lead and say when its latest coverage came, when another day, since the story stands by that", () => {
    const more = site.html('/desk/').querySelectorAll('.story-more').map((line) => [line.querySelector('a')!.getAttribute('href'), squash(line.text), line.querySelector('time')?.getAttribute('datetime')]);
    expect(more).toEqual([
      // Both of its articles came on Apr 3: the teaser's own date says it.
      [story(LIBVEXA[0]!), 'and 1 more from Ops Weekly', undefined],
      // The lead came on Apr 2; the story stands where our report of Apr 3 would.
      [story(HALVORSEN[0]!), 'and 2 more from Breach Bulletin and Newsdesk · latest Apr 3, 2026', '2026-04-03T08:00:00.000Z'],
    ]);
  });

  it('show a story once on a tag page too', () => {
    const links = teaserLinks(site.html('tags/security/'));
    expect(links.filter((href) => HALVORSEN.map(article).includes(href!))).toEqual([article(HALVORSEN[0]!)]);
    expect(links).toContain(article('st-brigids-ransomware'));
  });
});

describe('article pages', () => {
  it('list the rest of the story under "Coverage of this story", and Explore more offers other articles', () => {
    const page = site.html(`articles/${HALVORSEN[1]}/`);
    const coverage = page.querySelector('.coverage')!;
    expect(squash(coverage.querySelector('h2')!.text)).toBe('Coverage of this story');
    expect(hrefs(coverage, '.explore-list a')).toEqual([HALVORSEN[0], HALVORSEN[2]].map((slug) => article(slug!)));
    expect(hrefs(coverage, '.story-link a')).toEqual([story(HALVORSEN[0]!)]);
    const explore = hrefs(page, '[aria-labelledby="explore-more"] a');
    expect(explore.length).toBeGreaterThan(0);
    expect(explore.filter((href) => HALVORSEN.map(article).includes(href!))).toEqual([]);
  });

  it("mark an article in the story's coverage list that is in another language than the site's with its lang", () => {
    const links = site.html(`articles/${HALVORSEN[0]}/`).querySelectorAll('.coverage .explore-list a');
    expect(links.map((link) => link.getAttribute('lang'))).toEqual(['nb', undefined]);
  });

  it('of articles in no story have no coverage list', () => {
    for (const slug of ON_THEIR_OWN) expect(site.html(`articles/${slug}/`).querySelector('.coverage')).toBeNull();
  });
});

describe('nothing leaks from unpublished articles', () => {
  it('no page, feed, sitemap entry or search record names them', () => {
    for (const slug of UNPUBLISHED) expect(site.exists(`articles/${slug}/`)).toBe(false);
    const everything = ['stories/', `stories/${HALVORSEN[0]}/`, `stories/${LIBVEXA[0]}/`, '/desk/', 'rss.xml', 'sitemap-0.xml', `stories/${LIBVEXA[0]}/rss.xml`].map((path) => site.read(path)).join('\n');
    for (const word of ['DRAFTONLY', 'SCHEDULEDONLY', 'Draft Gazette', 'Embargo Daily', 'us-east-2 meltdown', ...UNPUBLISHED]) expect(everything).not.toContain(word);
  });
});

describe('discovery', () => {
  it('lists the stories index and each story in the sitemap', () => {
    const urls = (xml.parse(site.read('sitemap-0.xml')).urlset.url as Array<{ loc: string }>).map((entry) => entry.loc);
    expect(urls).toEqual(expect.arrayContaining([`${ORIGIN}${BASE}stories/`, `${ORIGIN}${story(HALVORSEN[0]!)}`, `${ORIGIN}${story(LIBVEXA[0]!)}`]));
  });

  it("gives each search result of a story's article the story's headline and page", () => {
    const records = new Map(site.searchIndex().map((record) => [record.url, readableMeta(record.meta)]));
    expect(records.get(`/articles/${HALVORSEN[2]}/`)).toMatchObject({ story: 'Ransomware attack halts Halvorsen Logistics shipping systems', story_url: story(HALVORSEN[0]!) });
    expect(records.get('/articles/marlin-router-flaw/')?.story).toBeUndefined();
    // The lead's headline is the story's: its result says, as its teaser does, what else covers it.
    expect(records.get(`/articles/${HALVORSEN[0]}/`)).toMatchObject({ story_more: 'and 2 more from Breach Bulletin and Newsdesk', story_url: story(HALVORSEN[0]!) });
    expect(records.get(`/articles/${HALVORSEN[0]}/`)?.story).toBeUndefined();
  });
});

describe('Astro on its own (astro build, astro dev): no content check hands it what the bodies say', () => {
  it('finds the same stories, related lists and reading times: every page as the full build made it', async () => {
    const alone = await buildSite({ contentDir: 'tests/fixtures/stories-site', basePath: BASE, siteUrl: ORIGIN, now: NOW, astroOnly: true });
    try {
      if (alone.exitCode !== 0) throw new Error(`astro build failed:\n${alone.stderr}\n${alone.stdout}`);
      const pages = (dir: string) => Object.fromEntries(Object.entries(siteFiles(dir)).filter(([path]) => path.endsWith('.html')));
      const built = pages(site.outDir);
      expect(Object.keys(built)).toContain(`stories/${HALVORSEN[0]}/index.html`);
      expect(pages(alone.outDir)).toEqual(built);
    } finally {
      alone.cleanup();
    }
  });
});

describe('in a browser (headless Chromium)', () => {
  const storyPages = ['stories/', `stories/${HALVORSEN[0]}/`, '', `articles/${HALVORSEN[1]}/`];

  it('story pages, and the listings and articles that show stories, have no serious axe violations in either scheme and fit a 360 px phone', async () => {
    const served = await serveSite(site.outDir, BASE);
    const browser = await launchChromium();
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ colorScheme, viewport: { width: 360, height: 740 } });
        for (const path of storyPages) {
          await page.goto(served.baseUrl + path);
          expect(await seriousViolations(page), `${path} (${colorScheme})`).toEqual([]);
          const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
          expect(scrollWidth, `${path} is ${scrollWidth} px wide`).toBeLessThanOrEqual(clientWidth);
        }
        await page.close();
      }
    } finally {
      await browser.close();
      await served.close();
    }
  });
});

describe('searched in a browser', () => {
  const served = useServedSite(() => site.outDir, BASE);

  /** The results for `query`, each as its link and the story line under it, if any, as the reader sees them. */
  async function search(query: string): Promise<Array<{ href: string | null; date: string; story: string; storyHref: string | null }>> {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 4000 } });
    try {
      return await Promise.all(
        (await searchResults(page, served.baseUrl, query)).map(async (result) => {
          const line = result.locator('.search-result-story');
          const hasLine = (await line.count()) > 0;
          return {
            href: await result.locator('.search-result-title a').getAttribute('href'),
            date: squash(await result.locator('.search-result-date').innerText()),
            story: hasLine ? squash(await line.innerText()) : '',
            storyHref: hasLine ? await line.locator('a').getAttribute('href') : null,
          };
        }),
      );
    } finally {
      await page.close();
    }
  }

  it("finds an outlet's own articles by its name, and none of another outlet that only its story's line names", async () => {
    // The Halvorsen story's lead is Meridian Wire's; its result says "and 2 more from Breach Bulletin and Newsdesk".
    const results = await search('Bulletin');
    // Each says whose it is, as the listings do.
    for (const result of results) expect(result.date, result.href ?? '').toMatch(/^\w{3} \d{1,2}, \d{4} · via Breach Bulletin$/);
    const found = results.map((result) => result.href);
    expect(found.toSorted()).toEqual(['halvorsen-akira-claims', 'libvexa-flaw-crafted-images', 'marlin-router-flaw', 'st-brigids-ransomware'].map(article));
    // Nor by the story's headline, which the other articles' results show: this one's own words never say "halts".
    expect((await search('halts')).map((result) => result.href)).not.toContain(article(HALVORSEN[2]!));
  });

  it("shows each result's story: the lead what else covers it, the others the story's headline, both linking to its page", async () => {
    const found = new Map((await search('Halvorsen ransomware')).map(({ href, date: _date, ...shown }) => [href, shown]));
    expect(found.get(article(HALVORSEN[0]!))).toEqual({ story: 'and 2 more from Breach Bulletin and Newsdesk', storyHref: story(HALVORSEN[0]!) });
    for (const slug of HALVORSEN.slice(1)) {
      expect(found.get(article(slug)), slug).toEqual({ story: 'Part of the story Ransomware attack halts Halvorsen Logistics shipping systems', storyHref: story(HALVORSEN[0]!) });
    }
    expect(found.get(article('halvorsen-restores-bookings'))).toEqual({ story: '', storyHref: null });
  });
});
