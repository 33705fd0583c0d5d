import { describe, expect, it } from 'vitest';
import { absoluteUrl, astroBase, basePathProblem, createPaths, pageFromParam, pageParam } from '../../../src/lib/site/paths.ts';

describe('the base path', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/desk/', '/desk/'],
    ['/desk', '/desk/'],
    ['desk/', '/desk/'],
    ['desk', '/desk/'],
    ['//desk//', '/desk/'],
    ['/org/desk/', '/org/desk/'],
    ['/org//desk/', '/org/desk/'],
    ['//', '/'],
  ])('%j becomes the root %j', (base, root) => {
    expect(basePathProblem(base)).toBeUndefined();
    expect(createPaths(base).root).toBe(root);
  });

  it('takes folders in any script, as typed or %-escaped, browsers escaping the rest', () => {
    for (const base of ['/désk/', '/d%C3%A9sk/', '/новости/', '/news~1/']) expect(basePathProblem(base), base).toBeUndefined();
    expect(createPaths('/désk/').root).toBe('/désk/');
  });

  it('refuses a folder that browsers would resolve away, or read as a query, a fragment or two folders, saying what to write', () => {
    for (const [base, folder] of [
      ['/desk/../', '..'],
      ['/./desk/', '.'],
      ['/%2e%2E/', '%2e%2E'],
      ['/my desk/', 'my desk'],
      ['/desk?x=1/', 'desk?x=1'],
      ['/desk#top', 'desk#top'],
      ['/a%2Fb/', 'a%2Fb'],
      ['/a\\b/', 'a\\b'],
      ['/100%/', '100%'],
      ['/100%25/', '100%25'],
      ['/%41/', '%41'],
      ['/desk\n', 'desk\n'],
      ['/d%C3sk/', 'd%C3sk'],
      ['/%FF/', '%FF'],
    ]) {
      expect(basePathProblem(base!)).toBe(
        `BASE_PATH="${base}" has the folder "${folder}", which cannot be part of the site's address; set BASE_PATH to the path the site is served from, such as /desk/ (letters of any script, as typed or %-escaped, digits and - . _ ~, no spaces, ? or #), or to / for the root`,
      );
    }
  });

  it('prefixes every URL, at the root and under /desk/', () => {
    for (const [base, root] of [['/', '/'], ['desk', '/desk/']] as const) {
      const paths = createPaths(base);
      expect(paths.home()).toBe(root);
      expect(paths.article('japan-ai-race')).toBe(`${root}articles/japan-ai-race/`);
      expect(paths.tags()).toBe(`${root}tags/`);
      expect(paths.tag('ai')).toBe(`${root}tags/ai/`);
      expect(paths.tagFeed('ai')).toBe(`${root}tags/ai/rss.xml`);
      expect(paths.authors()).toBe(`${root}authors/`);
      expect(paths.author('mariko-tanaka')).toBe(`${root}authors/mariko-tanaka/`);
      expect(paths.authorFeed('mariko-tanaka')).toBe(`${root}authors/mariko-tanaka/rss.xml`);
      expect(paths.stories()).toBe(`${root}stories/`);
      expect(paths.stories(2)).toBe(`${root}stories/page/2/`);
      expect(paths.story('halvorsen-ransomware')).toBe(`${root}stories/halvorsen-ransomware/`);
      expect(paths.storyFeed('halvorsen-ransomware')).toBe(`${root}stories/halvorsen-ransomware/rss.xml`);
      expect(paths.sources()).toBe(`${root}sources/`);
      expect(paths.followedFeeds()).toBe(`${root}sources/feeds.opml`);
      expect(paths.source('chipwire')).toBe(`${root}sources/chipwire/`);
      expect(paths.source('chipwire', 2)).toBe(`${root}sources/chipwire/page/2/`);
      expect(paths.sourceFeed('chipwire')).toBe(`${root}sources/chipwire/rss.xml`);
      expect(paths.search()).toBe(`${root}search/`);
      expect(paths.rss()).toBe(`${root}rss.xml`);
      expect(paths.jsonFeed()).toBe(`${root}feed.json`);
      expect(paths.asset('/favicon.svg')).toBe(`${root}favicon.svg`);
      expect(paths.asset('logo.png')).toBe(`${root}logo.png`);
    }
  });
});

describe('the base path as Astro is given it', () => {
  it('writes escaped letters beyond ASCII as the letters, so both spellings are one base', () => {
    expect(astroBase('/d%C3%A9sk/')).toBe('/désk/');
    expect(astroBase('/d%c3%a9sk/')).toBe('/désk/');
    expect(astroBase('/news/%E6%97%A5%E6%9C%AC/')).toBe('/news/日本/');
    expect(astroBase('/%F0%9F%93%B0/')).toBe('/📰/');
    expect(astroBase('/désk/')).toBe('/désk/');
    expect(astroBase('/desk/')).toBe('/desk/');
  });
});

describe('listing pages', () => {
  const paths = createPaths('/desk/');

  it('page 1 lives at the listing URL itself, page n under page/n/', () => {
    expect(paths.home(1)).toBe('/desk/');
    expect(paths.home(2)).toBe('/desk/page/2/');
    expect(paths.tag('ai', 1)).toBe('/desk/tags/ai/');
    expect(paths.tag('ai', 3)).toBe('/desk/tags/ai/page/3/');
    expect(paths.author('alex-kim', 2)).toBe('/desk/authors/alex-kim/page/2/');
  });

  it('map to the [...page] route parameter and back', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('page/2');
    for (const n of [1, 2, 17]) expect(pageFromParam(pageParam(n))).toBe(n);
    expect(pageFromParam('')).toBe(1);
  });

  it.each(['page/0', 'page/01', 'page/x', 'pages/2', 'page/2/', '2'])('read a malformed parameter %j as NaN', (param) => {
    expect(pageFromParam(param)).toBeNaN();
  });
});

describe('non-Latin and symbol slugs', () => {
  const paths = createPaths('/desk/');

  it('are percent-encoded as UTF-8', () => {
    expect(paths.tag('日本')).toBe('/desk/tags/%E6%97%A5%E6%9C%AC/');
    expect(paths.tag('québec')).toBe('/desk/tags/qu%C3%A9bec/');
    expect(paths.article('データ-センター')).toBe('/desk/articles/%E3%83%87%E3%83%BC%E3%82%BF-%E3%82%BB%E3%83%B3%E3%82%BF%E3%83%BC/');
  });

  it('decode back to the slug', () => {
    expect(decodeURIComponent(paths.tag('québec'))).toBe('/desk/tags/québec/');
  });

  it('never let a slug escape its segment', () => {
    expect(paths.tag('a/b?c#d')).toBe('/desk/tags/a%2Fb%3Fc%23d/');
  });
});

describe('absolute URLs', () => {
  it('join the origin and a site path', () => {
    expect(absoluteUrl('https://news.example.org', '/desk/articles/japan-ai-race/')).toBe('https://news.example.org/desk/articles/japan-ai-race/');
  });

  it('ignore any path already on the site URL, since paths carry the base', () => {
    expect(absoluteUrl('https://example.github.io/newsdesk/', '/newsdesk/tags/ai/')).toBe('https://example.github.io/newsdesk/tags/ai/');
  });

  it('keep percent-encoding', () => {
    expect(absoluteUrl('https://news.example.org', createPaths('/').tag('日本'))).toBe('https://news.example.org/tags/%E6%97%A5%E6%9C%AC/');
  });
});
