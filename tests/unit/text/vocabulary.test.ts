import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeToIds } from '../../../src/lib/text/tokenizer.ts';
import { Vocabulary } from '../../../src/lib/text/vocabulary.ts';

describe('Vocabulary and tokenizeToIds', () => {
  const sample =
    'Quantum key distribution (QKD) reached São Paulo’s fibre network; O’Brien’s team — and the bank’s — ' +
    'tested covid-19-era links, x-rays and 東京 relays. Don’t forget: the team’s results were the team’s own.';

  it('give the same words as tokenize, as dense ids that repeat for repeated words', () => {
    const vocabulary = new Vocabulary();
    const ids = tokenizeToIds(sample, vocabulary);
    expect(ids.map((id) => vocabulary.words[id])).toEqual(tokenize(sample));
    const team = vocabulary.get('team');
    expect(team).toBeDefined();
    expect(ids.filter((id) => id === team)).toHaveLength(3);
    expect(Math.max(...ids)).toBeLessThan(vocabulary.size);
  });

  it('record stop words (seen in the text, never returned) once per word', () => {
    const vocabulary = new Vocabulary();
    expect(tokenizeToIds('The bank and the fund', vocabulary).map((id) => vocabulary.words[id])).toEqual(['bank', 'fund']);
    expect(vocabulary.isStopWord(vocabulary.get('the')!)).toBe(true);
    expect(vocabulary.isStopWord(vocabulary.get('bank')!)).toBe(false);
    expect(vocabulary.get('unseen')).toBeUndefined();
  });

  it('accept their own stop-word list, or none', () => {
    const none = new Vocabulary({ stopWords: false });
    expect(tokenizeToIds('The bank', none).map((id) => none.words[id])).toEqual(['the', 'bank']);
    const custom = new Vocabulary({ stopWords: new Set(['bank']) });
    expect(tokenizeToIds('The bank', custom).map((id) => custom.words[id])).toEqual(['the']);
  });

  it('keep ids stable while growing past their initial table size', () => {
    const vocabulary = new Vocabulary({ stopWords: false });
    const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`);
    const first = tokenizeToIds(many.join(' '), vocabulary);
    expect(new Set(first).size).toBe(5000);
    expect(tokenizeToIds(many.join(' '), vocabulary)).toEqual(first);
    expect(vocabulary.intern('w0x')).toBe(first[0]);
    expect(vocabulary.intern('brand-new')).toBe(5000);
  });

  it('honour minLength and maxWords like tokenize', () => {
    const vocabulary = new Vocabulary({ stopWords: false });
    const ids = tokenizeToIds('a bb ccc dddd', vocabulary, { minLength: 3, maxWords: 3 });
    expect(ids.map((id) => vocabulary.words[id])).toEqual(['ccc']);
  });
});
