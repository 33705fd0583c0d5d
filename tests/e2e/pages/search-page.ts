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

  resultLinkTo(path: string): Locator {
    return this.main.locator(`a[href="${path}"], a[href^="${path}#"], a[href^="${path}?"]`).first();
  }
}
