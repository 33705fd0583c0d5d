import { describe, expect, it } from 'vitest';
import { ENGLISH_STOP_WORDS, stripMarkdown, tokenize, tokenizeToIds, Vocabulary } from '../../../src/lib/text/text-terms.ts';

/** The words of a string, ignoring how much whitespace separates them. */
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('stripMarkdown', () => {
  it('keeps prose, link texts and image alt texts, and drops link and image URLs', () => {
    const text = stripMarkdown('Read [the report](https://example.com/a_b?c=d "Title") and ![a chart of prices](/img/chart.png).');
    expect(words(text)).toEqual(['Read', 'the', 'report', 'and', 'a', 'chart', 'of', 'prices', '.']);
  });

  it('drops reference-link definitions but keeps the link text', () => {
    const text = stripMarkdown('See [the guide][docs] today.\n\n[docs]: https://docs.example.com/guide "Guide"\n');
    expect(words(text)).toEqual(['See', 'the', 'guide', 'today.']);
  });

  it('drops autolinks and bare URLs', () => {
    const text = stripMarkdown('Visit <https://auto.example/path> or www.example.org/page or http://plain.example/x?y=1 now.');
    expect(words(text)).toEqual(['Visit', 'or', 'or', 'now.']);
  });

  it('drops fenced code (backticks or tildes) and inline code', () => {
    const markdown = [
      'Before.',
      '```ts',
      'const secret = fetchToken();',
      '```',
      'Middle with `inline code` inside.',
      '~~~~',
      'tilde fenced',
      '~~~~',
      'After.',
    ].join('\n');
    expect(words(stripMarkdown(markdown))).toEqual(['Before.', 'Middle', 'with', 'inside.', 'After.']);
  });

  it('ends a fence only at a run of the same character, at least as long', () => {
    const markdown = ['````md', '```', 'still code', '~~~~', 'more code', '````', 'Prose again.'].join('\n');
    expect(words(stripMarkdown(markdown))).toEqual(['Prose', 'again.']);
  });

  it('treats an unclosed fence as code up to the end, as CommonMark does', () => {
    expect(words(stripMarkdown('Prose.\n```\nnever closed\nstill code'))).toEqual(['Prose.']);
  });

  it('drops HTML tags, comments and entities, keeping the text between tags', () => {
    const text = stripMarkdown('<span class="x">Visible</span> <!-- hidden note --> caf&eacute; &#8217; &amp; done');
    expect(words(text)).toEqual(['Visible', 'caf', 'done']);
  });

  it('drops MDX import and export lines, but not prose that starts with those words', () => {
    const markdown = "import Chart from '../components/Chart.astro';\nexport const meta = { x: 1 };\nImport tariffs rose.\nexported goods fell.";
    expect(words(stripMarkdown(markdown))).toEqual(['Import', 'tariffs', 'rose.', 'exported', 'goods', 'fell.']);
  });

  it('leaves emphasis, headings and quotes to the tokenizer', () => {
    expect(tokenize(stripMarkdown('# Heading with *emphasis*\n\n> Quote with **bold** text'))).toEqual([
      'heading',
      'emphasis',
      'quote',
      'bold',
      'text',
    ]);
  });
});

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
