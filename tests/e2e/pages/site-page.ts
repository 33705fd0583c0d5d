/** What every page of the site shares: header navigation, main region, footer, and checks a reader would notice. */
import type { Locator, Page, Response } from 'playwright-core';

export class SitePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get heading(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }

  get sectionsNav(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' });
  }

  get headerSearchLink(): Locator {
    return this.sectionsNav.getByRole('link', { name: 'Search' });
  }

  /** `path` is relative to the site root (the context's baseURL), e.g. '' or 'tags/ai/'. */
  async open(path: string): Promise<Response | null> {
    return this.page.goto(path);
  }

  /** Path of the current URL, e.g. /desk/articles/x/ */
  pathname(): string {
    return new URL(this.page.url()).pathname;
  }

  /** Script elements the browser would run; JSON-LD and other data blocks are not scripts. */
  executableScripts(): Promise<string[]> {
    return this.page.$$eval('script', (scripts) =>
      scripts
        .filter((script) => ['', 'module', 'text/javascript', 'application/javascript'].includes(script.type.trim().toLowerCase()))
        .map((script) => script.src || `inline: ${script.textContent?.slice(0, 60)}`),
    );
  }

  /** True when the page is wider than the viewport, i.e. the reader would have to scroll sideways. */
  scrollsHorizontally(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }
}
