/** A story's page at /stories/<slug>/: its headline, then every article that reports it, earliest first. */
import type { Locator } from 'playwright-core';
import { SitePage } from './site-page.ts';

export class StoryPage extends SitePage {
  goto(slug: string) {
    return this.open(`stories/${encodeURIComponent(slug)}/`);
  }

  /** One entry per article, earliest first. */
  get coverage(): Locator {
    return this.main.getByRole('listitem');
  }

  get articleLinks(): Locator {
    return this.coverage.getByRole('heading', { level: 2 }).getByRole('link');
  }

  async articleTitles(): Promise<string[]> {
    return (await this.articleLinks.allInnerTexts()).map((text) => text.trim());
  }
}
