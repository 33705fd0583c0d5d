import { describe, expect, it } from 'vitest';
import { canonicalLanguage, languageAttributes, languageNamed, ownWordsAttributes, sameLanguage, textDirection } from '../../../src/lib/content/language.ts';

describe('canonicalLanguage', () => {
  it.each([['ar', 'ar'], ['JA', 'ja'], ['de-ch', 'de-CH'], ['zh-hant-tw', 'zh-Hant-TW']])('spells %j as %j', (tag, canonical) => {
    expect(canonicalLanguage(tag)).toBe(canonical);
  });

  it.each(['', 'en us', 'en_US', 'de-', '12'])('refuses %j, which is not a BCP 47 tag', (tag) => {
    expect(canonicalLanguage(tag)).toBeUndefined();
  });
});

describe('languageNamed', () => {
  it.each([
    ['English', 'en'],
    ['english', 'en'],
    ['Deutsch', 'de'],
    ['German', 'de'],
    ['Francais', 'fr'],
    ['français', 'fr'],
    ['Español', 'es'],
    [' Japanese ', 'ja'],
    ['日本語', 'ja'],
    ['Tiếng Việt', 'vi'],
    ['العربية', 'ar'],
  ])('reads %j as %j', (name, code) => {
    expect(languageNamed(name)).toBe(code);
  });

  it.each(['Klingon', 'Englisch', 'en', 'Swiss', ''])('knows no language named %j', (name) => {
    expect(languageNamed(name)).toBeUndefined();
  });
});

describe('textDirection', () => {
  it.each(['ar', 'he', 'fa', 'ur', 'az-Arab'])('runs %j right to left', (tag) => {
    expect(textDirection(tag)).toBe('rtl');
  });

  it.each(['en', 'ja', 'de-CH', 'az'])('runs %j left to right', (tag) => {
    expect(textDirection(tag)).toBe('ltr');
  });
});

describe('sameLanguage', () => {
  it('counts a narrower tag of the site’s language as the same, in either direction and any case', () => {
    expect([sameLanguage('en-US', 'en'), sameLanguage('en', 'en-GB'), sameLanguage('EN', 'en')]).toEqual([true, true, true]);
  });

  it('tells apart other languages, other regions and a language whose code only starts the same', () => {
    expect([sameLanguage('de', 'en'), sameLanguage('en-US', 'en-GB'), sameLanguage('en', 'eng')]).toEqual([false, false, false]);
  });
});

describe('languageAttributes', () => {
  it('marks nothing for the site’s language or when the article names none', () => {
    expect(languageAttributes('en-US', 'en')).toEqual({});
    expect(languageAttributes(undefined, 'en')).toEqual({});
  });

  it('marks another left-to-right language with lang alone', () => {
    expect(languageAttributes('ja', 'en')).toEqual({ lang: 'ja' });
  });

  it('adds dir when the article runs the other way from the site', () => {
    expect(languageAttributes('ar', 'en')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(languageAttributes('en', 'he')).toEqual({ lang: 'en', dir: 'ltr' });
  });
});

describe('ownWordsAttributes', () => {
  it('runs a headline in a right-to-left language right to left on an English site, whatever its first letter', () => {
    expect(ownWordsAttributes('he', 'en')).toEqual({ lang: 'he', dir: 'rtl' });
    expect(ownWordsAttributes('en', 'ar')).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('leaves a headline to its first letter when its language runs the site’s way or is not given', () => {
    expect(ownWordsAttributes('de', 'en')).toEqual({ lang: 'de', dir: 'auto' });
    expect(ownWordsAttributes(undefined, 'en')).toEqual({ dir: 'auto' });
    expect(ownWordsAttributes('en-GB', 'en')).toEqual({ dir: 'auto' });
  });

  it('runs a headline in a Hebrew site’s own language right to left though it opens with a brand name', () => {
    expect(ownWordsAttributes(undefined, 'he', 'Google ו-AWS מתחרות על אזור ענן')).toEqual({ dir: 'rtl' });
    expect(ownWordsAttributes('he', 'ar', 'OpenAI תפתח משרד')).toEqual({ lang: 'he', dir: 'rtl' });
  });

  it('leaves to their first letter words all in Latin letters on a Hebrew site, and a brand name opening Hebrew on an English one', () => {
    expect(ownWordsAttributes(undefined, 'he', 'Chip export rules tighten')).toEqual({ dir: 'auto' });
    expect(ownWordsAttributes(undefined, 'en', 'Google ו-AWS מתחרות')).toEqual({ dir: 'auto' });
  });
});
