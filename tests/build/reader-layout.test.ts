/**
 * What a reader sees of content at the edges, measured in Chromium on a real build of tests/fixtures/reader-edges:
 * a lead picture far taller than wide, an article written in Arabic, a round-up with a long byline, many tags
 * and an outlet with a long name, updated later the day it was published, and a dek near the longest allowed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { useServedSite } from '../helpers/serve.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/reader-edges', now: '2026-12-01T00:00:00Z' });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());
const served = useServedSite(() => site.outDir, '/');

const viewports = [{ width: 360, height: 740 }, { width: 1280, height: 900 }];

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await served.browser.newPage({ viewport });
  await page.goto(`${served.baseUrl}${path}`);
  return page;
}

describe('a lead picture 40 px wide and 3,000 px tall', () => {
  it.each(viewports)('stays within the screen’s height at $width px, keeping its shape, so the story starts below it', async (viewport) => {
    const page = await open('articles/tall-lead-picture/', viewport);
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    const picture = await page.locator('.story-image img').boundingBox();
    expect(picture!.height).toBeLessThanOrEqual(viewport.height);
    // Narrowed to keep its shape, not letterboxed in a box as wide as the column, whose sides would show its ground.
    const shape = await page.locator('.story-image img').evaluate((image: HTMLImageElement) => image.naturalWidth / image.naturalHeight);
    expect(picture!.width / picture!.height).toBeCloseTo(shape, 2);
    await page.close();
  });
});

describe('an article written in Arabic', () => {
  it.each(viewports)('sets each block of its body in the direction of its own language at $width px', async (viewport) => {
    const page = await open('articles/arabic-body/', viewport);
    // Which edge of its block the text is flush with: a right-to-left paragraph starts at the right.
    const blocks = await page.locator('.prose :is(p, h2, li)').evaluateAll((elements) =>
      elements.map((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const text = range.getBoundingClientRect();
        return [element.textContent, Math.abs(element.getBoundingClientRect().right - text.right) < 2 ? 'right' : 'left'];
      }),
    );
    expect(blocks).toEqual([
      ['تستثمر الحكومات في مراكز البيانات.', 'right'],
      [expect.stringMatching(/^وتقول الشركات/), 'right'],
      ['ما الذي تغير؟', 'right'],
      ['مراكز بيانات جديدة.', 'right'],
      // Arabic that opens with a company's name is still Arabic.
      ['Nvidia تبيع رقائقها في المنطقة.', 'right'],
      ['OpenAI تفتح مكتبا في دبي.', 'right'],
      ['Reporting by the Newsdesk staff in Dubai.', 'left'],
    ]);
    await page.close();
  });

  it('marks its headline, dek and body as Arabic, and only those: the byline and dates around them are the site’s English', async () => {
    const page = await open('articles/arabic-body/', viewports[1]!);
    const languages = await page.locator('.story :is(h1, .dek, .prose, .byline, .dates)').evaluateAll((elements) =>
      elements.map((element) => [element.className || element.localName, element.closest('[lang]')!.getAttribute('lang')]),
    );
    expect(languages).toEqual([['h1', 'ar'], ['dek', 'ar'], ['byline', 'en'], ['dates', 'en'], ['prose', 'ar']]);
    expect(await page.locator('.prose').getAttribute('dir')).toBe('rtl');
    await page.close();
  });

  it('tells search engines, in its structured data, that it is in Arabic', () => {
    const jsonLd = site.html('articles/arabic-body/').querySelector('script[type="application/ld+json"]')!;
    expect(JSON.parse(jsonLd.text)).toMatchObject({ '@type': 'NewsArticle', inLanguage: 'ar' });
  });

  it('is previewed as Arabic when its link is shared, where the site’s other pages say English', () => {
    const locale = (path: string) => site.html(path).querySelector('meta[property="og:locale"]')!.getAttribute('content');
    expect(locale('articles/arabic-body/')).toMatch(/^ar_[A-Z]{2}$/);
    expect(locale('articles/tall-lead-picture/')).toBe('en_US');
  });

  it('puts the bullet of each list item on the right, where an Arabic line starts', async () => {
    const page = await open('articles/arabic-body/', viewports[1]!);
    // An outside marker sits at the start edge of its list: the right one when the list runs right to left.
    const direction = await page.locator('.prose ul').evaluate((list) => getComputedStyle(list).direction);
    expect(direction).toBe('rtl');
    await page.close();
  });

  it('marks its teaser on the front page as Arabic', async () => {
    const page = await open('', viewports[1]!);
    const teaser = page.locator('.teaser', { hasText: 'الذكاء الاصطناعي في الشرق الأوسط' });
    expect(await teaser.locator('.teaser-title, .teaser-dek').evaluateAll((elements) => elements.map((element) => element.getAttribute('lang')))).toEqual(['ar', 'ar']);
    await page.close();
  });

  it('names its writers in the byline in the order the article gives them, each name kept whole', async () => {
    const page = await open('articles/arabic-body/', viewports[1]!);
    // Two right-to-left names with only a comma between them would run together as one, shown in reverse order.
    const names = await page.locator('.byline a').evaluateAll((links) =>
      links.map((link) => ({ name: link.textContent, left: Math.round(link.getBoundingClientRect().left) })),
    );
    expect(names.map(({ name }) => name)).toEqual(['أحمد علي', 'דוד כהן', 'Sara Levi']);
    expect(names.map(({ left }) => left)).toEqual(names.map(({ left }) => left).sort((a, b) => a - b));
    await page.close();
  });

  it('lists its headline and excerpt right to left among search results', async () => {
    // A word far into the body: the excerpt around it starts in Arabic, not with the English "By" of the byline.
    const page = await open(`search/?q=${encodeURIComponent('الرقمية')}`, viewports[1]!);
    const result = page.locator('main .search-result').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.locator('a').innerText()).toBe('الذكاء الاصطناعي في الشرق الأوسط');
    const directions = await result.locator('.search-result-title, .search-result-excerpt').evaluateAll((elements) =>
      elements.map((element) => getComputedStyle(element).direction),
    );
    expect(directions).toEqual(['rtl', 'rtl']);
    await page.close();
  });
});

describe('on a 320 px screen, the narrowest WCAG asks a page to reflow to', () => {
  it('no page scrolls sideways, the search page with its outlet menu (an outlet with a long name) included', async () => {
    const page = await served.browser.newPage({ viewport: { width: 320, height: 640 } });
    const wide: string[] = [];
    const pagePaths = ['', 'articles/week-in-review/', 'articles/arabic-body/', 'tags/', 'authors/', 'sources/', 'search/?q=week'];
    for (const path of pagePaths) {
      await page.goto(`${served.baseUrl}${path}`);
      if (path.startsWith('search/')) {
        await page.locator('[data-search-choices]').waitFor({ state: 'visible', timeout: 15_000 });
        // Measured with the result drawn, whose line names the outlet too: before it, whether it fits depends on when.
        await page.locator('main .search-result').first().waitFor({ timeout: 15_000 });
      }
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      if (scrollWidth > clientWidth) wide.push(`${path || 'front page'} is ${scrollWidth} px wide`);
    }
    expect(wide).toEqual([]);
    await page.close();
  });
});

describe('Explore more', () => {
  it.each(viewports)('sets an Arabic headline flush right, as its summary is, at $width px', async (viewport) => {
    const page = await open('articles/week-in-review/', viewport);
    const entry = page.locator('.explore-list li', { hasText: 'الذكاء الاصطناعي في الشرق الأوسط' });
    // Which edge of the list the text of the headline and of the summary ends at: an Arabic line starts at the right.
    const edges = await entry.locator('a, p[lang]').evaluateAll((elements) =>
      elements.map((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const text = range.getBoundingClientRect();
        const list = element.closest('li')!.getBoundingClientRect();
        return Math.abs(list.right - text.right) < 2 ? 'right' : 'left';
      }),
    );
    expect(edges).toEqual(['right', 'right']);
    await page.close();
  });
});

describe('a dek of nearly 1,000 characters', () => {
  const wholeDek = () => site.html('articles/long-dek/').querySelector('.story .dek')!.text;
  /** How many lines of its text a dek takes on the screen, and the text the page holds. */
  const shown = (page: Page, selector: string) =>
    page.locator(selector).evaluate((element) => ({
      lines: Math.round(element.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(element).lineHeight)),
      text: element.textContent,
    }));
  const teaserDek = '.teaser:has(.teaser-title a[href="/articles/long-dek/"]) .teaser-dek';

  it('is in the listings’ HTML whole, for screen readers, search engines and browsers that cannot cut it short', () => {
    for (const path of ['', 'tags/compute-crunch/']) {
      expect(site.html(path).querySelector(teaserDek)?.text, path || 'front page').toBe(wholeDek());
    }
  });

  it.each(viewports)('shows three lines in listings, under the lead picture and beside a thumbnail, and all of it on its page, at $width px', async (viewport) => {
    expect(wholeDek().length).toBeGreaterThan(900);
    // The front page's top story, its picture wide above it.
    const page = await open('', viewport);
    expect(await page.locator('.teaser-lead .teaser-title').innerText()).toBe('Who pays when AI runs short of chips, cloud and power');
    expect(await shown(page, teaserDek)).toEqual({ lines: 3, text: wholeDek() });
    await page.goto(`${served.baseUrl}tags/compute-crunch/`);
    expect(await page.locator('.teaser.has-thumbnail').count()).toBe(1);
    expect(await shown(page, teaserDek)).toEqual({ lines: 3, text: wholeDek() });
    await page.goto(`${served.baseUrl}articles/long-dek/`);
    expect((await shown(page, '.story .dek')).lines).toBeGreaterThan(6);
    await page.close();
  });
});

describe('an article updated later the day it was published', () => {
  it('gives the time of both, where the two dates alone would read the same', () => {
    const dates = site.html('articles/week-in-review/').querySelector('.story-meta .dates')!;
    expect(dates.text.replace(/\s+/g, ' ').trim()).toBe('Published Nov 22, 2026, 9:00 AM UTC · Updated Nov 22, 2026, 3:30 PM UTC · 1 min read');
  });
});

describe('a round-up with twelve tags', () => {
  const tagsOf = (element: ReturnType<BuiltSite['html']> | null) => element?.querySelectorAll('.tag-list a').map((link) => link.text.trim());

  it('shows its first three tags on its teaser, in the editor’s order, and every one on its own page', () => {
    const teaser = site.html('').querySelectorAll('.teaser').find((element) => element.querySelector('.teaser-title a')?.getAttribute('href') === '/articles/week-in-review/');
    expect(tagsOf(teaser ?? null)).toEqual(['AI', 'Semiconductors', 'Regulation']);
    expect(tagsOf(site.html('articles/week-in-review/').querySelector('.story-footer'))).toEqual([
      'AI', 'Semiconductors', 'Regulation', 'Cloud', 'Europe', 'Japan', 'Supply Chains', 'Export Controls', 'Data Centers', 'Energy', 'Policy', 'Markets',
    ]);
  });
});
