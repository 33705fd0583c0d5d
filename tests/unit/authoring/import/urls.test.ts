import { describe, expect, it } from 'vitest';
import { addressWithoutScheme, cleanUrl, resolveWebUrl, urlKey } from '../../../../src/lib/authoring/import/urls.ts';

describe('urlKey: the same story behind different spellings of its link', () => {
  const canonical = urlKey('https://news.example/2026/05/story');

  it.each([
    ['scheme', 'http://news.example/2026/05/story'],
    ['host case', 'https://NEWS.Example/2026/05/story'],
    ['trailing slash', 'https://news.example/2026/05/story/'],
    ['utm parameters', 'https://news.example/2026/05/story?utm_source=rss&utm_medium=feed&utm_campaign=x'],
    ['click ids', 'https://news.example/2026/05/story?fbclid=abc&gclid=def'],
    ['fragment', 'https://news.example/2026/05/story#comments'],
    ['default port', 'https://news.example:443/2026/05/story'],
    ['surrounding spaces', '  https://news.example/2026/05/story  '],
    ['www. prefix', 'https://www.news.example/2026/05/story'],
    ['feed:// scheme', 'feed://news.example/2026/05/story'],
    ['feed: prefix', 'FEED:https://www.news.example/2026/05/story'],
  ])('ignores the %s', (_difference, variant) => {
    expect(urlKey(variant)).toBe(canonical);
  });

  it('keeps parameters that choose the story, in any order', () => {
    expect(urlKey('https://news.example/?p=1&lang=en')).toBe(urlKey('https://news.example/?lang=en&p=1&utm_source=x'));
    expect(urlKey('https://news.example/?p=1')).not.toBe(urlKey('https://news.example/?p=2'));
  });

  it('tells different paths and hosts apart', () => {
    expect(urlKey('https://news.example/2026/05/story-2')).not.toBe(canonical);
    expect(urlKey('https://other.example/2026/05/story')).not.toBe(canonical);
  });

  it('keeps a www host apart from a host merely named www', () => {
    expect(urlKey('https://www.com/rss')).not.toBe(urlKey('https://com/rss'));
    expect(urlKey('https://www2.news.example/rss')).not.toBe(urlKey('https://news.example/rss'));
    expect(urlKey('https://www.www.news.example/rss')).toBe(urlKey('https://news.example/rss'));
    expect(urlKey('https://www.www.com/rss')).toBe(urlKey('https://www.com/rss'));
  });

  it('has no key for non-web identifiers, so GUIDs like urn:uuid never match anything', () => {
    expect(urlKey('urn:uuid:1234')).toBeUndefined();
    expect(urlKey('tag:news.example,2026:1')).toBeUndefined();
    expect(urlKey('12345')).toBeUndefined();
    expect(urlKey(undefined)).toBeUndefined();
  });
});

describe('cleanUrl: the link stored in source.url', () => {
  it('drops tracking parameters and the fragment but keeps the scheme and the rest', () => {
    expect(cleanUrl('http://news.example/a/?utm_source=rss&id=7#top')).toBe('http://news.example/a/?id=7');
    expect(cleanUrl('https://news.example/a/?utm_source=rss')).toBe('https://news.example/a/');
  });

  it('drops a user name and password, which would be published, and can make a link seem to go elsewhere', () => {
    expect(cleanUrl('https://reader:s3cret@news.example/a')).toBe('https://news.example/a');
    expect(cleanUrl('https://bank.example@phish.example/login')).toBe('https://phish.example/login');
  });
});

describe('resolveWebUrl', () => {
  it('makes relative links absolute against the base', () => {
    expect(resolveWebUrl('/b/c', 'https://news.example/a/story')).toBe('https://news.example/b/c');
    expect(resolveWebUrl('figure.png', 'https://news.example/a/story')).toBe('https://news.example/a/figure.png');
    expect(resolveWebUrl('//cdn.example/x.png', 'https://news.example/')).toBe('https://cdn.example/x.png');
  });

  it('refuses anything that is not http(s)', () => {
    for (const href of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.example/']) {
      expect(resolveWebUrl(href, 'https://news.example/')).toBeUndefined();
    }
    expect(resolveWebUrl('/relative')).toBeUndefined();
  });
});

describe('addressWithoutScheme: a web address typed without http://', () => {
  it.each([
    ['example.com/feed', 'https://example.com/feed'],
    ['www.bbc.co.uk', 'https://www.bbc.co.uk'],
    ['news.example:8443/rss', 'https://news.example:8443/rss'],
    ['127.0.0.1:8080/feed.xml', 'http://127.0.0.1:8080/feed.xml'],
    ['localhost:4000/atom', 'http://localhost:4000/atom'],
  ])('%s is %s', (typed, meant) => {
    expect(addressWithoutScheme(typed)).toBe(meant);
  });

  it.each(['feed.xml', 'exports/feed.xml', './example.com/feed', 'feeds', 'example.com:abc/feed', 'C:\\feeds\\feed.xml'])('%s is a file name, not an address', (typed) => {
    expect(addressWithoutScheme(typed)).toBeUndefined();
  });
});
