import { describe, expect, it } from 'vitest';
import { siteUrlProblem } from '../../../src/lib/build/site-address.ts';

describe('siteUrlProblem', () => {
  it('takes a whole http(s) address', () => {
    for (const address of ['https://news.example.org', 'http://localhost:4321', 'https://news.example.org/']) expect(siteUrlProblem(address, '/'), address).toBeUndefined();
  });

  it('takes an address that ends in the base path, as a GitHub Pages project site is written', () => {
    for (const address of ['https://example.github.io/desk/', 'https://example.github.io/desk', 'https://example.github.io']) {
      expect(siteUrlProblem(address, '/desk/'), address).toBeUndefined();
    }
    expect(siteUrlProblem('https://example.github.io/desk', 'desk')).toBeUndefined();
  });

  it('takes an address whose path is the base path outside ASCII, as typed or %-escaped', () => {
    for (const address of ['https://example.org/désk/', 'https://example.org/d%C3%A9sk/', 'https://example.org/d%c3%a9sk']) {
      for (const base of ['/désk/', '/d%C3%A9sk/', '/d%c3%a9sk/']) expect(siteUrlProblem(address, base), `${address} ${base}`).toBeUndefined();
    }
    expect(siteUrlProblem('https://example.org/désk/', '/desk/')).toContain('has the path /d%C3%A9sk/, but BASE_PATH is /desk/');
  });

  it('refuses a path the base path does not repeat, which every canonical URL, feed and sitemap entry would drop, naming the settings to use', () => {
    expect(siteUrlProblem('https://example.github.io/desk', '/')).toBe(
      'SITE_URL="https://example.github.io/desk" has the path /desk/, but BASE_PATH is /: canonical links, feeds and the sitemap would leave /desk/ out; set SITE_URL=https://example.github.io, with BASE_PATH=/desk/ if the site lives there',
    );
    expect(siteUrlProblem('https://example.org/news/', '/desk/')).toBe(
      'SITE_URL="https://example.org/news/" has the path /news/, but BASE_PATH is /desk/: canonical links, feeds and the sitemap would leave /news/ out; set SITE_URL=https://example.org, with BASE_PATH=/news/ if the site lives there',
    );
  });

  it('refuses a base path that is no path, before the address', () => {
    expect(siteUrlProblem('https://example.github.io/desk/', '/desk/../')).toMatch(/^BASE_PATH="\/desk\/\.\.\/" has the folder "\.\."/);
  });

  it('refuses what is no web address, saying what to set', () => {
    for (const address of ['notaurl', 'news.example.org', 'ftp://news.example.org', 'https://', '/desk/']) {
      expect(siteUrlProblem(address, '/'), address).toBe(`SITE_URL="${address}" is not a web address; set it to the site's full address, such as https://news.example.org (and any path in BASE_PATH)`);
    }
  });

  it('refuses an address with a query or fragment, which every absolute link would drop, offering it without', () => {
    expect(siteUrlProblem('https://news.example.org/?utm_source=ci', '/')).toBe(
      'SITE_URL="https://news.example.org/?utm_source=ci" has a query or fragment (?… or #…), which canonical links, feeds and the sitemap would drop; set SITE_URL=https://news.example.org',
    );
    expect(siteUrlProblem('https://news.example.org/desk/#top', '/desk/')).toContain('set SITE_URL=https://news.example.org/desk/');
    expect(siteUrlProblem('https://news.example.org?', '/')).toContain('has a query or fragment');
  });

  it('refuses an address with a password without repeating it', () => {
    const problem = siteUrlProblem('https://editor:s3cret@news.example.org', '/');
    expect(problem).toContain('holds a user name or password');
    expect(problem).not.toContain('s3cret');
  });

  it('does not repeat a password in an address that is no web address either, as build logs may be public', () => {
    expect(siteUrlProblem('https://editor:s3cret@news.example.org:x', '/')).toBe(
      `SITE_URL="https://editor:…@news.example.org:x" is not a web address; set it to the site's full address, such as https://news.example.org (and any path in BASE_PATH)`,
    );
    expect(siteUrlProblem('https://editor:s3cret@news.example.org/', '/')).toBe(
      'SITE_URL="https://editor:…@news.example.org/" holds a user name or password, which every page would publish; set it to the site\'s public address',
    );
  });
});
