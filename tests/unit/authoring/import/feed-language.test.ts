import { describe, expect, it } from 'vitest';
import { draftLanguage } from '../../../../src/lib/authoring/import/feed-language.ts';

describe('draftLanguage', () => {
  it('keeps a language other than the site’s, in canonical spelling', () => {
    expect(draftLanguage('ar', 'en')).toBe('ar');
    expect(draftLanguage(' DE-ch ', 'en')).toBe('de-CH');
    expect(draftLanguage('pt_BR', 'en')).toBe('pt-BR');
  });

  it('gives none for the site’s language, however the feed narrows or spells it', () => {
    expect([draftLanguage('en', 'en'), draftLanguage('en-us', 'en'), draftLanguage('EN_GB', 'en')]).toEqual([undefined, undefined, undefined]);
  });

  it('gives none when the feed declares nothing, or something that is no language tag', () => {
    expect([draftLanguage(undefined, 'en'), draftLanguage('', 'en'), draftLanguage('English (US)', 'en')]).toEqual([undefined, undefined, undefined]);
  });
});
