import { describe, expect, it } from 'vitest';
import { siteUrlProblem } from '../../../src/lib/build/site-address.ts';

describe('siteUrlProblem', () => {
  it('takes a whole http(s) address', () => {
    for (const address of ['https://news.example.org', 'http://localhost:4321', 'https://example.github.io/desk/']) expect(siteUrlProblem(address), address).toBeUndefined();
  });

  it('refuses what is no web address, saying what to set', () => {
    for (const address of ['notaurl', 'news.example.org', 'ftp://news.example.org', 'https://', '/desk/']) {
      expect(siteUrlProblem(address), address).toBe(`SITE_URL="${address}" is not a web address; set it to the site's full address, such as https://news.example.org (and any path in BASE_PATH)`);
    }
  });

  it('refuses an address with a password without repeating it', () => {
    const problem = siteUrlProblem('https://editor:s3cret@news.example.org');
    expect(problem).toContain('holds a user name or password');
    expect(problem).not.toContain('s3cret');
  });
});
