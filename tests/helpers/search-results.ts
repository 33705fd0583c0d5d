/** The search page of a built site, searched through a link as a reader shares one: its results once Pagefind has drawn them all. */
import type { Locator, Page } from 'playwright-core';

/** Each result of `query` (`order` "best" or "newest"), once Pagefind says how many it found and has drawn the last. */
export async function searchResults(page: Page, baseUrl: string, query: string, order = 'best'): Promise<Locator[]> {
  await page.goto(`${baseUrl}search/?q=${encodeURIComponent(query)}${order === 'best' ? '' : `&order=${order}`}`);
  const summary = page.locator('main pagefind-summary');
  await summary.getByText(/\d+ results?|No results/).waitFor({ timeout: 15_000 });
  const count = Number(/(\d+) results?/.exec(await summary.innerText())?.[1] ?? 0);
  const results = page.locator('main .search-result');
  if (count > 0) await results.nth(count - 1).waitFor({ timeout: 15_000 });
  return results.all();
}
