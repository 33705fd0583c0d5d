/** One tag's listing at /tags/<slug>/ with its own pagination and feed. */
import type { Locator } from 'playwright-core';
import { ListingPage } from './listing-page.ts';

export class TagPage extends ListingPage {
  goto(slug: string) {
    return this.open(`tags/${encodeURIComponent(slug)}/`);
  }

  get feedLink(): Locator {
    return this.page.locator('link[rel="alternate"][type="application/rss+xml"]');
  }
}
