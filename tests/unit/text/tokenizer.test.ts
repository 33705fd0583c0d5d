import { describe, expect, it } from 'vitest';
import { ENGLISH_STOP_WORDS } from '../../../src/lib/text/stop-words.ts';
import { tokenize } from '../../../src/lib/text/tokenizer.ts';

describe('tokenize', () => {
  it('lower-cases and drops English stop words by default', () => {
    expect(tokenize('The Quantum Network and THE Satellite')).toEqual(['quantum', 'network', 'satellite']);
    expect(ENGLISH_STOP_WORDS.has('the')).toBe(true);
  });

  it('handles words in any script, with accents and combining marks', () => {
    expect(tokenize('Café naïve São Paulo Zürich Москва Αθήνα 東京 cafe\u0301')).toEqual([
      'café',
      'naïve',
      'são',
      'paulo',
      'zürich',
      'москва',
      'αθήνα',
      '東京',
      'cafe\u0301',
    ]);
  });

  it('keeps hyphenated words and words with digits, but not bare numbers', () => {
    expect(tokenize('quantum-safe covid-19 x-ray 2024 3.5 -dash- e-mail')).toEqual(['quantum-safe', 'covid-19', 'x-ray', 'dash', 'e-mail']);
  });

  it("normalises curly apostrophes, drops possessive 's and recognises contractions as stop words", () => {
    expect(tokenize('Don’t miss the company’s plan, the companies’ plans or O’Brien’s AI’s answer')).toEqual([
      'miss',
      'company',
      'plan',
      'companies',
      'plans',
      "o'brien",
      'ai',
      'answer',
    ]);
  });

  it('can keep stop words, use another list, or keep one-letter words', () => {
    expect(tokenize('The cat sat on a mat', { stopWords: false, minLength: 1 })).toEqual(['the', 'cat', 'sat', 'on', 'a', 'mat']);
    expect(tokenize('The cat sat on a mat', { stopWords: new Set(['cat', 'mat']) })).toEqual(['the', 'sat', 'on']);
  });

  it('reads only the first maxWords words, stop words included', () => {
    expect(tokenize('one two three four five', { stopWords: false, maxWords: 3 })).toEqual(['one', 'two', 'three']);
    expect(tokenize('the first of the reports', { maxWords: 4 })).toEqual(['first']);
    expect(tokenize('anything', { maxWords: 0 })).toEqual([]);
  });
});
