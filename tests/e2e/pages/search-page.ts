/** The search page: a labelled search box whose Pagefind results link to articles under the base path. */
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

  get resultLinks(): Locator {
    return this.main.locator('a[href*="/articles/"]');
  }

  resultLinkTo(path: string): Locator {
    return this.main.locator(`a[href="${path}"], a[href^="${path}#"], a[href^="${path}?"]`).first();
  }
}
