/**
 * Search across languages, built for real from tests/fixtures/search-languages with parts of at most three
 * articles: part 2026-08 holds an English article and a Chinese one (zh-Hans), the newest, 2026-09, a Japanese one
 * and two English ones; every one is tagged "Asia". Chinese and Japanese text runs its words together; each is
 * indexed in its own language (src/lib/search/search-language.ts) and searched in the browser beside the English.
 * One English article names C# and .NET, the other only the language C and a network: terms Pagefind would read
 * as "c" and "net" (src/lib/search/symbol-terms.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { searchResults } from '../helpers/search-results.ts';
import { useServedSite } from '../helpers/serve.ts';

const NOW = '2026-10-01T00:00:00Z';
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/search-languages', now: NOW, env: { NEWSDESK_SEARCH_PART_ARTICLES: '3' } });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stdout}\n${site.stderr}`);
});

afterAll(() => site?.cleanup());

const languages = (folder: string) => Object.keys(JSON.parse(readFileSync(join(site.outDir, 'pagefind', folder, 'pagefind-entry.json'), 'utf8')).languages).sort();

describe('an index per language Pagefind splits into words', () => {
  it('indexes Chinese and Japanese articles in their language, in their part, and every other in English', () => {
    expect(languages('')).toEqual(['en', 'ja']);
    expect(languages('parts/2026-08')).toEqual(['en', 'zh']);
  });

  it('lists every language of every part for the search page to merge, but the one Pagefind loads first', () => {
    const merged = JSON.parse(site.html('search/').querySelector('.search-panel')!.getAttribute('data-merged-indexes')!);
    expect(merged).toEqual([
      { bundlePath: '/pagefind/./', language: 'ja' },
      { bundlePath: '/pagefind/parts/2026-08/', language: 'en' },
      { bundlePath: '/pagefind/parts/2026-08/', language: 'zh' },
    ]);
  });
});

describe('searched in a browser', () => {
  const served = useServedSite(() => site.outDir, '/');

  /** The results for `query`, each as its link and its excerpt, once Pagefind says how many it found. */
  async function search(page: Page, query: string, order = 'best'): Promise<Array<{ href: string | null; excerpt: string }>> {
    return Promise.all(
      (await searchResults(page, served.baseUrl, query, order)).map(async (result) => ({
        href: await result.locator('.search-result-title a').getAttribute('href'),
        excerpt: await result.locator('.search-result-excerpt').innerHTML(),
      })),
    );
  }

  it('finds a word from the middle of a Japanese or Chinese sentence, and marks it in an excerpt that reads as the text', async () => {
    const page = await served.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    expect(await search(page, '半導体')).toEqual([{ href: '/articles/chip-export-rules-ja/', excerpt: expect.stringContaining('日本は<mark>半導体</mark>の輸出を規制する方針を発表した。') }]);
    expect(await search(page, '許可')).toEqual([{ href: '/articles/chip-export-rules-ja/', excerpt: expect.stringContaining('<mark>許可</mark>') }]);
    expect(await search(page, '半导体')).toEqual([{ href: '/articles/chip-export-controls-zh/', excerpt: expect.stringContaining('中国的<mark>半导体</mark>出口管制政策今天公布') }]);
    // Latin words in them too, such as their tag, though their index is searched with the site language's stemmer.
    expect((await search(page, 'chips')).map((result) => result.href).sort()).toEqual(['/articles/chip-export-controls-zh/', '/articles/chip-export-rules-ja/']);
    // And a word the site's stemmer spells otherwise than its start ("industry" is searched as "industri").
    expect((await search(page, 'industry')).map((result) => result.href)).toContain('/articles/chip-export-rules-ja/');
    expect((await search(page, 'Supply')).map((result) => result.href)).toContain('/articles/chip-export-controls-zh/');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('marks the headline and excerpt of a result in another language than the site’s with that language, as its teasers are', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 4000 } });
    const languages = await Promise.all(
      (await searchResults(page, served.baseUrl, 'asia', 'newest')).map((result) =>
        result.evaluate((element) => [element.querySelector('.search-result-title a')!.getAttribute('href'), element.querySelector('.search-result-title')!.getAttribute('lang'), element.querySelector('.search-result-excerpt')!.getAttribute('lang')]),
      ),
    );
    expect(languages).toEqual([
      ['/articles/embedded-compilers/', null, null],
      ['/articles/runtime-release/', null, null],
      ['/articles/chip-export-rules-ja/', 'ja', 'ja'],
      ['/articles/chip-export-controls-zh/', 'zh-Hans', 'zh-Hans'],
      ['/articles/cloud-bill-audit/', null, null],
    ]);
    // The front page marks their teasers alike.
    expect(site.html('').querySelector('a[href="/articles/chip-export-rules-ja/"]')!.closest('[lang]')!.getAttribute('lang')).toBe('ja');
    await page.close();
  });

  it('finds English words as before, each article once', async () => {
    const page = await served.browser.newPage();
    const found = await search(page, 'the');
    expect(found.map((result) => result.href).sort()).toEqual(['/articles/cloud-bill-audit/', '/articles/embedded-compilers/', '/articles/runtime-release/']);
    expect((await search(page, 'servers')).map((result) => result.href)).toEqual(['/articles/cloud-bill-audit/']);
    await page.close();
  });

  it("finds a tag only Chinese and Japanese articles carry in them alone, not in an English article by a lone \"C\"", async () => {
    const page = await served.browser.newPage();
    // The English index of each part has no word beginning "chip", and Pagefind would search it for "c" instead.
    for (const order of ['best', 'newest']) {
      expect((await search(page, 'Chips', order)).map((result) => result.href).sort(), order).toEqual(['/articles/chip-export-controls-zh/', '/articles/chip-export-rules-ja/']);
    }
    await page.close();
  });

  it('finds a Latin word in the Chinese and Japanese articles only where they hold it, not by a shorter word', async () => {
    const page = await served.browser.newPage();
    // No article has a word beginning "asian"; every one is tagged "Asia", which Pagefind would search instead.
    for (const order of ['best', 'newest']) expect(await search(page, 'Asians', order), order).toEqual([]);
    // Their Latin words are read apart from the text around them: a tag they alone carry still finds them.
    expect((await search(page, 'Industry Asia')).map((result) => result.href)).toEqual(['/articles/chip-export-rules-ja/']);
    await page.close();
  });

  it('puts results newest first across parts and across the languages of one part', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 4000 } });
    // Every article carries the tag "Asia"; in the older part the Chinese article is the newer, in the newest the Japanese the older.
    const found = await search(page, 'asia', 'newest');
    expect(found.map((result) => result.href)).toEqual(
      ['embedded-compilers', 'runtime-release', 'chip-export-rules-ja', 'chip-export-controls-zh', 'cloud-bill-audit'].map((slug) => `/articles/${slug}/`),
    );
    await page.close();
  });

  it('finds C#, C++, F# and .NET only where an article names them, not every article with a lone "c" or "net", and keeps the query as typed', async () => {
    const page = await served.browser.newPage();
    for (const query of ['C#', 'c#', '.NET', 'C# .NET']) expect((await search(page, query)).map((result) => result.href), query).toEqual(['/articles/runtime-release/']);
    // Named by no article: found nowhere, though one article has a lone "C".
    for (const query of ['C++', 'F#']) expect(await search(page, query), query).toEqual([]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('F#');
    expect(await page.locator('main pagefind-summary').innerText()).toContain('F#');
    expect(await page.locator('main pagefind-input input').inputValue()).toBe('F#');
    // A lone letter is still a word of its own.
    expect((await search(page, 'C')).map((result) => result.href)).toContain('/articles/embedded-compilers/');
    await page.close();
  });
});
