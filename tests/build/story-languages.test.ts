/**
 * Stories whose words are not all the site's, on a real build of tests/fixtures/story-languages: a story an editor
 * had a Hebrew report lead (an earlier English wire report and a later piece of ours with a lead picture join it),
 * and a story an editor made of two of our own reports.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { searchResults } from '../helpers/search-results.ts';
import { useServedSite } from '../helpers/serve.ts';

const HEBREW_HEADLINE = 'Google ו-AWS מתחרות על אזור ענן בתל אביב';
const HEBREW_DEK = 'החברות מבטיחות זמינות של 99.99% ללקוחות בישראל.';
/** Unicode's isolates around right-to-left words in plain text (src/lib/site/page-title.ts). */
const isolated = (text: string) => `\u2067${text}\u2069`;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/story-languages', now: '2026-12-01T00:00:00Z' });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());

describe('a story led by a Hebrew report on an English site', () => {
  const page = () => site.html('stories/hebrew-cloud-region/');
  const meta = (key: string) => page().querySelector(`meta[property="${key}"], meta[name="${key}"]`)!.getAttribute('content');

  it("marks the lead's headline and dek as Hebrew and leaves the site's own words English", () => {
    expect(page().querySelector('html')!.getAttribute('lang')).toBe('en');
    for (const selector of ['h1', '.story-header .dek']) {
      expect([page().querySelector(selector)!.getAttribute('lang'), page().querySelector(selector)!.getAttribute('dir')], selector).toEqual(['he', 'rtl']);
    }
    expect(page().querySelector('.story-summary')!.getAttribute('lang')).toBeUndefined();
    expect(squash(page().querySelector('.first-reported')!.text)).toBe('First reported by Meridian Wire');
  });

  it('is previewed as Hebrew when its link is shared, as its lead article is', () => {
    expect(meta('og:locale')).toBe('he_IL');
    expect(site.html('articles/hebrew-cloud-region/').querySelector('meta[property="og:locale"]')!.getAttribute('content')).toBe('he_IL');
  });

  it("describes itself with the lead's dek set apart from the site's English summary", () => {
    const description = `${isolated(HEBREW_DEK)} 3 articles from 2 outlets (Meridian Wire and Newsdesk) report this story.`;
    expect(meta('description')).toBe(description);
    expect(meta('og:description')).toBe(description);
  });

  it("titles its feed, where it is advertised and in the feed itself, with the headline set apart from the site's name", () => {
    const link = page().querySelector('head link[rel="alternate"][href="/stories/hebrew-cloud-region/rss.xml"]')!;
    expect(link.getAttribute('title')).toBe(`Newsdesk: ${isolated(HEBREW_HEADLINE)} (RSS)`);
    const channel = new XMLParser().parse(site.read('stories/hebrew-cloud-region/rss.xml')).rss.channel;
    expect(channel.title).toBe(`Newsdesk: ${isolated(HEBREW_HEADLINE)}`);
  });

  it('tells search engines the language of each of its articles', () => {
    const [data] = page().querySelectorAll('script[type="application/ld+json"]').map((script) => JSON.parse(script.textContent));
    const items = data.itemListElement.map((entry: { item: { headline: string; inLanguage: string } }) => [entry.item.headline, entry.item.inLanguage]);
    expect(items).toEqual([
      ['Google and AWS race to open Tel Aviv cloud regions', 'en'],
      [HEBREW_HEADLINE, 'he'],
      ['What the Tel Aviv cloud regions will cost', 'en'],
    ]);
  });
});

describe('a story an editor made of our own two reports', () => {
  it('is listed on the stories index, which does not claim that every story has more than one outlet', () => {
    const index = site.html('stories/');
    expect(index.querySelectorAll('.teaser-title a').map((link) => link.getAttribute('href'))).toContain('/stories/payments-outage/');
    const claims = [index.querySelector('.listing-intro')!.text, index.querySelector('meta[name="description"]')!.getAttribute('content')!];
    for (const claim of claims) expect(claim).not.toMatch(/outlet/);
  });

  it('names the one outlet rather than counting "1 outlets"', () => {
    expect(squash(site.html('stories/payments-outage/').querySelector('.story-summary')!.text)).toMatch(/^2 articles from Newsdesk report this story\. Latest /);
    expect(squash(site.html('articles/payments-outage/').querySelector('.coverage .story-link')!.text)).toBe('The whole story: 2 articles from 1 outlet');
  });
});

describe("a lead picture's alt text typed with straight quotes", () => {
  const alt = 'Racks in the “il-central-1” data hall, the provider’s newest';

  it('reads with the headline’s quotation marks on its page and beside its teaser on its writer’s page', () => {
    expect(site.html('articles/cloud-region-prices/').querySelector('.story-image img')!.getAttribute('alt')).toBe(alt);
    const teaser = site.html('authors/ingrid-berg/').querySelectorAll('.teaser').find((item) => item.text.includes('What the Tel Aviv cloud regions will cost'));
    expect(teaser?.querySelector('img')?.getAttribute('alt')).toBe(alt);
  });
});

describe('searched in a browser', () => {
  const served = useServedSite(() => site.outDir, '/');

  it("marks the story's Hebrew headline under another of its articles' results as Hebrew, running right to left", async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 2000 } });
    try {
      const results = await searchResults(page, served.baseUrl, 'Tel Aviv');
      const lines = await Promise.all(
        results.map(async (result) => {
          const link = result.locator('.search-result-story a');
          if ((await link.count()) === 0) return undefined;
          return { text: squash(await link.innerText()), lang: await link.getAttribute('lang'), dir: await link.getAttribute('dir') };
        }),
      );
      const headlines = lines.filter((line) => line?.text === HEBREW_HEADLINE);
      expect(headlines.length).toBeGreaterThan(0);
      for (const line of headlines) expect(line).toEqual({ text: HEBREW_HEADLINE, lang: 'he', dir: 'rtl' });
    } finally {
      await page.close();
    }
  });
});
