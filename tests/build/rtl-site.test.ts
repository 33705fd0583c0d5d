/**
 * A site whose own language is written right to left: tests/fixtures/rtl-site built with `lang: 'he'` in
 * src/site.config.ts, as an editor of a Hebrew desk would set it. Every page says so, the layout is mirrored, an
 * article in English keeps its own direction, and the pages' own English words still read in order.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableMeta } from '../../src/lib/search/unsearchable-meta.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { useServedSite } from '../helpers/serve.ts';

/** Two teasers a page, so that three articles make a second and third page of the front page. */
const HEBREW_SITE = { lang: 'he', locale: 'he-IL', name: 'דסק החדשות', tagline: 'חדשות טכנולוגיה, עם מקורות', description: 'דסק החדשות עוקב אחרי ענן, תקשורת ופינטק.', pageSize: 2, sections: ['תשתיות', 'פינטק', 'ענן', 'תקשורת', 'שבבים'] };

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/rtl-site', now: '2026-12-01T00:00:00Z', siteConfig: HEBREW_SITE });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());

/** Every page of the site, relative to its root. */
function htmlPages(): string[] {
  return readdirSync(site.outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(site.outDir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('the built pages of a site in Hebrew', () => {
  it('are each marked as Hebrew, written right to left: articles, listings, tags, authors, sources, stories, search, the not-found page and a moved article’s', () => {
    const pages = htmlPages();
    for (const expected of ['index.html', 'page/2/index.html', 'articles/tel-aviv-cloud-region/index.html', 'articles/tel-aviv-region/index.html', 'tags/index.html', 'authors/index.html', 'sources/index.html', 'stories/index.html', 'stories/tel-aviv-cloud-region/index.html', 'search/index.html', '404.html']) {
      expect(pages).toContain(expected);
    }
    const roots = pages.map((path) => [path, site.read(path).match(/<html[^>]*>/i)?.[0]]);
    expect(roots.filter(([, root]) => root !== '<html lang="he" dir="rtl">')).toEqual([]);
  });

  it('give the feeds the site’s language', () => {
    expect(site.read('rss.xml')).toContain('<language>he</language>');
    expect(site.read('tags/תשתיות/rss.xml')).toContain('<language>he</language>');
    expect(JSON.parse(site.read('feed.json')).language).toBe('he');
  });

  it('mark an article in English as English, left to right, on its page and wherever it is listed; an article in Hebrew carries no mark', () => {
    const english = site.html('articles/chip-export-rules/');
    for (const selector of ['h1', '.dek', '.prose']) {
      expect([selector, english.querySelector(selector)!.getAttribute('lang'), english.querySelector(selector)!.getAttribute('dir')]).toEqual([selector, 'en', 'ltr']);
    }
    const teaser = site.html('page/2/').querySelectorAll('.teaser').find((element) => element.text.includes('Chip export rules'))!;
    expect(teaser.querySelector('.teaser-title')!.getAttribute('dir')).toBe('ltr');
    expect(teaser.querySelector('.teaser-dek')!.getAttribute('dir')).toBe('ltr');
    const explore = site.html('articles/tel-aviv-cloud-region/').querySelectorAll('.explore-list a').find((link) => link.text.startsWith('Chip'))!;
    expect([explore.text, explore.getAttribute('lang'), explore.getAttribute('dir')]).toEqual(['Chip export rules tighten again', 'en', 'ltr']);
    const hebrew = site.html('articles/tel-aviv-cloud-region/').querySelector('.prose')!;
    expect([hebrew.getAttribute('lang'), hebrew.getAttribute('dir')]).toEqual([undefined, undefined]);
  });

  it('set a Hebrew headline that opens with a brand name right to left on its page, in teasers and under “Explore more”', () => {
    const headlines = [
      site.html('articles/tel-aviv-cloud-region/').querySelector('h1')!,
      site.html('tags/ענן/').querySelector('.teaser-title')!,
      site.html('articles/chip-export-rules/').querySelectorAll('.explore-list a').find((link) => link.text.startsWith('Google'))!,
    ];
    expect(headlines.map((headline) => [headline.text, headline.getAttribute('dir')])).toEqual(headlines.map(() => ['Google ו-AWS מתחרות על אזור ענן בתל אביב', 'rtl']));
    // Its search result too; an English article's runs left to right, and one starting with Hebrew is left to its first letter.
    const dirs = Object.fromEntries(site.searchIndex().map((page) => [page.url, readableMeta(page.meta).dir]));
    expect(dirs).toEqual({ '/articles/tel-aviv-cloud-region/': 'rtl', '/articles/chip-export-rules/': 'ltr', '/articles/fibre-to-villages/': undefined, '/articles/bank-outage/': undefined, '/articles/sensor-network/': undefined, '/articles/region-prices-follow-up/': undefined });
  });

  it('point the pagination’s arrows the way the page runs: Newer at the right points right, Older at the left points left', () => {
    const pagination = site.html('page/2/').querySelector('.pagination')!;
    expect(pagination.querySelector('a[rel="prev"]')!.text).toBe('→ Newer');
    expect(pagination.querySelector('a[rel="next"]')!.text).toBe('Older ←');
  });

  it('set the pages’ own English words apart where they start with a number or end in punctuation', () => {
    const readingTime = site.html('articles/tel-aviv-cloud-region/').querySelector('.dates span[dir="ltr"]')!;
    expect([readingTime.text, readingTime.getAttribute('lang')]).toEqual(['1 min read', 'en']);
    expect(site.html('').querySelector('.fine-print span[dir="ltr"]')!.text).toBe('Aggregated stories link to and credit their original publishers.');
    expect(site.html('tags/תשתיות/').querySelector('.listing-intro span[dir="ltr"]')!.text).toBe('3 articles');
    const moved = site.html('articles/tel-aviv-region/').querySelector('body p span')!;
    expect([moved.text, moved.getAttribute('lang'), moved.getAttribute('dir')]).toEqual(['This article has moved to Google ו-AWS מתחרות על אזור ענן בתל אביב.', 'en', 'ltr']);
  });
});

const served = useServedSite(() => site.outDir, '/');
const widths = [320, 1280];

async function open(path: string, width: number): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${served.baseUrl}${path}`);
  return page;
}

/** Where an element's text sits in its box: flush with its right edge, its left, or neither (centred, or filling it). */
function textEdge(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const [box, text] = [element.getBoundingClientRect(), range.getBoundingClientRect()];
    const [left, right] = [Math.abs(text.left - box.left) < 2, Math.abs(box.right - text.right) < 2];
    return left && right ? 'both' : right ? 'right' : left ? 'left' : 'neither';
  });
}

/** The left edge of where `words` are shown inside the first element matching `selector`. */
function leftOfWords(page: Page, selector: string, words: string): Promise<number> {
  return page.locator(selector).first().evaluate((element, words) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(words);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      return range.getBoundingClientRect().left;
    }
    throw new Error(`no "${words}" in ${element.outerHTML}`);
  }, words);
}

describe('the pages of a site in Hebrew, in Chromium', () => {
  it.each(widths)('fit the screen without sideways scrolling at %i px', async (width) => {
    const page = await open('', width);
    const overflowing: string[] = [];
    for (const path of ['', 'page/2/', 'articles/tel-aviv-cloud-region/', 'articles/chip-export-rules/', 'tags/', 'tags/ענן/', 'authors/', 'sources/', 'stories/', 'stories/tel-aviv-cloud-region/', 'search/', '404.html']) {
      await page.goto(`${served.baseUrl}${path}`);
      if (await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)) overflowing.push(path);
    }
    expect(overflowing).toEqual([]);
    await page.close();
  });

  it.each(widths)('mirror the header at %i px: the site’s name at the right, the sections running leftwards from it', async (width) => {
    const page = await open('', width);
    const inner = (await page.locator('.site-header-inner').boundingBox())!;
    const padding = await page.locator('.site-header-inner').evaluate((element) => parseFloat(getComputedStyle(element).paddingRight));
    expect(await textEdge(page, '.site-name')).toBe('right');
    const name = (await page.locator('.site-name a').boundingBox())!;
    expect(Math.abs(inner.x + inner.width - padding - (name.x + name.width))).toBeLessThan(2);
    const links = await page.locator('.site-nav a').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().left));
    expect(links).toEqual([...links].sort((a, b) => b - a));
    await page.close();
  });

  it.each(widths)('set an article in Hebrew from the right and one in English from the left, with the byline and dates at the right, at %i px', async (width) => {
    const page = await open('articles/tel-aviv-cloud-region/', width);
    for (const selector of ['.kicker', '.prose p', '.byline']) expect([selector, await textEdge(page, selector)]).toEqual([selector, expect.stringMatching(/right|both/)]);
    // The reading time, English inside the Hebrew dates line, still reads "1 min read", not "min read 1".
    expect(await leftOfWords(page, '.dates', '1 min')).toBeLessThan(await leftOfWords(page, '.dates', 'min read'));
    // The wide table scrolls in its own region, from its first column at the right.
    const region = await page.locator('.table-scroll').evaluate((element) => {
      const [box, table] = [element.getBoundingClientRect(), element.querySelector('table')!.getBoundingClientRect()];
      return { scrolls: element.scrollWidth > element.clientWidth, rightAligned: Math.abs(box.right - table.right) < 2 };
    });
    expect(region.rightAligned).toBe(true);
    if (width === 320) expect(region.scrolls).toBe(true);
    await page.goto(`${served.baseUrl}articles/chip-export-rules/`);
    for (const selector of ['h1', '.prose p']) expect([selector, await textEdge(page, selector)]).toEqual([selector, expect.stringMatching(/left|both/)]);
    expect(await textEdge(page, '.byline')).toBe('right');
    await page.close();
  });

  it.each(widths)('put Newer at the right of the pagination and Older at the left, each arrow at its outer end, at %i px', async (width) => {
    const page = await open('page/2/', width);
    const newer = (await page.locator('a[rel="prev"]').boundingBox())!;
    const older = (await page.locator('a[rel="next"]').boundingBox())!;
    expect(newer.x).toBeGreaterThan(older.x + older.width);
    expect(await leftOfWords(page, 'a[rel="prev"]', '→')).toBeGreaterThan(await leftOfWords(page, 'a[rel="prev"]', 'Newer'));
    expect(await leftOfWords(page, 'a[rel="next"]', '←')).toBeLessThan(await leftOfWords(page, 'a[rel="next"]', 'Older'));
    await page.close();
  });

  it.each(widths)('put a teaser’s picture at the left, where its headline’s link still covers it, at %i px', async (width) => {
    const page = await open('tags/ענן/', width);
    const teaser = (await page.locator('.teaser').boundingBox())!;
    const picture = (await page.locator('.thumbnail').boundingBox())!;
    expect(Math.abs(picture.x - teaser.x)).toBeLessThan(2);
    const covering = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.getAttribute('href'), [picture.x + picture.width / 2, picture.y + picture.height / 2]);
    expect(covering).toBe('/articles/tel-aviv-cloud-region/');
    await page.close();
  });

  it('keeps the phone header’s sections in one row that scrolls leftwards, shaded at the end that has more links', async () => {
    const page = await open('', 320);
    const row = page.locator('.site-nav ul');
    expect(await row.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    /** How much darker than the page the row's outermost pixels are, at its left and its right. */
    const shading = async () => {
      const { data, info } = await sharp(await row.screenshot()).raw().toBuffer({ resolveWithObject: true });
      const y = Math.floor(info.height / 2);
      const darkness = (x: number) => 255 - data[(y * info.width + x) * info.channels]!;
      return { left: darkness(0), right: darkness(info.width - 1) };
    };
    const atStart = await shading();
    expect(atStart.left).toBeGreaterThan(10);
    expect(atStart.right).toBeLessThan(3);
    await row.evaluate((element) => element.scrollTo({ left: -element.scrollWidth, behavior: 'instant' }));
    const atEnd = await shading();
    expect(atEnd.right).toBeGreaterThan(10);
    expect(atEnd.left).toBeLessThan(3);
    await page.close();
  });

  it.each([
    ['search/', '.listing-intro'],
    ['stories/tel-aviv-cloud-region/', '.story-summary'],
    ['sources/', '.listing-intro'],
    ['404.html', 'main p'],
    ['', '.fine-print'],
  ])('ends the English sentence of %s %s with its full stop, not starts it', async (path, selector) => {
    const page = await open(path, 1280);
    // The sentence's last "." is shown right of the word before it, as in English, not at the sentence's left.
    const [word, stop] = await page.locator(selector).first().evaluate((element) => {
      const sentence = [...element.querySelectorAll('[dir="ltr"]')].at(-1)!;
      const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
      const characters: Array<[Node, number]> = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let at = 0; at < node.textContent!.length; at++) if (node.textContent![at]!.trim()) characters.push([node, at]);
      }
      const left = ([node, at]: [Node, number]) => {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect().left;
      };
      return [left(characters.at(-2)!), left(characters.at(-1)!)];
    });
    expect(stop).toBeGreaterThan(word!);
    await page.close();
  });
});
