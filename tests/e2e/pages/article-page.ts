/** A single article: headline, dek, byline, body, tags and the "Explore more" list. */
import type { Locator } from 'playwright-core';
import { SitePage } from './site-page.ts';

export class ArticlePage extends SitePage {
  goto(slug: string) {
    return this.open(`articles/${encodeURIComponent(slug)}/`);
  }

  get tagLinks(): Locator {
    return this.main.getByRole('list', { name: 'Tags', exact: true }).getByRole('link');
  }

  get exploreMore(): Locator {
    return this.page.getByRole('complementary', { name: 'Explore more' });
  }

  get relatedLinks(): Locator {
    return this.exploreMore.getByRole('listitem').getByRole('link');
  }
}
