// A reader on the search page putting the newest first and narrowing the results to one outlet, then sharing the link.
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/io/article-files.ts';
import { searchableArticle } from '../../src/lib/search/search-documents.ts';
import { outletName } from '../../src/lib/stories/story-listing.ts';
import { siteConfig } from '../../src/site.config.ts';
import { builtArticles } from './built-site.ts';
import { SearchPage } from './pages/search-page.ts';
import { site, useBrowser } from './support.ts';

const browser = useBrowser();
const CONTENT = 'content/articles';

/** Each built article's outlet, as its source names it (the site's name for its own reporting). */
function outlets(): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const loaded of loadArticles(CONTENT, (path) => relative(CONTENT, path))) {
    const article = searchableArticle(loaded.result, new Date());
    if (article) bySlug.set(`${site.basePath}articles/${encodeURIComponent(article.slug)}/`, outletName(article, siteConfig.name));
  }
  return bySlug;
}

describe('choosing the order and the outlet of search results', () => {
  it('shows the newest first, then one outlet only, and a reload of the address keeps both choices', async () => {
    const published = new Map(builtArticles().map((article) => [article.path, article.publishedAt.getTime()]));
    const outletOf = outlets();
    const newestFirst = (paths: readonly string[]) => paths.every((path, at) => at === 0 || published.get(paths[at - 1]!)! >= published.get(path)!);
    // The tag most articles carry: a query that matches several, from several outlets.
    const counts = new Map<string, number>();
    for (const slug of builtArticles().flatMap((article) => article.tagSlugs)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    const [query] = [...counts].sort((a, b) => b[1] - a[1])[0]!;

    // Tall enough for Pagefind to draw every result at once.
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 6000 } });
    const search = new SearchPage(page);
    await search.goto();
    await search.searchBox.fill(query);
    await expect.poll(() => search.summary.innerText(), { timeout: 15_000 }).toMatch(/^\d+ results/);
    const found = Number(/^(\d+)/.exec(await search.summary.innerText())![1]);
    await expect.poll(() => search.resultPaths()).toHaveLength(found);
    const bestMatch = await search.resultPaths();
    // Otherwise the order below proves nothing.
    expect(newestFirst(bestMatch)).toBe(false);
    expect(await search.order.inputValue()).toBe('');

    await search.order.selectOption({ label: 'Newest first' });
    await expect.poll(() => search.resultPaths().then(newestFirst), { timeout: 15_000 }).toBe(true);
    const newest = await search.resultPaths();
    expect(newest.toSorted()).toEqual(bestMatch.toSorted());
    // The dates the reader sees run back in time as well.
    const shownDates = (await search.main.locator('.search-result-date').allInnerTexts()).map((date) => Date.parse(date));
    expect(shownDates).toEqual(shownDates.toSorted((a, b) => b - a));

    // An outlet with some of the results but not all.
    const byOutlet = Map.groupBy(newest, (path) => outletOf.get(path)!);
    const [outlet, expected] = [...byOutlet].filter(([, paths]) => paths.length < newest.length).sort((a, b) => b[1].length - a[1].length)[0]!;
    await search.outlet.selectOption(outlet);
    await expect.poll(() => search.resultPaths(), { timeout: 15_000 }).toEqual(expected);
    expect(new Set((await search.resultPaths()).map((path) => outletOf.get(path)))).toEqual(new Set([outlet]));

    const address = new URL(page.url());
    expect([address.searchParams.get('q'), address.searchParams.get('sort'), address.searchParams.get('outlet')]).toEqual([query, 'newest', outlet]);
    await page.reload();
    await expect.poll(() => search.resultPaths(), { timeout: 15_000 }).toEqual(expected);
    expect([await search.searchBox.inputValue(), await search.order.inputValue(), await search.outlet.inputValue()]).toEqual([query, 'newest', outlet]);

    // Back to best match and every outlet: the link is plain again.
    await search.order.selectOption({ label: 'Best match' });
    await search.outlet.selectOption({ label: 'All outlets' });
    await expect.poll(() => search.resultPaths(), { timeout: 15_000 }).toEqual(bestMatch);
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(['q']);
    expect(problems.errors).toEqual([]);
  });
});
