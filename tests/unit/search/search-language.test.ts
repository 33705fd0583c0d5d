import { describe, expect, it } from 'vitest';
import { searchLanguage } from '../../../src/lib/search/search-language.ts';

describe('searchLanguage', () => {
  it('gives Chinese, Japanese and Thai articles an index of their language, one per language whatever the region or script', () => {
    expect(searchLanguage('ja', 'en')).toBe('ja');
    expect(searchLanguage('ja-JP', 'en')).toBe('ja');
    expect(searchLanguage('zh-Hant-TW', 'en')).toBe('zh');
    expect(searchLanguage('zh-Hans', 'en')).toBe('zh');
    expect(searchLanguage('th', 'en')).toBe('th');
  });

  it("keeps every other article in the site's index: its own language, languages written with spaces, and none given", () => {
    expect(searchLanguage(undefined, 'en')).toBe('en');
    expect(searchLanguage('en-GB', 'en')).toBe('en');
    expect(searchLanguage('de-CH', 'en')).toBe('en');
    expect(searchLanguage('ko', 'en')).toBe('en');
    expect(searchLanguage('ar', 'en')).toBe('en');
    expect(searchLanguage('ja', 'ja')).toBe('ja');
    expect(searchLanguage('ja-JP', 'ja')).toBe('ja');
  });
});
