import { describe, expect, it } from 'vitest';
import { ENGLISH_STOP_WORDS } from '../../../src/lib/text/stop-words.ts';
import { CJK_CHARACTERS, mayContainCjk, tokenize, tokenizeToIds } from '../../../src/lib/text/tokenizer.ts';
import { Vocabulary } from '../../../src/lib/text/vocabulary.ts';

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

  it('gives Latin-script prose exactly the tokens it always did', () => {
    expect(tokenize("Nvidia's H20 chips resume shipping to China after a three-month pause, the company said on Tuesday.")).toEqual([
      'nvidia', 'h20', 'chips', 'resume', 'shipping', 'china', 'three-month', 'pause', 'company', 'tuesday',
    ]);
    expect(tokenize("Don’t expect the EU’s AI Act to slow OpenAI — analysts say GPT-5's rollout won't wait.", { stopWords: false, minLength: 1 })).toEqual([
      "don't", 'expect', 'the', 'eu', 'ai', 'act', 'to', 'slow', 'openai', 'analysts', 'say', 'gpt-5', 'rollout', "won't", 'wait',
    ]);
    expect(tokenize('Quantum-safe e-mail: 40% of U.S. firms plan upgrades by 2027 (covid-19 delays aside); see https://example.com/a_b?x=1.')).toEqual([
      'quantum-safe', 'e-mail', 'firms', 'plan', 'upgrades', 'covid-19', 'delays', 'aside', 'https', 'example', 'com',
    ]);
    expect(tokenize("Café owners in São Paulo and Zürich — naïve? — sued Apple's iPhone unit for $2.5bn over x-ray'd devices' O'Brien-ish claims--")).toEqual([
      'café', 'owners', 'são', 'paulo', 'zürich', 'naïve', 'sued', 'apple', 'iphone', 'unit', 'bn', "x-ray'd", 'devices', "o'brien-ish", 'claims',
    ]);
  });
});

describe('tokenize, Chinese, Japanese and Korean', () => {
  it('splits text written without spaces into words, and Latin names out of it', () => {
    expect(tokenize('Nvidia、中国向けH20の出荷を再開')).toEqual(['nvidia', '中国', '向け', 'h20', '出荷', '再開']);
    expect(tokenize('日本のAI競争：政府支援')).toEqual(['日本', 'ai', '競争', '政府', '支援']);
    expect(tokenize('苹果公司发布新款手机')).toEqual(['苹果', '公司', '发布', '手机']);
    expect(tokenize('삼성전자, 반도체 투자 확대')).toEqual(['삼성전자', '반도체', '투자', '확대']);
  });

  it('leaves Latin words with the combining marks other scripts share whole', () => {
    expect(tokenize('Vie\u0323t Nam, ĐÀ NẴNG')).toEqual(['vie\u0323t', 'nam', 'đà', 'nẵng']);
  });

  it('drops one-character words such as particles by default, as it drops English ones, and keeps them when asked', () => {
    expect(tokenize('トヨタが米国でEVを発表')).toEqual(['トヨタ', '米国', 'ev', '発表']);
    expect(tokenize('トヨタが米国でEVを発表', { stopWords: false, minLength: 1 })).toEqual(['トヨタ', 'が', '米国', 'で', 'ev', 'を', '発表']);
  });

  it('says text may contain CJK when it has any CJK character, and not for Latin, Greek or Cyrillic text', () => {
    const cjk = new RegExp(`[${CJK_CHARACTERS}]`, 'u');
    const missed: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (cjk.test(character) && !mayContainCjk(`a${character}b`)) missed.push(codePoint.toString(16));
    }
    expect(missed).toEqual([]);
    expect(mayContainCjk('Don’t miss the café in Zürich — Москва, Αθήνα, 40%')).toBe(false);
  });

  it('counts each of those words towards maxWords', () => {
    expect(tokenize('政府は半導体支援策を発表した', { stopWords: false, minLength: 1, maxWords: 3 })).toEqual(['政府', 'は', '半導体']);
  });

  it('gives tokenizeToIds the same words', () => {
    const vocabulary = new Vocabulary();
    const text = 'Nvidia、中国向けH20の出荷を再開。中国の出荷';
    expect(tokenizeToIds(text, vocabulary).map((id) => vocabulary.words[id])).toEqual(tokenize(text));
    expect(vocabulary.get('出荷')).toBeDefined();
  });
});
