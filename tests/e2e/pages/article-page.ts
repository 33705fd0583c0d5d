/** A single article: headline, dek, byline, body, tags, its story's coverage and the "Explore more" list. */
import type { Locator } from 'playwright-core';
import { SitePage } from './site-page.ts';

export class ArticlePage extends SitePage {
  goto(slug: string) {
    return this.open(`articles/${encodeURIComponent(slug)}/`);
  }

  get tagLinks(): Locator {
    return this.main.getByRole('list', { name: 'Tags', exact: true }).getByRole('link');
  }

  /** "Coverage of this story": the story's other articles, then a link to the story's page. */
  get storyCoverage(): Locator {
    return this.page.getByRole('complementary', { name: 'Coverage of this story' });
  }

  get storyCoverageLinks(): Locator {
    return this.storyCoverage.getByRole('listitem').getByRole('link');
  }

  get exploreMore(): Locator {
    return this.page.getByRole('complementary', { name: 'Explore more' });
  }

  get relatedLinks(): Locator {
    return this.exploreMore.getByRole('listitem').getByRole('link');
  }
}
