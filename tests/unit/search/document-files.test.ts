import { describe, expect, it } from 'vitest';
import { documentFile, pageUrl } from '../../../src/lib/search/document-files.ts';

describe('documentFile', () => {
  it("is a file named after the page, its slug's percent-encoding undone", () => {
    expect(documentFile('/articles/japan-ai-race/')).toBe('articles/japan-ai-race.html');
    expect(documentFile(`/articles/${encodeURIComponent('日本のai')}/`)).toBe('articles/日本のai.html');
  });

  it('refuses a URL that would lead out of the folder, or name no file', () => {
    expect(() => documentFile('/articles/%2E%2E/')).toThrow(/not a page's URL/);
    expect(() => documentFile('/articles/a%2Fb/')).toThrow(/not a page's URL/);
    expect(() => documentFile('/')).toThrow(/not a page's URL/);
  });
});

describe('pageUrl', () => {
  it("is the page's URL of the URL Pagefind gives a document's file, a base path kept", () => {
    expect(pageUrl('/articles/japan-ai-race.html')).toBe('/articles/japan-ai-race/');
    expect(pageUrl('/desk/articles/%E6%97%A5%E6%9C%AC.html')).toBe('/desk/articles/%E6%97%A5%E6%9C%AC/');
  });

  it('is the page of the slug `index` for the folder URL Pagefind gives a file named index.html', () => {
    expect(documentFile('/articles/index/')).toBe('articles/index.html');
    expect(pageUrl('/articles/')).toBe('/articles/index/');
  });
});
