/** The 404 page any missing URL gets: says so, and offers the way home and to search. */
import type { Locator } from 'playwright-core';
import { SitePage } from './site-page.ts';

export class NotFoundPage extends SitePage {
  get homeLink(): Locator {
    return this.main.getByRole('link', { name: /front page|home/i }).first();
  }

  /** The search form, which works without JavaScript: it opens the search page with the words as ?q=. */
  get searchBox(): Locator {
    return this.main.getByRole('search').getByRole('searchbox');
  }

  get searchLink(): Locator {
    return this.main.getByRole('link', { name: /search/i }).first();
  }
}
