// A reader clicking through the served site under /desk/: headlines, tags, related stories, a story's coverage, pages, search and 404.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bodyOnlyWord, builtArticles, builtStories, commonestTag, tagOnlyInTags } from './built-site.ts';
import { ArticlePage } from './pages/article-page.ts';
import { FrontPage } from './pages/front-page.ts';
import { NotFoundPage } from './pages/not-found-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { StoryPage } from './pages/story-page.ts';
import { TagPage } from './pages/tag-page.ts';
import { site, urlFor, useBrowser, viewports } from './support.ts';

const browser = useBrowser();

/** Clicks a link and waits until the browser is at its target; returns the new path. */
async function follow(page: Page, link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  if (!href) throw new Error('The link has no href');
  const target = new URL(href, page.url());
  target.hash = '';
  await link.click();
  await page.waitForURL((url) => url.pathname === target.pathname);
  return target.pathname;
}

describe('reading the site', () => {
  it('goes from the front page to an article, its tag, another article and one it recommends', async () => {
    const { page } = await browser.newPage();
    const front = new FrontPage(page);
    expect((await front.goto())?.status()).toBe(200);

    const headline = front.headlines.first();
    const headlineText = (await headline.innerText()).trim();
    const articlePath = await follow(page, headline);
    const article = new ArticlePage(page);
    expect(articlePath).toMatch(new RegExp(`^${site.basePath}articles/[^/]+/$`));
    expect((await article.heading.innerText()).trim()).toBe(headlineText);

    const tagLink = article.tagLinks.first();
    const tagName = (await tagLink.innerText()).trim();
    expect(await follow(page, tagLink)).toMatch(new RegExp(`^${site.basePath}tags/[^/]+/$`));
    const tag = new TagPage(page);
    expect(await tag.heading.innerText()).toContain(tagName);
    // The newest story on the front page is also the newest under each of its tags.
    expect(await tag.headlineTexts()).toContain(headlineText);

    const other = tag.headlines.filter({ hasNotText: headlineText }).first();
    const fromTag = (await other.count()) > 0 ? other : tag.headlines.first();
    const otherTitle = (await fromTag.innerText()).trim();
    await follow(page, fromTag);
    expect((await article.heading.innerText()).trim()).toBe(otherTitle);

    await expect.poll(() => article.relatedLinks.count()).toBeGreaterThan(0);
    const related = article.relatedLinks.first();
    const relatedTitle = (await related.innerText()).trim();
    const relatedPath = await follow(page, related);
    expect(relatedPath).toMatch(new RegExp(`^${site.basePath}articles/[^/]+/$`));
    expect((await article.heading.innerText()).trim()).toBe(relatedTitle);
    expect(relatedTitle).not.toBe(otherTitle);
  });

  /** The headline of the teaser a picture belongs to, after checking that every corner of the picture leads where it does. */
  async function picturesHeadline(picture: Locator): Promise<{ text: string; href: string }> {
    const headline = picture.locator('xpath=ancestor::article[1]').getByRole('heading').getByRole('link');
    const box = (await picture.boundingBox())!;
    const corners = [
      [box.x + 2, box.y + 2],
      [box.x + box.width - 2, box.y + 2],
      [box.x + 2, box.y + box.height - 2],
      [box.x + box.width - 2, box.y + box.height - 2],
    ];
    // What a click at each point would land on: the headline's link, reaching over the picture.
    const hits = await headline.evaluate((link, points) => points.map(([x, y]) => link === document.elementFromPoint(x!, y!)?.closest('a')), corners);
    expect(hits).toEqual([true, true, true, true]);
    return { text: (await headline.innerText()).trim(), href: (await headline.getAttribute('href'))! };
  }

  it.each([viewports.phone, viewports.desktop])('opens an article by a click on its teaser’s picture, the lead’s and another’s, at $width px', async (viewport) => {
    const { page } = await browser.newPage({ viewport });
    const article = new ArticlePage(page);
    const front = new FrontPage(page);
    await front.goto();
    const lead = front.pictures.first();
    const { text: leadHeadline, href } = await picturesHeadline(lead);
    // The picture is still one to screen readers, described as before.
    expect(await lead.getAttribute('alt')).toBeTruthy();
    await lead.click({ force: true });
    await page.waitForURL((url) => url.pathname === href);
    expect((await article.heading.innerText()).trim()).toBe(leadHeadline);

    // The same article's teaser on its tag page, a thumbnail beside the headline.
    const tagLink = article.tagLinks.first();
    await follow(page, tagLink);
    const tag = new TagPage(page);
    const picture = tag.pictures.first();
    const { text, href: tagHref } = await picturesHeadline(picture);
    await picture.click({ force: true });
    await page.waitForURL((url) => url.pathname === tagHref);
    expect((await article.heading.innerText()).trim()).toBe(text);
  });

  it('lets a keyboard user meet each teaser’s article once, at its headline, with no stop at its picture', async () => {
    const { page } = await browser.newPage();
    const front = new FrontPage(page);
    await front.goto();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return { inTeasers: !!element?.closest('.teasers'), href: element?.getAttribute('href') ?? '', inHeading: !!element?.closest('h2, h3') };
      });
    const stops: Array<{ href: string; inHeading: boolean }> = [];
    for (let presses = 0; presses < 300; presses++) {
      await page.keyboard.press('Tab');
      const stop = await focused();
      if (stop.inTeasers) stops.push({ href: stop.href, inHeading: stop.inHeading });
      else if (stops.length > 0) break;
    }
    const headlines = await front.headlines.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(await front.pictures.count()).toBeGreaterThan(0);
    // Each article's link is met once, and it is the headline, in the order the teasers come.
    const articleStops = stops.filter(({ href }) => headlines.includes(href));
    expect(articleStops).toEqual(headlines.map((href) => ({ href, inHeading: true })));
  });

  it('follows "and N more from" on the front page to the story, its coverage earliest first, and one of its articles', async () => {
    const { page } = await browser.newPage();
    const front = new FrontPage(page);
    await front.goto();
    const more = front.storyLinks.first();
    const moreCount = Number(/^and (\d+) more from /.exec((await more.innerText()).trim())?.[1]);
    const storyPath = await follow(page, more);
    expect(storyPath).toMatch(new RegExp(`^${site.basePath}stories/[^/]+/$`));

    const story = new StoryPage(page);
    const titles = await story.articleTitles();
    expect(titles).toHaveLength(moreCount + 1);
    const byTitle = new Map(builtArticles().map((article) => [article.title, article]));
    const times = titles.map((title) => byTitle.get(title)!.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Only the earliest article is marked, naming its outlet (textContent: the mark is shown in capitals).
    expect(await story.main.getByText(/First reported by/i).count()).toBe(1);
    expect((await story.coverage.first().getByText(/First reported by/i).textContent())?.trim()).toMatch(/^First reported by \S/);

    const chosen = titles.at(-1)!;
    await follow(page, story.articleLinks.last());
    const article = new ArticlePage(page);
    expect((await article.heading.innerText()).trim()).toBe(chosen);
    await article.storyCoverage.waitFor({ state: 'visible' });
    const coverage = (await article.storyCoverageLinks.allInnerTexts()).map((text) => text.trim());
    expect(coverage.sort()).toEqual(titles.filter((title) => title !== chosen).sort());
    expect(await follow(page, article.storyCoverage.getByRole('link', { name: /The whole story/ }))).toBe(storyPath);
  });

  it('follows "Older" from the front page to the last page and "Newer" back, meeting every article once, on its own or in its story', async () => {
    const { page } = await browser.newPage();
    const front = new FrontPage(page);
    await front.goto();
    const { total } = await front.pageStatus();
    const articles = builtArticles();
    expect(total).toBeGreaterThan(1);

    // A story is one teaser with a link to its page, where the rest of its articles are.
    const titleOf = new Map(articles.map((article) => [article.path, article.title]));
    const storyOf = new Map(builtStories().map((story) => [story.path, story]));
    const readListing = async (): Promise<string[]> => {
      const headlines = await front.headlineTexts();
      const storyPaths = await front.storyLinks.evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      const inStories = storyPaths.flatMap((path) => storyOf.get(path)!.articlePaths.map((articlePath) => titleOf.get(articlePath)!));
      return [...headlines, ...inStories.filter((title) => !headlines.includes(title))];
    };

    const seen: string[] = await readListing();
    for (let number = 2; number <= total; number++) {
      // The visible link and the <link rel="next"> hint for crawlers agree.
      const relNext = await page.locator('head link[rel="next"]').getAttribute('href');
      expect(await front.olderLink.getAttribute('href')).toBe(relNext);
      expect(await follow(page, front.olderLink)).toBe(`${site.basePath}page/${number}/`);
      expect(await front.pageStatus()).toEqual({ number, total });
      seen.push(...(await readListing()));
    }
    expect(await front.olderLink.count()).toBe(0);
    expect(await page.locator('head link[rel="next"]').count()).toBe(0);
    expect(seen.sort()).toEqual(articles.map((article) => article.title).sort());

    for (let number = total - 1; number >= 1; number--) {
      await follow(page, front.newerLink);
      expect(await front.pageStatus()).toEqual({ number, total });
    }
    expect(front.pathname()).toBe(site.basePath);
    expect(await front.newerLink.count()).toBe(0);
  });

  it('jumps from the front page to the oldest page by its number, and back to the first', async () => {
    const { page } = await browser.newPage();
    const front = new FrontPage(page);
    await front.goto();
    const { total } = await front.pageStatus();
    expect(await front.pageNumberLink(1).getAttribute('aria-current')).toBe('page');
    expect(await follow(page, front.pageNumberLink(total))).toBe(`${site.basePath}page/${total}/`);
    expect(await front.pageStatus()).toEqual({ number: total, total });
    expect(await front.pageNumberLink(total).getAttribute('aria-current')).toBe('page');
    expect(await front.olderLink.count()).toBe(0);
    expect(await follow(page, front.pageNumberLink(1))).toBe(site.basePath);
    expect(await front.pageStatus()).toEqual({ number: 1, total });
  });

  it('finds an article by a word from its body alone, by keyboard, and opens it under the base path', async () => {
    const { word, article: expected } = bodyOnlyWord();
    const { page } = await browser.newPage();
    const front = new FrontPage(page);
    await front.goto();
    expect(await follow(page, front.headerSearchLink)).toBe(`${site.basePath}search/`);

    const search = new SearchPage(page);
    await search.searchBox.focus();
    await page.keyboard.type(word, { delay: 30 });
    // Pagefind's UI searches as the word is typed: on a busy machine a pause between keys searches a prefix, whose
    // results (this one among them) are redrawn once the whole word is searched, taking focus away mid-Tab.
    await search.answered(word);
    const result = search.resultLinkTo(expected.path);
    await result.waitFor({ state: 'visible' });
    expect((await result.innerText()).trim()).toBe(expected.title);

    // Reach the result with Tab alone, then open it with Enter.
    const isFocused = () => result.evaluate((link) => link === document.activeElement);
    for (let presses = 0; presses < 40 && !(await isFocused()); presses++) await page.keyboard.press('Tab');
    expect(await isFocused()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === expected.path);
    expect((await new ArticlePage(page).heading.innerText()).trim()).toBe(expected.title);
  });

  it('says once, in its own words, that search is unavailable when the connection goes before the index arrives, and searches again once it is back', async () => {
    const { word, article } = bodyOnlyWord();
    const { page } = await browser.newPage();
    const search = new SearchPage(page);
    await search.goto();
    // The page and Pagefind's components have arrived; the index is loaded by the first search, and it fails.
    const lost = (route: import('playwright-core').Route) => route.abort('internetdisconnected');
    await page.route('**/pagefind/pagefind.js', lost);
    await search.searchBox.fill(word.slice(0, -1));
    await search.unavailableNotice.waitFor({ state: 'visible' });
    // A search tried again fails again: still one notice, and none of Pagefind's messages for developers.
    await search.searchBox.fill(word);
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('.pf-error').length)).toBeGreaterThan(1);
    const shown = await search.main.innerText();
    expect(shown.match(/Search is not available right now/g)).toHaveLength(1);
    expect(shown).not.toMatch(/Pagefind|Bundle path|Could not load/);
    expect(await search.unavailableNotice.getByRole('link', { name: 'every tag' }).getAttribute('href')).toBe(`${site.basePath}tags/`);
    expect(await search.outlet.isVisible()).toBe(false);

    await page.unroute('**/pagefind/pagefind.js', lost);
    await search.searchBox.fill('');
    await search.searchBox.fill(word);
    await search.answered(word);
    await search.resultLinkTo(article.path).waitFor({ state: 'visible' });
    expect(await search.unavailableNotice.isVisible()).toBe(false);
    expect(await search.outlet.isVisible()).toBe(true);
  });

  it("names a story with its articles' search results, and leads from its lead's result to the story's page", async () => {
    const story = builtStories()[0]!;
    const lead = builtArticles().find((article) => article.slug === story.slug)!;
    const other = builtArticles().find((article) => article.path !== lead.path && story.articlePaths.includes(article.path))!;
    const { page, problems } = await browser.newPage({ viewport: { width: 1280, height: 4000 } });
    const search = new SearchPage(page);
    await search.goto();
    const storyLineOf = async (article: typeof lead) => {
      await search.searchBox.fill(article.title);
      // Until the search for this headline answers, the last one's results are still shown, the lead's among them.
      await search.answered(article.title);
      const result = page.locator('main .search-result').filter({ has: page.locator(`.search-result-title a[href="${article.path}"]`) });
      await result.waitFor({ state: 'visible', timeout: 15_000 });
      return result.locator('.search-result-story');
    };
    // Another article of the story names it by its headline, the lead's.
    const otherLine = await storyLineOf(other);
    expect((await otherLine.innerText()).trim()).toBe(`Part of the story ${lead.title}`);
    // The lead's headline is the story's: its result says what else covers it, as its teaser does, and leads there.
    const leadLine = await storyLineOf(lead);
    expect((await leadLine.innerText()).trim()).toMatch(new RegExp(`^and ${story.articlePaths.length - 1} more from \\S`));
    expect(await follow(page, leadLine.getByRole('link'))).toBe(story.path);
    expect(problems.errors).toEqual([]);
  });

  it('reaches every result by the keyboard alone on a laptop screen, though Pagefind draws each result only once it scrolls into view and more are shown on request', async () => {
    const commonest = commonestTag();
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const search = new SearchPage(page);
    await search.open(`search/?q=${encodeURIComponent(commonest)}`);
    await expect.poll(() => search.summary.innerText(), { timeout: 15_000 }).toMatch(/^\d+ results/);
    const found = Number(/^(\d+)/.exec(await search.summary.innerText())![1]);
    // More than one screen holds, or the test proves nothing.
    expect(found).toBeGreaterThan(await search.resultLinks.count());

    const reached = new Set<string>();
    // The focused link's href when focus is in the results, "more" on the button that shows more, else undefined.
    const focusedInResults = () =>
      page.evaluate(() => {
        const focused = document.activeElement;
        if (focused?.matches('[data-search-more]')) return 'more';
        return focused?.closest('.pf-results') ? (focused.getAttribute('href') ?? '') : undefined;
      });
    // A reader's pace: the focused link has come to rest where focusing scrolls it (half a screen above the bottom
    // edge, smoothly where motion is welcome, or the page's end), and the next result, if that brought it near enough
    // for Pagefind to draw (50 px below the screen), is drawn, however slowly its fragment loads. A smooth scroll can
    // start frames after the focus, so a scroll that stood still for a moment is no proof it has ended.
    const nextResultDrawn = () =>
      page.evaluate(async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        for (let last = -1; scrollY !== last; await frame()) last = scrollY;
        const focused = document.activeElement;
        const result = focused?.closest('[data-pf-result-index]');
        if (!focused || !result) return true;
        const atPageEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
        if (focused.getBoundingClientRect().bottom > innerHeight / 2 + 2 && !atPageEnd) return false;
        const next = document.querySelector(`[data-pf-result-index="${Number(result.getAttribute('data-pf-result-index')) + 1}"]`);
        return !next?.querySelector('.pf-skeleton') || next.getBoundingClientRect().top > innerHeight + 40;
      });
    for (let presses = 0; presses < 120; presses++) {
      await page.keyboard.press('Tab');
      const message = 'the focused result at rest half a screen above the bottom edge, and the next one drawn';
      await expect.poll(nextResultDrawn, { timeout: 15_000, message }).toBe(true);
      let href = await focusedInResults();
      if (href === 'more') {
        await page.keyboard.press('Enter');
        // Focus moves to the first of the results it shows; the reader reads it while the next is drawn.
        await expect.poll(focusedInResults, { timeout: 15_000 }).toMatch(/\/articles\//);
        href = await focusedInResults();
        // Those reached, the one focused and the next.
        await expect.poll(() => search.resultLinks.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(Math.min(found, reached.size + 2));
      }
      if (href === undefined && reached.size > 0) break;
      if (href?.includes('/articles/')) reached.add(href);
    }
    expect(reached.size).toBe(found);
  });

  it('keeps a reader tabbing fast through the results on a slow connection in order, each result focused once drawn', async () => {
    const commonest = commonestTag();
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // Each result's text arrives well after the reader's next key press.
    await page.route('**/pagefind/fragment/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    const search = new SearchPage(page);
    await search.open(`search/?q=${encodeURIComponent(commonest)}`);
    await search.resultLinks.first().waitFor({ state: 'visible', timeout: 15_000 });
    const shown = await page.locator('.pf-results > *').count();
    expect(shown).toBeGreaterThan(await search.resultLinks.count());

    // The focused result's index, or what is focused outside the results; and the focused link, to tell each press's move.
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        const index = element?.closest('[data-pf-result-index]')?.getAttribute('data-pf-result-index');
        return { index: index ?? element?.tagName, link: `${index} ${element?.getAttribute('href')} ${element?.textContent}` };
      });
    await search.resultLinks.first().focus();
    const visited = [(await focused()).index];
    for (let presses = 0; presses < shown * 4 && visited.at(-1) !== String(shown - 1); presses++) {
      const before = (await focused()).link;
      await page.keyboard.press('Tab');
      await expect.poll(async () => (await focused()).link, { timeout: 15_000 }).not.toBe(before);
      const { index } = await focused();
      if (index !== visited.at(-1)) visited.push(index);
    }
    expect(visited).toEqual(Array.from({ length: shown }, (_, index) => String(index)));
  });

  it.each([
    { meanwhile: 'the reader presses Shift+Tab', then: 'leaves focus where the reader put it', press: true },
    { meanwhile: 'focus falls to the page itself, as from a control hidden', then: 'still moves focus to that result', press: false },
  ])('once the result Tab waited for has loaded, if meanwhile $meanwhile, $then', async ({ press }) => {
    const commonest = commonestTag();
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // Results' text arrives at once until the first are drawn, then only when the test lets it.
    let holding = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/fragment/**', async (route) => {
      if (holding) await released;
      await route.continue();
    });
    const search = new SearchPage(page);
    await search.open(`search/?q=${encodeURIComponent(commonest)}`);
    await search.resultLinks.first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('.pf-results > *')].some((result) => result.querySelector('a') && !result.nextElementSibling?.querySelector('a')));
    holding = true;

    // The last drawn result's last link, then Tab (focus waits for the next result), then Shift+Tab back or a blur.
    const waitedFor = await page.evaluate(() => {
      const results = [...document.querySelectorAll('.pf-results > *')];
      const last = results.findLast((result) => result.querySelector('a') && !result.nextElementSibling?.querySelector('a'))!;
      [...last.querySelectorAll('a')].at(-1)!.focus();
      return results.indexOf(last) + 1;
    });
    const next = page.locator('.pf-results > *').nth(waitedFor);
    expect(await next.locator('a').count()).toBe(0);
    await page.keyboard.press('Tab');
    if (press) await page.keyboard.press('Shift+Tab');
    else await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const whereReaderIs = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('href')}`);

    release();
    await next.locator('.search-result-title a').waitFor({ timeout: 15_000 });
    // Any wait still polling (every 50 ms) has had its turn once a later timer fires.
    const focusedNow = await page.evaluate(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('href')}`;
    });
    if (press) expect(focusedNow).toBe(whereReaderIs);
    else expect(focusedNow).toBe(`A ${await next.locator('.search-result-title a').getAttribute('href')}`);
  });

  it('does not trap the keyboard at a result whose text never arrives: Tab waits for it a while, then goes on past it', async () => {
    const commonest = commonestTag();
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // Results' text arrives until the first are drawn, then never again.
    let failing = false;
    await page.route('**/pagefind/fragment/**', (route) => (failing ? route.abort() : route.continue()));
    const search = new SearchPage(page);
    await search.open(`search/?q=${encodeURIComponent(commonest)}`);
    await search.resultLinks.first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('.pf-results > *')].some((result) => result.querySelector('a') && !result.nextElementSibling?.querySelector('a')));
    failing = true;

    const stuckAt = await page.evaluate(() => {
      const last = [...document.querySelectorAll('.pf-results > *')].findLast((result) => result.querySelector('a') && !result.nextElementSibling?.querySelector('a'))!;
      const link = [...last.querySelectorAll('a')].at(-1)!;
      link.focus();
      return link.getAttribute('href');
    });
    // Where focus is, and whether it comes after the result that was never drawn.
    const focus = () =>
      page.evaluate(() => {
        const focused = document.activeElement!;
        const undrawn = [...document.querySelectorAll('.pf-results > *')].find((result) => result.previousElementSibling?.querySelector('a') && !result.querySelector('a'))!;
        return { href: focused.getAttribute('href'), past: Boolean(undrawn.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING) };
      });
    await page.keyboard.press('Tab');
    expect((await focus()).href).toBe(stuckAt);
    // The reader presses Tab again now and then, as one would on a page that seems not to answer.
    await expect
      .poll(
        async () => {
          await page.keyboard.press('Tab');
          return focus();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toEqual(expect.objectContaining({ past: true }));
  });

  it('takes a search of spaces alone for no search: the page is as it opened, not "No results for" followed by nothing', async () => {
    const { word } = bodyOnlyWord();
    const { page } = await browser.newPage();
    const search = new SearchPage(page);
    await search.goto();
    const opened = await search.summary.innerText();
    // A real search first, so that the spaces typed over it are seen to take its results away.
    await search.searchBox.fill(word);
    await search.resultLinks.first().waitFor({ state: 'visible', timeout: 15_000 });
    await search.searchBox.selectText();
    await page.keyboard.type('   ', { delay: 30 });
    await expect.poll(() => search.summary.innerText(), { timeout: 15_000 }).toBe(opened);
    // Longer than Pagefind's wait after a keystroke: no search for the spaces is still to come.
    await page.waitForTimeout(1_000);
    expect(await search.summary.innerText()).toBe(opened);
    expect(await search.resultLinks.count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);

    // A shared link whose query is spaces alone opens the page as it is with no query.
    await search.open('search/?q=%20%20');
    // The page's script shows the menus just before it reads the link's query.
    await search.outlet.waitFor({ state: 'visible' });
    await page.waitForTimeout(1_000);
    expect([await search.searchBox.inputValue(), await search.summary.innerText()]).toEqual(['', opened]);
  });

  it('finds an article by its byline, a name written nowhere else in the articles', async () => {
    const articles = builtArticles();
    const elsewhere = articles.map((article) => `${article.title} ${article.dek} ${article.body}`.toLowerCase()).join('\n');
    const expected = articles.find((article) => article.authors.some((name) => !elsewhere.includes(name.toLowerCase())));
    if (!expected) throw new Error('No bundled article has a byline named nowhere in the articles');
    const author = expected.authors.find((name) => !elsewhere.includes(name.toLowerCase()))!;
    const { page } = await browser.newPage();
    const search = new SearchPage(page);
    await search.open(`search/?q=${encodeURIComponent(author)}`);
    await search.resultLinkTo(expected.path).waitFor({ state: 'visible', timeout: 15_000 });
  });

  it("finds every article under a tag by the tag's name, though some never use it in their words", async () => {
    const { slug, articles } = tagOnlyInTags();
    expect(articles.length).toBeGreaterThan(0);
    // Tall enough for Pagefind to draw every result without scrolling.
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 4000 } });
    const search = new SearchPage(page);
    await search.open(`search/?q=${encodeURIComponent(slug)}`);
    for (const article of articles) await search.resultLinkTo(article.path).waitFor({ state: 'visible', timeout: 15_000 });
  });

  it("highlights a tag's name in a result's list of tags without the comma or full stop after it", async () => {
    const { slug, articles } = tagOnlyInTags();
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 4000 } });
    const search = new SearchPage(page);
    await search.open(`search/?q=${encodeURIComponent(slug)}`);
    await search.answered(slug);
    const excerpts: string[] = [];
    for (const article of articles) {
      const excerpt = search.excerptOf(article.path);
      excerpts.push(await excerpt.innerText());
      const highlighted = await excerpt.locator('mark').allInnerTexts();
      expect(highlighted.length, article.path).toBeGreaterThan(0);
      expect(highlighted.map((text) => text.toLowerCase()), article.path).toEqual(highlighted.map(() => slug));
    }
    // Found by their tags alone, their excerpts end with their lists of tags, where a comma or, last, a full stop
    // follows the tag in some: Pagefind alone would have highlighted it with the word.
    expect(excerpts.filter((text) => new RegExp(`\\b${slug}[,.]`, 'i').test(text)).length).toBeGreaterThan(0);
  });

  it('answers a missing URL with the 404 page, which leads home and to search', async () => {
    const { page } = await browser.newPage();
    const notFound = new NotFoundPage(page);
    const response = await notFound.open('no-such-page/');
    expect(response?.status()).toBe(404);
    expect(page.url()).toBe(urlFor('no-such-page/'));
    await expect.poll(() => notFound.heading.innerText()).toMatch(/not found|no such page|can.t find|404/i);

    expect(await follow(page, notFound.homeLink)).toBe(site.basePath);
    expect(await new FrontPage(page).headlines.count()).toBeGreaterThan(0);

    await notFound.open('no-such-page/');
    expect(await follow(page, notFound.searchLink)).toBe(`${site.basePath}search/`);
    await new SearchPage(page).searchBox.waitFor({ state: 'visible' });

    // Its search form asks the search page, which finds what the words match.
    const { word, article } = bodyOnlyWord();
    await notFound.open('no-such-page/');
    await notFound.searchBox.fill(word);
    await notFound.searchBox.press('Enter');
    await page.waitForURL((url) => url.pathname === `${site.basePath}search/` && url.searchParams.get('q') === word);
    const search = new SearchPage(page);
    await search.resultLinkTo(article.path).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await search.searchBox.inputValue()).toBe(word);
  });

  it('serves the same 404 page, styled and with working links, at any depth under the base path', async () => {
    const { page, problems } = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== 'document') failed.push(`${response.status()} ${response.url()}`);
    });
    const notFound = new NotFoundPage(page);
    const deep = 'articles/no-such-article/and/deeper/';
    expect((await notFound.open(deep))?.status()).toBe(404);
    await expect.poll(() => notFound.heading.innerText()).toMatch(/not found|no such page|can.t find|404/i);
    // The site's own stylesheets applied: a page whose relative links broke at this depth would fall back to the browser's.
    expect(await page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.href).length)).toBeGreaterThan(0);
    expect(failed).toEqual([]);
    // Chromium reports the page's own status 404 as a console error: that one is the point.
    expect(problems.errors.filter((error) => !error.includes(`(${urlFor(deep)})`))).toEqual([]);
    expect(await follow(page, notFound.homeLink)).toBe(site.basePath);
  });
});
