import { describe, expect, it } from 'vitest';
import { enclosingContentFolder, isInsideFolder } from '../../src/lib/inside-folder.ts';

describe('isInsideFolder', () => {
  it('compares by the parts of a path, not its text', () => {
    expect(isInsideFolder('/srv/news', '/srv/news/2026/a.md')).toBe(true);
    expect(isInsideFolder('/srv/news', '/srv/news')).toBe(true);
    expect(isInsideFolder('/srv/news', '/srv/news-public/a.md')).toBe(false);
  });
});

describe('enclosingContentFolder', () => {
  it('gives the site content folder for any of its sub-folders, whose slugs and lock are the whole folder\'s', () => {
    expect(enclosingContentFolder('/site/content/articles/2026', '/site/content/articles')).toBe('/site/content/articles');
    expect(enclosingContentFolder('/site/content/articles', '/site/content/articles')).toBe('/site/content/articles');
  });

  it('gives a folder outside the site content folder as a content folder of its own', () => {
    expect(enclosingContentFolder('/tmp/fixtures/valid', '/site/content/articles')).toBe('/tmp/fixtures/valid');
    expect(enclosingContentFolder('/site/content/articles-old', '/site/content/articles')).toBe('/site/content/articles-old');
  });
});
