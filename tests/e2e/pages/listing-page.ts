/** Paginated teaser listings: the front page, tag pages and author pages share this shape. */
import type { Locator } from 'playwright-core';
import { SitePage } from './site-page.ts';

export class ListingPage extends SitePage {
  get headlines(): Locator {
    return this.main.getByRole('listitem').getByRole('heading').getByRole('link');
  }

  /** The teasers' pictures, as screen readers meet them: images named by their descriptions. */
  get pictures(): Locator {
    return this.main.getByRole('listitem').getByRole('img');
  }

  /** The "and N more from …" lines under the teasers that stand for a story, each linking to its page. */
  get storyLinks(): Locator {
    return this.main.getByRole('link', { name: /^and \d+ more from / });
  }

  get pagination(): Locator {
    return this.main.getByRole('navigation').filter({ hasText: /Page \d+ of \d+/ });
  }

  get olderLink(): Locator {
    return this.pagination.getByRole('link', { name: /Older/ });
  }

  get newerLink(): Locator {
    return this.pagination.getByRole('link', { name: /Newer/ });
  }

  /** The link to page `number` in the row of page numbers, which shows the first, the last and this page's neighbours. */
  pageNumberLink(number: number): Locator {
    return this.pagination.getByRole('link', { name: `Page ${number}`, exact: true });
  }

  /** The "Page n of N" status as numbers; a single-page listing has no pagination and is page 1 of 1. */
  async pageStatus(): Promise<{ number: number; total: number }> {
    if ((await this.pagination.count()) === 0) return { number: 1, total: 1 };
    const text = await this.pagination.innerText();
    const match = /Page (\d+) of (\d+)/.exec(text);
    if (!match) throw new Error(`No page status in pagination: ${text}`);
    return { number: Number(match[1]), total: Number(match[2]) };
  }

  async headlineTexts(): Promise<string[]> {
    return (await this.headlines.allInnerTexts()).map((text) => text.trim());
  }
}
