// Reading pages ship no JavaScript; search is the one page with scripts, and nothing logs errors or trips the CSP.
import { describe, expect, it } from 'vitest';
import { bodyOnlyWord, builtArticles } from './built-site.ts';
import { ArticlePage } from './pages/article-page.ts';
import { FrontPage } from './pages/front-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { TagPage } from './pages/tag-page.ts';
import { useBrowser } from './support.ts';

const browser = useBrowser();
const newest = () => builtArticles()[0]!;

describe('scripts', () => {
  it('the front, article and tag pages run no scripts at all', async () => {
    const { page } = await browser.newPage();
    const front = new FrontPage(page);
    await front.goto();
    expect(await front.executableScripts()).toEqual([]);
    const article = new ArticlePage(page);
    await article.goto(newest().slug);
    expect(await article.executableScripts()).toEqual([]);
    const tag = new TagPage(page);
    await tag.goto(newest().tagSlugs[0]!);
    expect(await tag.executableScripts()).toEqual([]);
  });

  it('the search page loads its scripts from the site itself', async () => {
    const { page } = await browser.newPage();
    const search = new SearchPage(page);
    await search.goto();
    const scripts = await search.executableScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const origin = new URL(page.url()).origin;
    expect(scripts.filter((src) => !src.startsWith('inline:') && new URL(src).origin !== origin)).toEqual([]);
  });
});

describe('no errors in the browser', () => {
  it('on every article page', async () => {
    const { page, problems } = await browser.newPage();
    const article = new ArticlePage(page);
    const violations: string[] = [];
    for (const { slug } of builtArticles()) {
      await article.goto(slug);
      await page.waitForLoadState('load');
      violations.push(...(await problems.cspViolations()).map((violation) => `${slug}: ${violation}`));
    }
    expect(problems.errors).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('on the search page while searching', async () => {
    const { page, problems } = await browser.newPage();
    await new SearchPage(page).showResultsFor(bodyOnlyWord().word);
    expect(problems.errors).toEqual([]);
    expect(await problems.cspViolations()).toEqual([]);
  });
});
