// Phone-width layout without sideways scrolling, and screenshots of each page type for people to look at.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/site.config.ts';
import { bodyOnlyWord, builtArticles, builtStories, commonestTag, readPage } from './built-site.ts';
import { ArticlePage } from './pages/article-page.ts';
import { FrontPage } from './pages/front-page.ts';
import { NotFoundPage } from './pages/not-found-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { TagPage } from './pages/tag-page.ts';
import { TagsIndexPage } from './pages/tags-index-page.ts';
import { screenshotPath, useBrowser, viewports } from './support.ts';

declare global {
  interface Window {
    /** The page's cumulative layout shift so far, and the observer that adds to it. */
    __layoutShift?: { score: number; observer: PerformanceObserver; add(entries: PerformanceEntryList): void };
  }
}

const browser = useBrowser();
const newest = () => builtArticles()[0]!;
const withLeadPicture = () => builtArticles().find(({ slug }) => readPage(`articles/${slug}/index.html`).querySelector('.story-image img'))!;

describe('at 360 px wide', () => {
  it('the front page, every article, every tag of the newest article and the not-found page fit without sideways scrolling', async () => {
    const { page } = await browser.newPage({ viewport: viewports.phone });
    const overflowing: string[] = [];
    const check = async (view: FrontPage | ArticlePage | TagPage | NotFoundPage) => {
      if (await view.scrollsHorizontally()) overflowing.push(view.pathname());
    };
    const front = new FrontPage(page);
    await front.goto();
    await check(front);
    const article = new ArticlePage(page);
    for (const { slug } of builtArticles()) {
      await article.goto(slug);
      await check(article);
    }
    const tag = new TagPage(page);
    for (const slug of newest().tagSlugs) {
      await tag.goto(slug);
      await check(tag);
    }
    const notFound = new NotFoundPage(page);
    await notFound.open('no-such-page/');
    await check(notFound);
    expect(overflowing).toEqual([]);
  });
});

describe('at 320 px wide, the narrowest WCAG asks a page to reflow to', () => {
  it('a table wider than the screen scrolls inside its own region, which the keyboard reaches and scrolls, and the page does not scroll sideways', async () => {
    const withTable = builtArticles().find(({ slug }) => readPage(`articles/${slug}/index.html`).querySelector('.prose table'));
    expect(withTable, 'an article with a table in its body').toBeDefined();
    const { page } = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const article = new ArticlePage(page);
    await article.goto(withTable!.slug);
    // The region as screen readers find it: by its role and the name the build gave it (its heading's, here).
    const name = readPage(`articles/${withTable!.slug}/index.html`).querySelector('.prose .table-scroll')!.getAttribute('aria-label')!;
    const region = article.main.getByRole('region', { name, exact: true }).first();
    // Still a table to screen readers, inside a region narrower than it.
    await expect.poll(() => region.getByRole('table').count()).toBe(1);
    expect(await region.locator('table').evaluate((table) => getComputedStyle(table).display)).toBe('table');
    // A table in one of its cells, as raw HTML may nest one, is a table too, scrolling with the region.
    const nested = await region.locator('td').first().evaluate((cell) => {
      const table = cell.appendChild(document.createElement('table'));
      table.insertRow().insertCell().textContent = 'nested';
      return getComputedStyle(table).display;
    });
    expect(nested).toBe('table');
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await article.scrollsHorizontally()).toBe(false);

    // Tab from the top of the page until the region has focus, then scroll it with the arrow keys.
    const regionFocused = () => region.evaluate((element) => element === document.activeElement);
    let presses = 0;
    for (; presses < 100 && !(await regionFocused()); presses++) await page.keyboard.press('Tab');
    expect(await regionFocused()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await article.scrollsHorizontally()).toBe(false);
  });

  it('a wide table with no region of its own (raw HTML opening it in one block and closing it in another) scrolls by itself', async () => {
    const withTable = builtArticles().find(({ slug }) => readPage(`articles/${slug}/index.html`).querySelector('.prose table'));
    const { page } = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const article = new ArticlePage(page);
    await article.goto(withTable!.slug);
    // The body as the build writes such a table: the table itself among the body's blocks, with no region around it.
    const table = await article.main.locator('.prose .table-scroll > table').first().elementHandle();
    await table!.evaluate((element) => element.closest('.table-scroll')!.replaceWith(element));
    expect(await table!.evaluate((element) => element.parentElement!.classList.contains('prose'))).toBe(true);
    expect(await table!.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await article.scrollsHorizontally()).toBe(false);

    // On paper nothing scrolls: it is a whole table again, cut by nothing.
    await page.emulateMedia({ media: 'print' });
    expect(await table!.evaluate((element) => [getComputedStyle(element).display, getComputedStyle(element).overflowX])).toEqual(['table', 'visible']);
  });
});

/**
 * The reader's browser (or phone) set to show text twice the usual size, as Chrome's font size setting and Android's
 * font scale do: every rem and em grows, the viewport does not.
 */
async function withTextAt200Percent(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
}

describe('at 320 px wide with text at twice its size', () => {
  it('a listing page between others keeps Newer, Older and every page number on the screen', async () => {
    const { page } = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await withTextAt200Percent(page);
    const front = new FrontPage(page);
    await front.goto(2);
    const status = await front.pageStatus();
    expect(status.number).toBe(2);
    expect(status.total, 'the bundled articles fill at least three pages').toBeGreaterThanOrEqual(3);
    const links = [front.newerLink, front.olderLink, front.pageNumberLink(1), front.pageNumberLink(3)];
    for (const link of links) {
      const box = (await link.boundingBox())!;
      expect(box.x, await link.innerText()).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, await link.innerText()).toBeLessThanOrEqual(320);
    }
    expect(await front.scrollsHorizontally()).toBe(false);
  });

  it('the skip link stays out of sight until Tab reaches it, then shows whole with its focus ring, and Enter takes the keyboard to the main region', async () => {
    const { page } = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await withTextAt200Percent(page);
    const front = new FrontPage(page);
    await front.goto();
    const skip = page.getByRole('link', { name: 'Skip to content' });
    // Wrapped onto two lines by the large text, it is taller than when it fits on one.
    const hidden = (await skip.boundingBox())!;
    expect(hidden.y + hidden.height).toBeLessThanOrEqual(0);

    await page.keyboard.press('Tab');
    expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
    // Its focus ring included, which a link running to the screen's edge would lose there.
    const ring = await skip.evaluate((link) => {
      const box = link.getBoundingClientRect();
      const style = getComputedStyle(link);
      const outside = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
      return { top: box.top - outside, left: box.left - outside, right: box.right + outside };
    });
    expect(ring.top).toBeGreaterThanOrEqual(0);
    expect(ring.left).toBeGreaterThanOrEqual(0);
    expect(ring.right).toBeLessThanOrEqual(320);

    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });

  it('search results take the reader’s text size and wrap a headline of one long word, cutting none of it off at the screen’s edge', async () => {
    // Tall enough that the first result, below the header the large text makes tall, is drawn at once.
    const { page } = await browser.newPage({ viewport: { width: 320, height: 2400 } });
    await withTextAt200Percent(page);
    const search = new SearchPage(page);
    await search.showResultsFor(bodyOnlyWord().word);
    const result = page.locator('.search-result').first();
    // A headline as some languages and product names write one: a single word longer than the screen is wide.
    const title = result.locator('.search-result-title a');
    await title.evaluate((link) => (link.textContent = 'Datenschutzgrundverordnungsdurchsetzungsbehörden'.repeat(2)));
    const right = await title.evaluate((link) => Math.max(...[...link.getClientRects()].map((line) => line.right)));
    expect(right).toBeLessThanOrEqual(320);
    const [excerptSize, bodySize] = await result.locator('.search-result-excerpt').evaluate((excerpt) => [getComputedStyle(excerpt).fontSize, getComputedStyle(document.body).fontSize]);
    expect(excerptSize).toBe(bodySize);
    expect(await search.scrollsHorizontally()).toBe(false);
  });

  it('the not-found page’s search box keeps room to type in, its button moving below it', async () => {
    const { page } = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await withTextAt200Percent(page);
    const notFound = new NotFoundPage(page);
    await notFound.open('no-such-page/');
    const search = page.getByRole('search');
    const form = (await search.boundingBox())!;
    const box = (await notFound.searchBox.boundingBox())!;
    const button = (await search.getByRole('button', { name: 'Search' }).boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(form.width * 0.9);
    expect(button.x + button.width).toBeLessThanOrEqual(320);
    expect(await notFound.scrollsHorizontally()).toBe(false);
  });
});

describe('the site header', () => {
  // The browser's setting applies to the pages loaded after it; a root font set by the page, as a reader's style sheet
  // or a zoom-text extension sets one, grows every rem but moves no breakpoint.
  const textSizes: Array<{ text: string; beforeLoad?: (page: Page) => Promise<void>; afterLoad?: (page: Page) => Promise<unknown> }> = [
    { text: 'normal text' },
    { text: 'the browser’s text at 200 %', beforeLoad: withTextAt200Percent },
    { text: 'the page’s root font at 200 %', afterLoad: (page) => page.evaluate(() => (document.documentElement.style.fontSize = '200%')) },
  ];
  const cases = textSizes.flatMap((size) => (['ltr', 'rtl'] as const).map((dir) => ({ ...size, dir })));

  it.each(cases)(
    'at 320 by 568 px with $text, running $dir, leaves the headline on the first screen, and Tab shows each section link whole with its focus ring',
    async ({ beforeLoad, afterLoad, dir }) => {
      const { page } = await browser.newPage({ viewport: { width: 320, height: 568 } });
      const article = new ArticlePage(page);
      await beforeLoad?.(page);
      await article.goto('japan-ai-race');
      await afterLoad?.(page);
      // As a site in Hebrew or Arabic would run: its row then starts, and scrolls, from the right.
      await page.evaluate((dir) => (document.documentElement.dir = dir), dir);

      // Its first line whole, not just the top of its first letters.
      const firstLineBottom = await article.heading.evaluate((h1) => h1.getBoundingClientRect().top + parseFloat(getComputedStyle(h1).lineHeight));
      expect(firstLineBottom).toBeLessThanOrEqual(568);
      expect(await article.scrollsHorizontally()).toBe(false);

      const names = await article.sectionsNav.getByRole('link').evaluateAll((links) => links.map((link) => link.textContent!.trim()));
      expect(names).toEqual([...siteConfig.sections, 'Stories', 'All tags', 'Search']);
      const reached: string[] = [];
      for (let presses = 0; presses < 20 && reached.length < names.length; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const link = document.activeElement!;
          const row = link.closest('nav ul');
          if (!row) return undefined;
          // The ring as drawn, and what shows it: the row, when it scrolls and so clips, and always the screen.
          const style = getComputedStyle(link);
          const outside = Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset));
          const box = link.getBoundingClientRect();
          const ring = { left: box.left - outside, right: box.right + outside, top: box.top - outside, bottom: box.bottom + outside };
          const clip = getComputedStyle(row).overflowX === 'visible' ? { left: 0, right: innerWidth, top: 0, bottom: innerHeight } : row.getBoundingClientRect();
          // Within a pixel: the last link, scrolled to the row's end, can stop a fraction of one short.
          const within = (inner: number, outer: number) => inner <= outer + 1;
          const shown =
            within(Math.max(0, clip.left), ring.left) && within(ring.right, Math.min(innerWidth, clip.right)) && within(Math.max(0, clip.top), ring.top) && within(ring.bottom, Math.min(innerHeight, clip.bottom));
          return { name: link.textContent!.trim(), shown, ring: style.outlineStyle };
        });
        if (!focused) continue;
        expect(focused.shown, `${focused.name}, focused`).toBe(true);
        expect(focused.ring, `${focused.name}, focused`).not.toBe('none');
        reached.push(focused.name);
      }
      expect(reached).toEqual(names);
      // Scrolling the row to its last link moved the row alone.
      expect(await article.scrollsHorizontally()).toBe(false);
      expect(await page.evaluate(() => scrollX)).toBe(0);
    },
  );

  it('at 320 px opens the section row at the current section: the search page shows its own link, the front page the row\'s start', async () => {
    const { page } = await browser.newPage({ viewport: { width: 320, height: 568 } });
    const sectionLink = (name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
    const shownWhole = (name: string) =>
      sectionLink(name).evaluate((link) => {
        const row = link.closest('ul')!.getBoundingClientRect();
        const box = link.getBoundingClientRect();
        return box.left >= row.left - 1 && box.right <= row.right + 1;
      });
    await new SearchPage(page).goto();
    expect(await sectionLink('Search').getAttribute('aria-current')).toBe('page');
    expect(await shownWhole('Search')).toBe(true);
    expect(await page.evaluate(() => scrollX)).toBe(0);
    await new FrontPage(page).goto();
    expect(await page.locator('.site-nav ul').evaluate((row) => [row.scrollLeft, row.scrollWidth > row.clientWidth])).toEqual([0, true]);
  });

  it('on a wide screen shows the tagline and every section link at once, in one row that does not scroll', async () => {
    const { page } = await browser.newPage({ viewport: viewports.desktop });
    const article = new ArticlePage(page);
    await article.goto('japan-ai-race');
    expect(await page.getByText(siteConfig.tagline).isVisible()).toBe(true);
    const tops = await article.sectionsNav.getByRole('link').evaluateAll((links) => new Set(links.map((link) => link.getBoundingClientRect().top)).size);
    expect(tops).toBe(1);
    expect(await article.sectionsNav.getByRole('list').evaluate((row) => row.scrollWidth <= row.clientWidth)).toBe(true);
  });
});

describe('on a tall screen', () => {
  it('a page shorter than the window ends with its footer at the bottom edge, with no bare page below it', async () => {
    const { page } = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const notFound = new NotFoundPage(page);
    await notFound.open('no-such-page/');
    const footer = page.getByRole('contentinfo');
    const [bottom, windowHeight] = await footer.evaluate((element) => [element.getBoundingClientRect().bottom, innerHeight]);
    expect(bottom).toBe(windowHeight);
    expect(await notFound.scrollsHorizontally()).toBe(false);
  });
});

describe('the search page opened from a link with ?q=', () => {
  it.each([viewports.phone, viewports.desktop])('moves what the reader sees by less than 0.1 (cumulative layout shift) as results arrive, at $width px', async (viewport) => {
    const commonest = commonestTag();
    const { page } = await browser.newPage({ viewport });
    // Layout shifts not caused by the reader's input, as Core Web Vitals counts them, from the first paint on.
    await page.addInitScript(() => {
      const layoutShift = {
        score: 0,
        observer: new PerformanceObserver((list) => layoutShift.add(list.getEntries())),
        add(entries: PerformanceEntryList) {
          for (const entry of entries as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) if (!entry.hadRecentInput) layoutShift.score += entry.value;
        },
      };
      layoutShift.observer.observe({ type: 'layout-shift', buffered: true });
      window.__layoutShift = layoutShift;
    });
    const search = new SearchPage(page);
    await search.open(`search/?q=${encodeURIComponent(commonest)}`);
    await expect.poll(() => search.summary.innerText(), { timeout: 15_000 }).toMatch(/^\d+ results/);
    // Every result on the screen drawn, and the frame after that painted, with the shifts it made reported.
    await page.waitForFunction(
      () => {
        const results = [...document.querySelectorAll('[data-pf-result-index]')];
        return results.length > 0 && results.every((result) => !result.querySelector('.pf-skeleton') || result.getBoundingClientRect().top > innerHeight);
      },
      undefined,
      { timeout: 15_000 },
    );
    const score = await page.evaluate(async () => {
      await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
      const layoutShift = window.__layoutShift!;
      layoutShift.add(layoutShift.observer.takeRecords());
      return layoutShift.score;
    });
    expect(score).toBeLessThan(0.1);
  });
});

describe('an article with footnotes', () => {
  it('keeps the lines of a paragraph with a footnote mark evenly spaced, and sets its notes apart in smaller type, their heading only for screen readers', async () => {
    const { page } = await browser.newPage();
    const article = new ArticlePage(page);
    await article.goto(newest().slug);
    const prose = article.main.locator('.prose');
    // A paragraph and its notes as the build writes them from `[^1]` in Markdown.
    const paragraphs = await prose.evaluate((element) => {
      const measure = (html: string) => {
        const paragraph = element.insertBefore(document.createElement('p'), element.firstChild);
        paragraph.innerHTML = html;
        const height = paragraph.getBoundingClientRect().height;
        paragraph.remove();
        return height;
      };
      const words = 'Regulators said the audit would follow within the month. '.repeat(6);
      const mark = '<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref aria-describedby="footnote-label">1</a></sup>';
      element.insertAdjacentHTML(
        'beforeend',
        '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-1"><p>The audit’s terms. <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>',
      );
      return { plain: measure(words), marked: measure(`${words.replace('audit', `audit${mark}`)}`) };
    });
    expect(paragraphs.marked).toBe(paragraphs.plain);

    const label = page.getByRole('heading', { name: 'Footnotes' });
    expect(await label.count()).toBe(1);
    const labelBox = (await label.boundingBox())!;
    expect(labelBox.width * labelBox.height).toBeLessThanOrEqual(1);
    const [noteSize, bodySize] = await prose.evaluate((element) => [
      parseFloat(getComputedStyle(element.querySelector('.footnotes li p')!).fontSize),
      parseFloat(getComputedStyle(element.querySelector(':scope > p')!).fontSize),
    ]);
    expect(noteSize).toBeLessThan(bodySize);
  });
});

describe('in the dark colour scheme', () => {
  // Where an article shows a picture: one added to its body, and its lead picture, as the build writes each.
  const places = [
    {
      where: 'in an article body',
      picture: (article: ArticlePage) =>
        article.main.locator('.prose').evaluateHandle((prose) => prose.insertBefore(document.createElement('p'), prose.firstChild).appendChild(document.createElement('img'))),
    },
    { where: 'at the top of an article (its lead picture)', picture: (article: ArticlePage) => article.main.locator('.story-image img').elementHandle() },
  ];

  it.each(places)('a chart drawn on a transparent ground $where keeps a white ground, so its dark lines still show', async ({ picture: find }) => {
    const { page } = await browser.newPage({ colorScheme: 'dark' });
    const article = new ArticlePage(page);
    expect(withLeadPicture(), 'an article with a lead picture').toBeDefined();
    await article.goto(withLeadPicture().slug);
    // Its file swapped for a chart of dark bars on nothing, as charting tools export them.
    const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150"><rect x="100" y="25" width="100" height="100" fill="#222"/></svg>`;
    const picture = await (await find(article)).evaluateHandle((element, svg) => {
      const image = element as HTMLImageElement;
      image.removeAttribute('srcset');
      image.alt = 'Bar chart';
      image.src = `data:image/svg+xml,${encodeURIComponent(svg)}`;
      return image.decode().then(() => image);
    }, chart);
    const shot = await loadImage(await picture.asElement()!.screenshot());
    const canvas = createCanvas(shot.width, shot.height);
    const context = canvas.getContext('2d');
    context.drawImage(shot, 0, 0);
    const lightness = (x: number, y: number) => {
      const [red, green, blue] = context.getImageData(Math.round(x * shot.width), Math.round(y * shot.height), 1, 1).data;
      return (red! + green! + blue!) / 3;
    };
    // Around the bar (transparent in the picture) and the bar itself.
    expect(lightness(0.1, 0.5)).toBeGreaterThan(200);
    expect(lightness(0.5, 0.5)).toBeLessThan(60);
  });

  it.each(places)('a picture $where that fails to load shows its description in dark letters on that white ground', async ({ picture: find }) => {
    const { page } = await browser.newPage({ colorScheme: 'dark' });
    const article = new ArticlePage(page);
    await article.goto(withLeadPicture().slug);
    const picture = await (await find(article)).evaluateHandle(
      (element) =>
        new Promise<HTMLImageElement>((failed) => {
          const image = element as HTMLImageElement;
          image.removeAttribute('srcset');
          image.width = 600;
          image.height = 300;
          image.alt = 'Shipments by quarter';
          image.onerror = () => failed(image);
          image.src = 'missing-chart.png';
        }),
    );
    const shot = await loadImage(await picture.asElement()!.screenshot());
    const canvas = createCanvas(shot.width, shot.height);
    const context = canvas.getContext('2d');
    context.drawImage(shot, 0, 0);
    // The description's line, right of the browser's broken-picture icon (and below the edge of what is above it).
    const line = context.getImageData(24, 4, Math.min(300, shot.width - 24), 20).data;
    const lightness = Array.from({ length: line.length / 4 }, (_, pixel) => (line[pixel * 4]! + line[pixel * 4 + 1]! + line[pixel * 4 + 2]!) / 3);
    // A white ground, and letters on it dark enough to read.
    expect(Math.max(...lightness)).toBeGreaterThan(240);
    expect(Math.min(...lightness)).toBeLessThan(100);
  });
});

describe('a picture’s `sizes`, which the browser picks the file to fetch by', () => {
  /**
   * The width `sizes` names at the page's present width (the length of the first entry whose media condition holds,
   * measured as a box's width; entries here hold no commas of their own, as min() or clamp() would), and the width
   * the picture is shown at. Run in the page.
   */
  const widths = (image: HTMLImageElement): { named: number; shown: number } => {
    const shown = image.getBoundingClientRect().width;
    for (const entry of image.sizes.split(',').map((text) => text.trim())) {
      let [condition, length] = ['', entry];
      if (entry.startsWith('(')) {
        let depth = 0;
        let end = 0;
        for (; end < entry.length; end++) {
          if (entry[end] === '(') depth++;
          else if (entry[end] === ')' && --depth === 0) break;
        }
        [condition, length] = [entry.slice(0, end + 1), entry.slice(end + 1).trim()];
      }
      if (condition && !matchMedia(condition).matches) continue;
      const probe = document.body.appendChild(document.createElement('div'));
      probe.style.cssText = `position: absolute; width: ${length}`;
      const named = probe.getBoundingClientRect().width;
      probe.remove();
      return { named, shown };
    }
    throw new Error(`no entry of sizes="${image.sizes}" applies`);
  };
  const pictures = [
    { name: 'the front page’s lead picture', open: (page: Page) => new FrontPage(page).goto(), selector: '.teaser-lead .thumbnail img' },
    { name: 'a teaser’s picture', open: (page: Page) => new TagPage(page).goto(withLeadPicture().tagSlugs[0]!), selector: '.teaser .thumbnail img' },
    { name: 'an article’s lead picture', open: (page: Page) => new ArticlePage(page).goto(withLeadPicture().slug), selector: '.story-image img' },
  ];

  // A width named too small fetches a file blurred by stretching; too large, one heavier than the screen can show.
  it.each(pictures)('of $name names the width it is shown at, on a phone, a tablet, a laptop and a wide screen', async ({ open, selector }) => {
    const { page } = await browser.newPage();
    await open(page);
    const image = page.locator(selector).first();
    for (const width of [320, 768, 900, 1100, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      const { named, shown } = await image.evaluate(widths);
      expect(named, `at ${width} px, shown ${shown} px wide`).toBeGreaterThanOrEqual(shown - 0.5);
      expect(named, `at ${width} px, shown ${shown} px wide`).toBeLessThanOrEqual(shown * 1.1);
    }
  });
});

describe('in forced colours (a high-contrast theme)', () => {
  it('the header still marks the section a tag page belongs to', async () => {
    const { page } = await browser.newPage({ forcedColors: 'active' });
    const front = new FrontPage(page);
    await front.goto();
    const [section, otherSection] = await front.sectionsNav.locator('a[href*="/tags/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    const sectionLink = front.sectionsNav.locator(`a[href="${section}"]`);
    await page.goto(section!);
    const marked = await sectionLink.screenshot();
    await page.goto(otherSection!);
    const unmarked = await sectionLink.screenshot();
    expect(marked.equals(unmarked)).toBe(false);
  });

  it('search results still highlight the words they matched, in the theme’s own highlight', async () => {
    const { word } = bodyOnlyWord();
    const { page } = await browser.newPage({ forcedColors: 'active' });
    const search = new SearchPage(page);
    await search.showResultsFor(word);
    const highlight = page.locator('.search-result-excerpt mark').first();
    await highlight.waitFor();
    const [background, text] = await highlight.evaluate((mark) => [getComputedStyle(mark).backgroundColor, getComputedStyle(mark.parentElement!).backgroundColor]);
    // Opaque, as the theme draws its highlight, and unlike the text around it.
    expect(background).toMatch(/^rgb\(/);
    expect(background).not.toBe(text);
  });
});

describe('printed', () => {
  it('an article prints as the story alone, black on white, with where its source link leads', async () => {
    const { page } = await browser.newPage();
    // A reader whose system is dark still prints on white paper.
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    const article = new ArticlePage(page);
    await article.goto('japan-ai-race');
    const sourceLink = article.main.locator('.source a[rel~="external"]');
    const looks = () =>
      page.evaluate(() => {
        const link = document.querySelector('main .source a[rel~="external"]')!;
        return { text: getComputedStyle(document.body).color, paper: getComputedStyle(document.body).backgroundColor, afterLink: getComputedStyle(link, '::after').content };
      });
    expect(await article.sectionsNav.isVisible()).toBe(true);
    expect(await article.exploreMore.isVisible()).toBe(true);
    expect((await looks()).paper).not.toBe('rgb(255, 255, 255)');

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await article.heading.isVisible()).toBe(true);
    expect(await article.main.locator('.prose').isVisible()).toBe(true);
    expect(await article.sectionsNav.isVisible()).toBe(false);
    expect(await article.exploreMore.isVisible()).toBe(false);
    const href = await sourceLink.getAttribute('href');
    expect(href).toMatch(/^https:/);
    expect(await looks()).toEqual({ text: 'rgb(0, 0, 0)', paper: 'rgb(255, 255, 255)', afterLink: `" (${href})"` });

    // A story's page prints where each outlet's original is.
    await page.goto(builtStories()[0]!.path);
    const originals = await page.evaluate(() =>
      [...document.querySelectorAll('main a[rel~="external"]')].map((link) => [getComputedStyle(link, '::after').content, `" (${link.getAttribute('href')})"`]),
    );
    expect(originals.length).toBeGreaterThan(1);
    for (const [shown, expected] of originals) expect(shown).toBe(expected);
  });

  it('code prints in black, which paper without its dark ground still shows, and wraps a long token within the page', async () => {
    const withCode = builtArticles().find(({ slug }) => readPage(`articles/${slug}/index.html`).querySelector('.prose pre'));
    expect(withCode, 'an article with a code block').toBeDefined();
    const { page } = await browser.newPage();
    const article = new ArticlePage(page);
    await article.goto(withCode!.slug);
    const code = article.main.locator('.prose pre').first();
    // A token longer than the page is wide, as a key or a hash in a code sample is.
    await code.locator('code').evaluate((element) => element.append(` ${'f3a9'.repeat(80)}`));
    await page.emulateMedia({ media: 'print' });
    const printed = await code.evaluate((pre) => ({
      colours: [...new Set([pre, ...pre.querySelectorAll('*')].map((element) => getComputedStyle(element).color))],
      cutOff: pre.scrollWidth > pre.clientWidth,
    }));
    expect(printed).toEqual({ colours: ['rgb(0, 0, 0)'], cutOff: false });
  });

  it('a table with a long word or address in a cell prints within the page, not running off its edge', async () => {
    const withTable = builtArticles().find(({ slug }) => readPage(`articles/${slug}/index.html`).querySelector('.prose table'));
    const { page } = await browser.newPage();
    const article = new ArticlePage(page);
    await article.goto(withTable!.slug);
    const table = article.main.locator('.prose table').first();
    await table.locator('td').first().evaluate((cell) => cell.append(` https://example.com/${'reports/2026/'.repeat(12)}`));
    await page.emulateMedia({ media: 'print' });
    const [tableRight, columnRight] = await table.evaluate((element) => [element.getBoundingClientRect().right, element.closest('.prose')!.getBoundingClientRect().right]);
    expect(tableRight).toBeLessThanOrEqual(columnRight);
  });

  it('a search prints what it found, without the search box, the menus and the button that only a screen can use', async () => {
    const { page } = await browser.newPage();
    const search = new SearchPage(page);
    const query = commonestTag();
    await search.open(`search/?q=${encodeURIComponent(query)}`);
    expect(await search.answered(query)).toBeGreaterThan(siteConfig.pageSize);
    await expect.poll(() => search.showMore.isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    expect(await search.summary.isVisible()).toBe(true);
    expect(await search.resultLinks.first().isVisible()).toBe(true);
    expect(await search.searchBox.isVisible()).toBe(false);
    expect(await search.outlet.isVisible()).toBe(false);
    expect(await search.order.isVisible()).toBe(false);
    expect(await search.showMore.isVisible()).toBe(false);
  });
});

describe('screenshots', () => {
  const shots: Array<{ name: string; open(page: import('playwright-core').Page): Promise<unknown> }> = [
    { name: 'front', open: (page) => new FrontPage(page).goto() },
    { name: 'article', open: (page) => new ArticlePage(page).goto(newest().slug) },
    { name: 'tag', open: (page) => new TagPage(page).goto(newest().tagSlugs[0]!) },
    { name: 'tags-index', open: (page) => new TagsIndexPage(page).goto() },
    { name: 'search', open: (page) => new SearchPage(page).showResultsFor(bodyOnlyWord().word) },
    { name: 'not-found', open: (page) => new NotFoundPage(page).open('no-such-page/') },
  ];

  describe.each(Object.entries(viewports))('at %s size', (device, viewport) => {
    it.each(shots)('of the $name page', async (shot) => {
      const { page } = await browser.newPage({ viewport });
      await shot.open(page);
      const path = screenshotPath(`${shot.name}-${device}`);
      const image = await page.screenshot({ path, fullPage: true });
      expect(image.byteLength, path).toBeGreaterThan(1000);
    });
  });
});
