import { describe, expect, it } from 'vitest';
import { builtFileFor, isListedPage, modifiedTimeOf, sitemapOptions } from '../../../src/lib/output/sitemap.ts';

const origin = 'https://news.example.org';

describe('which pages the sitemap lists', () => {
  it.each([
    ['/desk/', true],
    ['/desk/articles/japan-ai-race/', true],
    ['/desk/tags/ai/page/2/', true],
    ['/desk/search/', false],
    ['/desk/404/', false],
    ['/desk/500/', false],
    ['/desk/rss.xml', false],
    ['/desk/robots.txt', false],
    ['/elsewhere/', false],
  ])('%s: %s', (path, listed) => {
    expect(isListedPage(origin + path, '/desk/')).toBe(listed);
  });

  it('works at the root too', () => {
    expect(isListedPage(`${origin}/articles/x/`, '/')).toBe(true);
    expect(isListedPage(`${origin}/search/`, '/')).toBe(false);
  });
});

describe('finding the built file for a URL', () => {
  it('maps directory URLs to their index.html under the base path', () => {
    expect(builtFileFor(`${origin}/desk/articles/x/`, '/desk/')).toBe('articles/x/index.html');
    expect(builtFileFor(`${origin}/desk/`, '/desk/')).toBe('index.html');
    expect(builtFileFor(`${origin}/desk/tags/caf%C3%A9/`, '/desk/')).toBe('tags/café/index.html');
  });

  it('ignores files and URLs outside the base path', () => {
    expect(builtFileFor(`${origin}/desk/rss.xml`, '/desk/')).toBeUndefined();
    expect(builtFileFor(`${origin}/other/x/`, '/desk/')).toBeUndefined();
  });
});

describe('reading the modified time a page declares', () => {
  it('reads article:modified_time from the head, whatever the attribute order or quoting', () => {
    expect(modifiedTimeOf('<head><meta property="article:modified_time" content="2026-11-05T10:00:00.000Z"></head>')).toBe('2026-11-05T10:00:00.000Z');
    expect(modifiedTimeOf("<head><meta content='2026-11-05T10:00:00Z' property='article:modified_time' /></head>")).toBe('2026-11-05T10:00:00.000Z');
  });

  it('has nothing for pages without one, with a broken one, or with one only in the body', () => {
    expect(modifiedTimeOf('<head><meta property="og:type" content="website"></head>')).toBeUndefined();
    expect(modifiedTimeOf('<head><meta property="article:modified_time" content="yesterday"></head>')).toBeUndefined();
    expect(modifiedTimeOf('<head></head><body><meta property="article:modified_time" content="2026-11-05T10:00:00Z"></body>')).toBeUndefined();
  });
});

describe('the sitemap options', () => {
  const pages: Record<string, string> = {
    'articles/a/index.html': '<head><meta property="article:modified_time" content="2026-11-05T10:00:00.000Z"></head>',
    'index.html': '<head><title>Front</title></head>',
    'articles/own/index.html': `<head><link rel="canonical" href="${origin}/desk/articles/own/"></head>`,
    'articles/excerpt/index.html': '<head><link rel="canonical" href="https://chipwire.example.com/story?a=1&amp;b=2"></head>',
  };
  const options = sitemapOptions({ base: '/desk/', readPage: async (file) => pages[file] });

  it('dates article pages by their declared modification and leaves other pages undated', async () => {
    expect(await options.serialize!({ url: `${origin}/desk/articles/a/` })).toEqual({ url: `${origin}/desk/articles/a/`, lastmod: '2026-11-05T10:00:00.000Z' });
    expect(await options.serialize!({ url: `${origin}/desk/` })).toEqual({ url: `${origin}/desk/` });
    expect(await options.serialize!({ url: `${origin}/desk/articles/missing/` })).toEqual({ url: `${origin}/desk/articles/missing/` });
  });

  it('leaves out pages whose canonical URL is on another site (excerpt items), keeping the site’s own', async () => {
    expect(await options.serialize!({ url: `${origin}/desk/articles/excerpt/` })).toBeUndefined();
    expect(await options.serialize!({ url: `${origin}/desk/articles/own/` })).toEqual({ url: `${origin}/desk/articles/own/` });
  });

  it('declares no sitemap extensions the site does not use', () => {
    expect(options.namespaces).toEqual({ news: false, xhtml: false, image: false, video: false });
    expect(options.filter!(`${origin}/desk/search/`)).toBe(false);
  });
});
