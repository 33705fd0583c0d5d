/** The search page: a labelled search box whose Pagefind results link to articles under the base path, and the outlet to choose. */
import type { Locator } from 'playwright-core';
import { SitePage } from './site-page.ts';

export class SearchPage extends SitePage {
  goto() {
    return this.open('search/');
  }

  /** Whatever the widget, the reader finds it by its label, as a search box or a plain text box. */
  get searchBox(): Locator {
    return this.main.getByRole('searchbox', { name: /search/i }).or(this.main.getByRole('textbox', { name: /search/i })).first();
  }

  /** Pagefind's line above the results: how many were found for what, or the page's own text before any search. */
  get summary(): Locator {
    return this.main.locator('pagefind-summary');
  }

  /**
   * Once the search for `query` has answered, as the reader sees it: the summary counts what it found for the whole
   * query (not for the part of it typed before a pause, nor "Searching for …"), and every result on screen is drawn.
   * Returns how many it found. The first search of a page loads Pagefind and every part of the index, whence the
   * search's own timeout rather than the page's.
   */
  async answered(query: string): Promise<number> {
    const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const said = this.summary.getByText(new RegExp(`^(?:\\d+ results?|No results) for ${escaped}$`));
    await said.waitFor({ timeout: 15_000 });
    const found = Number(/^\d+/.exec(await said.innerText())?.[0] ?? 0);
    await this.page.waitForFunction(
      () => [...document.querySelectorAll('main .pf-results > *')].every((result) => result.matches('.search-result') || result.getBoundingClientRect().top > innerHeight),
      undefined,
      { timeout: 15_000 },
    );
    return found;
  }

  /** The page opened and `query` searched, until its first result is on screen: what a reader sees after searching. */
  async showResultsFor(query: string): Promise<void> {
    await this.goto();
    await this.searchBox.fill(query);
    await this.answered(query);
    await this.resultLinks.first().waitFor({ state: 'visible' });
  }

  /** The page's own word that search cannot be had now (its index not loaded), with the ways left to browse. */
  get unavailableNotice(): Locator {
    return this.main.getByText('Search is not available right now');
  }

  /** "All outlets" or one outlet. */
  get outlet(): Locator {
    return this.main.getByRole('combobox', { name: 'Outlet' });
  }

  /** "Best match" or "Newest first". */
  get order(): Locator {
    return this.main.getByRole('combobox', { name: 'Order' });
  }

  /** The results' article links, in the order the page shows them. */
  resultPaths(): Promise<string[]> {
    return this.main.locator('.search-result-title a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  /** Under the results while more are to be shown. */
  get showMore(): Locator {
    return this.main.getByRole('button', { name: 'Show more results' });
  }

  /**
   * Every result of the search, `found` of them, shown `atOnce` at a time: once the first are drawn, "Show more
   * results" pressed until all are.
   */
  async allResultPaths(found: number, atOnce: number): Promise<string[]> {
    for (let limit = atOnce; limit < found; ) {
      await this.showMore.click();
      limit += atOnce;
      await this.page.waitForFunction((count) => document.querySelectorAll('main .search-result-title a[href]').length >= count, Math.min(limit, found), { timeout: 15_000 });
    }
    return this.resultPaths();
  }

  get resultLinks(): Locator {
    return this.main.locator('a[href*="/articles/"]');
  }

  /** The excerpt of the result that links to `path`, its matched words highlighted. */
  excerptOf(path: string): Locator {
    return this.main.locator('.search-result').filter({ has: this.page.locator(`.search-result-title a[href="${path}"]`) }).locator('.search-result-excerpt');
  }

  resultLinkTo(path: string): Locator {
    return this.main.locator(`a[href="${path}"], a[href^="${path}#"], a[href^="${path}?"]`).first();
  }
}
