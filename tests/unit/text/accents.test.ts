import { describe, expect, it } from 'vitest';
import { withoutAccents } from '../../../src/lib/text/accents.ts';

describe('text without its accents', () => {
  it('drops accents from Latin letters', () => {
    expect(withoutAccents('Maríko Tanaka, café, Łódź, São Paulo')).toBe('Mariko Tanaka, cafe, Łodz, Sao Paulo');
  });

  it('keeps the sound marks of Japanese kana, which make another syllable', () => {
    expect(withoutAccents('ガラパゴス が か')).toBe('ガラパゴス が か');
  });
});
