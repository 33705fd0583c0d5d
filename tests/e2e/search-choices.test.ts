// A reader on the search page narrowing the results to one outlet or putting them newest first, then sharing the link;
// the query named in the tab, and a submitted search kept in the history.
import { describe, expect, it } from 'vitest';
import { listingOf } from '../../src/io/article-listing.ts';
import { readSourcesFile } from '../../src/io/read-sources.ts';
import { searchOutlet } from '../../src/lib/search/search-choices.ts';
import { buildSourceIndex } from '../../src/lib/site/sources.ts';
import { siteConfig } from '../../src/site.config.ts';
import { bodyOnlyWord, builtArticles } from './built-site.ts';
import { SearchPage } from './pages/search-page.ts';
import { site, useBrowser } from './support.ts';

const browser = useBrowser();
const CONTENT = 'content/articles';
/** Results are shown as many at a time as a listing page holds. */
const AT_ONCE = siteConfig.pageSize;

/** The first results are `expected`'s first, and "Show more results" brings the rest, in order. */
async function showsInTurn(search: SearchPage, expected: string[]): Promise<void> {
  await expect.poll(() => search.resultPaths(), { timeout: 15_000 }).toEqual(expected.slice(0, AT_ONCE));
  expect(await search.allResultPaths(expected.length, AT_ONCE)).toEqual(expected);
}

/** Each built article's outlet, as its page names it (the registry's name, the site's name for its own reporting). */
function outlets(): Map<string, string> {
  const published = listingOf(undefined, CONTENT, new Date(), siteConfig.storyWindowHours).articles;
  const { sourceOf } = buildSourceIndex(readSourcesFile('content/sources.yaml', 'content/sources.yaml').sources, published);
  return new Map(published.map((article) => [`${site.basePath}articles/${encodeURIComponent(article.slug)}/`, searchOutlet(article, sourceOf, siteConfig.name)]));
}

/** The tag most articles carry: a query that matches several articles, from several outlets. */
function commonestTag(): { query: string; tagged: number } {
  const counts = new Map<string, number>();
  for (const slug of builtArticles().flatMap((article) => article.tagSlugs)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const [query, tagged] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return { query, tagged };
}

/** The search page, tall enough for Pagefind to draw every result shown, searched for `query` as a reader types it; with how many results it says it found. */
async function searchFor(query: string) {
  const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 6000 } });
  const search = new SearchPage(page);
  await search.goto();
  await search.searchBox.fill(query);
  await expect.poll(() => search.summary.innerText(), { timeout: 15_000 }).toMatch(/^\d+ results/);
  const found = Number(/^(\d+)/.exec(await search.summary.innerText())![1]);
  await expect.poll(() => search.resultPaths(), { timeout: 15_000 }).toHaveLength(Math.min(found, AT_ONCE));
  return { page, problems, search, found };
}

describe('choosing the outlet of search results', () => {
  it('shows one outlet only, a reload of the address keeps the choice, and all outlets come back', async () => {
    const outletOf = outlets();
    const { query } = commonestTag();
    const { page, problems, search, found } = await searchFor(query);
    const everyOutlet = await search.allResultPaths(found, AT_ONCE);
    expect(everyOutlet).toHaveLength(found);
    expect(await search.outlet.inputValue()).toBe('');

    // An outlet with some of the results but not all: its results, in the same order.
    const byOutlet = Map.groupBy(everyOutlet, (path) => outletOf.get(path)!);
    const [outlet, expected] = [...byOutlet].filter(([, paths]) => paths.length < everyOutlet.length).sort((a, b) => b[1].length - a[1].length)[0]!;
    await search.outlet.selectOption(outlet);
    await showsInTurn(search, expected);

    const address = new URL(page.url());
    expect([address.searchParams.get('q'), address.searchParams.get('outlet')]).toEqual([query, outlet]);
    await page.reload();
    await showsInTurn(search, expected);
    expect([await search.searchBox.inputValue(), await search.outlet.inputValue()]).toEqual([query, outlet]);

    // Back to every outlet: the link is plain again.
    await search.outlet.selectOption({ label: 'All outlets' });
    await showsInTurn(search, everyOutlet);
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(['q']);
    expect(problems.errors).toEqual([]);
  });

  it('says what to try when nothing is found, and offers to search every outlet when one is chosen', async () => {
    const outletOf = outlets();
    const { page, problems, search, found } = await searchFor(bodyOnlyWord().word);
    const everyOutlet = await search.allResultPaths(found, AT_ONCE);
    const hint = page.locator('main [data-search-none]');
    expect(await hint.isVisible()).toBe(false);
    // An outlet none of the results is from: nothing found there.
    const elsewhere = [...new Set(outletOf.values())].find((outlet) => !everyOutlet.some((path) => outletOf.get(path) === outlet))!;
    await search.outlet.selectOption(elsewhere);
    await expect.poll(() => search.summary.innerText(), { timeout: 15_000 }).toMatch(/^No results/);
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.getByRole('link', { name: 'every tag' }).getAttribute('href')).toBe(`${site.basePath}tags/`);
    // Dropping the outlet finds them again.
    await hint.getByRole('button', { name: 'search every outlet' }).click();
    await showsInTurn(search, everyOutlet);
    expect(await hint.isVisible()).toBe(false);
    expect(await search.outlet.inputValue()).toBe('');
    expect(new URL(page.url()).searchParams.get('outlet')).toBeNull();
    // Found nowhere, with every outlet: the hint has nothing to drop.
    await search.searchBox.fill('zzqxv');
    await expect.poll(() => search.summary.innerText(), { timeout: 15_000 }).toMatch(/^No results/);
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.getByRole('button').isVisible()).toBe(false);
    expect(problems.errors).toEqual([]);
  });

  it('puts the same results newest first, by their pages\' dates, and back to best match', async () => {
    const publishedAt = new Map(builtArticles().map((article) => [article.path, article.publishedAt.getTime()]));
    const { page, problems, search, found } = await searchFor(commonestTag().query);
    const bestMatch = await search.allResultPaths(found, AT_ONCE);
    // Articles published at the same instant may come in either order: the dates in turn are what a reader sees.
    const dates = (paths: string[]) => paths.map((path) => publishedAt.get(path));
    const newest = bestMatch.map((path) => publishedAt.get(path)!).sort((a, b) => b - a);
    // Only a real test when the ranking differs from the order of publication.
    expect(dates(bestMatch)).not.toEqual(newest);

    const showsNewestFirst = async () => {
      await expect.poll(async () => dates(await search.resultPaths()), { timeout: 15_000 }).toEqual(newest.slice(0, AT_ONCE));
      const all = await search.allResultPaths(found, AT_ONCE);
      expect(dates(all)).toEqual(newest);
      expect(all.toSorted()).toEqual(bestMatch.toSorted());
    };
    await search.order.selectOption({ label: 'Newest first' });
    await showsNewestFirst();
    expect(new URL(page.url()).searchParams.get('order')).toBe('newest');
    await page.reload();
    await showsNewestFirst();
    expect(await search.order.inputValue()).toBe('newest');

    await search.order.selectOption({ label: 'Best match' });
    await showsInTurn(search, bestMatch);
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(['q']);
    expect(problems.errors).toEqual([]);
  });

  it('shows results as many at a time as a listing page, the next ones on request with focus on the first of them, and a new search from the first again', async () => {
    const { query, tagged } = commonestTag();
    // More results than one batch, or the test proves nothing.
    expect(tagged).toBeGreaterThan(AT_ONCE);
    const { page, problems, search, found } = await searchFor(query);
    // The summary still counts every result, while the first of them are shown.
    expect(found).toBeGreaterThan(AT_ONCE);
    expect(await search.resultPaths()).toHaveLength(AT_ONCE);
    const first = await search.resultPaths();

    await search.showMore.press('Enter');
    await expect.poll(() => search.resultPaths(), { timeout: 15_000 }).toHaveLength(Math.min(found, 2 * AT_ONCE));
    expect((await search.resultPaths()).slice(0, AT_ONCE)).toEqual(first);
    // The reader goes on from where the list grew.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe((await search.resultPaths())[AT_ONCE]);
    expect(await search.showMore.isVisible()).toBe(found > 2 * AT_ONCE);

    await search.searchBox.fill(`${query} ${query}`);
    await expect.poll(() => search.summary.innerText(), { timeout: 15_000 }).toContain(`${query} ${query}`);
    await expect.poll(() => search.resultPaths(), { timeout: 15_000 }).toHaveLength(AT_ONCE);
    expect(problems.errors).toEqual([]);
  });
});

describe('the query in the tab and in the history', () => {
  const titled = (query: string) => `“${query}” | Search | ${siteConfig.name}`;

  it('names the query in the page’s title while its results are shown, as text, and the plain title once the box is emptied', async () => {
    const { query } = commonestTag();
    const { page, problems, search } = await searchFor(query);
    await expect.poll(() => page.title()).toBe(titled(query));
    // Markup typed in the box is the title's text, never elements.
    const markup = '<img src=x onerror=alert(1)>';
    await search.searchBox.fill(markup);
    await search.answered(markup);
    await expect.poll(() => page.title()).toBe(titled(markup));
    expect(await page.locator('head title').evaluate((title) => title.childElementCount)).toBe(0);
    await search.searchBox.fill('');
    await expect.poll(() => page.title()).toBe(`Search | ${siteConfig.name}`);
    // A shared link opens with its query named.
    await search.open(`search/?q=${encodeURIComponent(query)}`);
    await search.answered(query);
    await expect.poll(() => page.title()).toBe(titled(query));
    expect(problems.errors).toEqual([]);
  });

  it('keeps a search submitted with Enter in the history, so Back returns to it, but not every keystroke typed after it', async () => {
    const first = commonestTag().query;
    const second = bodyOnlyWord().word;
    const { page, problems } = await browser.newPage();
    const search = new SearchPage(page);
    await search.open('tags/');
    await search.goto();
    const entries = () => page.evaluate(() => history.length);
    const opened = await entries();
    const shows = async (query: string) => {
      await search.answered(query);
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      expect(await search.searchBox.inputValue()).toBe(query);
      expect(await page.title()).toBe(titled(query));
    };

    // Typed, then submitted: the page's own entry, as the box changes.
    await search.searchBox.pressSequentially(first);
    await search.searchBox.press('Enter');
    await shows(first);
    expect(await entries()).toBe(opened);
    // Another search, typed letter by letter over the first: one entry more, not one a letter.
    await search.searchBox.selectText();
    await search.searchBox.pressSequentially(second);
    await shows(second);
    expect(await entries()).toBe(opened + 1);

    await page.goBack();
    await shows(first);
    await page.goForward();
    await shows(second);
    await page.goBack();
    await shows(first);
    // Before the first search, the page the reader came from.
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe(`${site.basePath}tags/`);
    expect(problems.errors).toEqual([]);
  });
});
