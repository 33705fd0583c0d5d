/** The directory of every tag with its article count. */
import type { Locator } from 'playwright-core';
import { SitePage } from './site-page.ts';

export class TagsIndexPage extends SitePage {
  goto() {
    return this.open('tags/');
  }

  get tagLinks(): Locator {
    return this.main.getByRole('listitem').getByRole('link');
  }
}
