import { describe, expect, it } from 'vitest';
import { missingTextWarning } from '../../../src/lib/cards/missing-text.ts';

describe('the warning for text a card leaves out', () => {
  it('names the source and each missing letter with its code point, so an invisible one can be found', () => {
    expect(missingTextWarning('content/articles/ulaanbaatar.md', ['ᠮ', '\u1680'])).toBe(
      'warning: content/articles/ulaanbaatar.md: social card: no card font has "ᠮ" (U+182E), "\u1680" (U+1680), so the card leaves them out',
    );
  });

  it('tells an emoji with no picture from a letter with no font', () => {
    expect(missingTextWarning('a.md', ['ᠮ', '🇦🇦'])).toBe('warning: a.md: social card: no card font has "ᠮ" (U+182E); no emoji picture is there for "🇦🇦" (U+1F1E6 U+1F1E6), so the card leaves them out');
    expect(missingTextWarning('a.md', ['👨‍👩‍👧'])).toBe('warning: a.md: social card: no emoji picture is there for "👨‍👩‍👧" (U+1F468 U+200D U+1F469 U+200D U+1F467), so the card leaves them out');
  });

  it('keeps a file name with a line break to the one line of the warning, so that it cannot start a workflow command in a CI log', () => {
    expect(missingTextWarning('content/articles/a\n::error::forged.md', ['ᠮ']).split(/\r\n|\r|\n/)).toEqual([
      'warning: content/articles/a\\u000a::error::forged.md: social card: no card font has "ᠮ" (U+182E), so the card leaves them out',
    ]);
  });
});
