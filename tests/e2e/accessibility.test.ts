// axe-core on the main page types, in light and dark colour schemes: no serious or critical violations.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { bodyOnlyWord, builtArticles, builtStories } from './built-site.ts';
import { SearchPage } from './pages/search-page.ts';
import { useBrowser } from './support.ts';

const browser = useBrowser();

const newest = () => builtArticles()[0]!;
const firstStory = () => builtStories()[0]!;

const pages: Array<{ name: string; prepare(page: Page): Promise<unknown> }> = [
  { name: 'front page', prepare: (page) => page.goto('') },
  { name: 'article page', prepare: (page) => page.goto(newest().path) },
  { name: 'tag page', prepare: (page) => page.goto(`tags/${encodeURIComponent(newest().tagSlugs[0]!)}/`) },
  { name: 'stories page', prepare: (page) => page.goto('stories/') },
  { name: 'story page', prepare: (page) => page.goto(firstStory().path) },
  { name: 'article page in a story', prepare: (page) => page.goto(firstStory().articlePaths[0]!) },
  { name: 'sources page', prepare: (page) => page.goto('sources/') },
  { name: 'source page', prepare: (page) => page.goto('sources/tortoise-media/') },
  { name: 'page not found, with its search form', prepare: (page) => page.goto('no-such-page/') },
  {
    name: 'search page with results',
    // Checked as the reader sees it once the results are in, not while they are still being drawn.
    prepare: (page) => new SearchPage(page).showResultsFor(bodyOnlyWord().word),
  },
];

describe.each(['light', 'dark'] as const)('accessibility in the %s colour scheme', (colorScheme) => {
  it.each(pages)('the $name has no serious or critical axe violations', async ({ prepare }) => {
    const { page } = await browser.newPage({ colorScheme });
    await prepare(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('accessibility on a phone in the %s colour scheme', (colorScheme) => {
  it('the article page, its sections in a row that scrolls sideways, has no serious or critical axe violations', async () => {
    const { page } = await browser.newPage({ colorScheme, viewport: { width: 320, height: 568 } });
    await page.goto(newest().path);
    const row = page.getByRole('navigation', { name: 'Sections' }).getByRole('list');
    expect(await row.evaluate((list) => list.scrollWidth > list.clientWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
