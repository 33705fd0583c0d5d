/**
 * Articles in other languages than the site's English, as a reader of theirs meets them, on a real build of
 * tests/fixtures/reader-locales: German, French (MDX), Italian (with pictures, which Astro renders itself) and Hebrew
 * articles, and an English one of long unbroken words.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { useServedSite } from '../helpers/serve.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/reader-locales', now: '2026-12-01T00:00:00Z' });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());
const served = useServedSite(() => site.outDir, '/');

async function open(path: string): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${served.baseUrl}${path}`);
  return page;
}

/** Where each of `characters` is drawn in `selector`'s text, from the left of the screen (the first of each). */
function leftOf(page: Page, selector: string, characters: string[]): Promise<number[]> {
  return page.locator(selector).evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const positions = new Map<string, number>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let index = 0; index < node.textContent!.length; index++) {
        const character = node.textContent![index]!;
        if (!wanted.includes(character) || positions.has(character)) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        positions.set(character, range.getBoundingClientRect().left);
      }
    }
    return wanted.map((character) => positions.get(character)!);
  }, characters);
}

/** The accessible names of an article's table regions, as screen readers announce them. */
const tableNames = (slug: string) => site.html(`articles/${slug}/`).querySelectorAll('.prose .table-scroll').map((region) => region.getAttribute('aria-label'));

describe('a table with neither caption nor heading before it', () => {
  it('is named in its article’s language, in Markdown, in MDX and in Markdown with pictures alike', () => {
    expect(tableNames('german-price-table')).toEqual(['Tabelle']);
    expect(tableNames('french-mdx-table')).toEqual(['Tableau']);
    expect(tableNames('italian-table-with-picture')).toEqual(['Tabella']);
    expect(tableNames('hebrew-cloud-region')).toEqual(['טבלה']);
  });
});

describe('the lead picture of an article in another language', () => {
  it('has its description marked as written in that language, on the article’s page and in its teaser', () => {
    const languageOfPicture = (image: ReturnType<BuiltSite['html']> | undefined) => image?.closest('[lang]')?.getAttribute('lang');
    expect(languageOfPicture(site.html('articles/italian-table-with-picture/').querySelector('.story-image img[alt="La gru sopra il cantiere"]')!)).toBe('it');
    const teaserPicture = site.html('').querySelectorAll('.teaser .thumbnail img').find((image) => image.getAttribute('alt') === 'La gru sopra il cantiere');
    expect(languageOfPicture(teaserPicture)).toBe('it');
  });
});

describe('a teaser’s tag list', () => {
  /** Each teaser's headline with its tag list's name, on the front page. */
  const teaserTagLabels = () =>
    new Map(site.html('').querySelectorAll('.teaser').map((teaser) => [teaser.querySelector('.teaser-title')!.text.trim(), teaser.querySelector('.tag-list')!.getAttribute('aria-label')]));

  it('is named in one language: the site’s English alone beside a headline in another', () => {
    const labels = teaserTagLabels();
    expect(labels.get('Strompreise für Rechenzentren steigen')).toBe('Tags');
    expect(labels.get('Google ו-AWS מתחרות על אזור ענן בתל אביב')).toBe('Tags');
  });

  it('is named after an English headline, which the site’s words can share a voice with', () => {
    const headline = site.html('articles/long-unbroken-words/').querySelector('h1')!.text.trim();
    expect(teaserTagLabels().get(headline)).toBe(`Tags for ${headline}`);
  });
});

describe('a Hebrew headline that starts with a brand name in Latin letters', () => {
  const headline = 'Google ו-AWS מתחרות על אזור ענן בתל אביב';

  it('runs right to left on its page, as its language does, not left to right as its first letter would have it', () => {
    const page = site.html('articles/hebrew-cloud-region/');
    expect(['h1', '.dek'].map((selector) => page.querySelector(`.story-header ${selector}`)!.getAttribute('dir'))).toEqual(['rtl', 'rtl']);
  });

  it('leads its page’s title, set apart from the site’s English name so that each keeps its order and the separator stays between them', () => {
    const page = site.html('articles/hebrew-cloud-region/');
    expect(page.querySelector('title')!.text).toBe(`\u2067${headline}\u2069 | Newsdesk`);
    // Link previews title it as it is: their locale says it is Hebrew.
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(headline);
    // Its social card's description too, which names the card's words in the site's English around it.
    expect(page.querySelector('meta[property="og:image:alt"]')!.getAttribute('content')).toContain(` · \u2067${headline}\u2069 · `);
  });

  it('runs right to left in its teaser and under “Explore more”', () => {
    const teaser = site.html('').querySelectorAll('.teaser').find((element) => element.querySelector('.teaser-title')!.text.trim() === headline)!;
    expect(teaser.querySelectorAll('.teaser-title, .teaser-dek').map((element) => element.getAttribute('dir'))).toEqual(['rtl', 'rtl']);
    const explore = site.html('articles/german-price-table/').querySelectorAll('.explore-list li').find((item) => item.querySelector('a')!.text.trim() === headline)!;
    expect(explore.querySelectorAll('a, p[lang]').map((element) => element.getAttribute('dir'))).toEqual(['rtl', 'rtl']);
  });

  it('runs right to left among search results, its excerpt too', async () => {
    const page = await open(`search/?q=${encodeURIComponent('מתחרות')}`);
    const result = page.locator('main .search-result').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.locator('a').innerText()).toBe(headline);
    const directions = await result.locator('.search-result-title, .search-result-excerpt').evaluateAll((elements) => elements.map((element) => getComputedStyle(element).direction));
    expect(directions).toEqual(['rtl', 'rtl']);
    await page.close();
  });

  it('leaves a headline whose language the article does not give to its first letter', () => {
    expect(site.html('articles/long-unbroken-words/').querySelector('h1')!.getAttribute('dir')).toBe('auto');
  });
});

describe('the body of an article in Hebrew', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('articles/hebrew-cloud-region/');
  });
  afterAll(() => page?.close());

  it('keeps an acronym’s mark straight as the editor typed it (המנכ"ל), not curled into a quotation mark', () => {
    expect(site.html('articles/hebrew-cloud-region/').querySelector('.prose blockquote')!.text).toContain('אמר המנכ"ל.');
  });

  it('shows a code block left to right, its line ending in its semicolon, as it was written', async () => {
    const [start, end] = await leftOf(page, '.prose pre code', ['c', ';']);
    expect(start).toBeLessThan(end!);
  });

  it('keeps code within a line in its own order: the parentheses after the function’s name', async () => {
    const [name, parenthesis] = await leftOf(page, '.prose p code:has-text("connect")', ['t', '(']);
    expect(name).toBeLessThan(parenthesis!);
  });

  it('sets a quote’s bar on the right, beside where its lines start, and its letters upright: Hebrew has no italic', async () => {
    const style = await page.locator('.prose blockquote').evaluate((quote) => {
      const { borderLeftWidth, borderRightWidth, fontStyle } = getComputedStyle(quote);
      return { borderLeftWidth, borderRightWidth, fontStyle };
    });
    expect(style).toEqual({ borderLeftWidth: '0px', borderRightWidth: '4px', fontStyle: 'normal' });
  });

  it('sets a table’s cells flush right, where a Hebrew line starts', async () => {
    // "10" sits under the wider "מחיר": which edge of its cell its text is drawn against.
    const gaps = await page.locator('.prose td', { hasText: '10' }).evaluate((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const text = range.getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      return { left: Math.round(text.left - box.left), right: Math.round(box.right - text.right) };
    });
    expect(gaps.right).toBeLessThan(gaps.left);
  });

  it('names a task list’s checkboxes by their items’ words, as a screen reader announces them', async () => {
    for (const name of ['לבדוק את הזמינות', 'לעבור לאזור החדש']) expect(await page.getByRole('checkbox', { name, exact: true }).count()).toBe(1);
  });

  it('puts a task list’s checkboxes on the right, before each item’s words', async () => {
    const sides = await page.locator('.prose li:has(input[type="checkbox"])').evaluateAll((items) =>
      items.map((item) => {
        const box = item.querySelector('input')!.getBoundingClientRect();
        const range = document.createRange();
        range.setStartAfter(item.querySelector('input')!);
        range.setEndAfter(item.lastChild!);
        return box.left > range.getBoundingClientRect().right ? 'right' : 'left';
      }),
    );
    expect(sides).toEqual(['right', 'right']);
  });
});
