import { describe, expect, it } from 'vitest';
import { createPaths } from '../../../src/lib/site/paths.ts';
import { readableAddress } from '../../../src/lib/site/readable-address.ts';

const article = (slug: string, base = '/') => readableAddress(createPaths(base).article(slug));

describe('an address as an editor reads it', () => {
  it('writes the letters of a non-Latin slug as themselves, which browsers open as the encoded address', () => {
    expect(article('日本の半導体-2026', '/desk/')).toBe('/desk/articles/日本の半導体-2026/');
    expect(article('הבחירות-בישראל')).toBe('/articles/הבחירות-בישראל/');
    expect(article('café-crème')).toBe('/articles/café-crème/');
    expect(new URL(article('日本の半導体'), 'http://localhost:4321').pathname).toBe(createPaths('/').article('日本の半導体'));
  });

  it('keeps encoded what would show as nothing, so the address cannot be copied without it', () => {
    // A Hangul filler is a letter a slug may hold, and a variation selector a mark; neither shows.
    expect(article('ㅤ뉴스')).toBe('/articles/%E3%85%A4뉴스/');
    expect(article('漢\u{E0100}字')).toBe('/articles/漢%F3%A0%84%80字/');
  });

  it('keeps ASCII as it was written, and bytes that are not UTF-8 encoded', () => {
    expect(readableAddress('/a%20b/%3F%23%25/%2F')).toBe('/a%20b/%3F%23%25/%2F');
    expect(readableAddress('/%27%41/%E6%97/%FF')).toBe('/%27%41/%E6%97/%FF');
    expect(readableAddress('/plain-slug/')).toBe('/plain-slug/');
  });
});
