import { describe, expect, it } from 'vitest';
import { answeredByShorterWord, queryWords } from '../../../src/lib/search/prefix-fallback.ts';
import { stemmerFor } from '../../../src/lib/search/stemmer.ts';

const englishStem = stemmerFor('en')!;
const english = async () => englishStem;
const asTyped = async () => (word: string) => word;

/** A page as Pagefind's data() gives it. */
const page = (content: string, meta: Record<string, string> = { title: 'Chip makers expand' }) => ({ content, meta });

describe('queryWords', () => {
  it('drops punctuation and accents and splits at spaces, as Pagefind does before it stems', () => {
    expect(queryWords('  C-3PO, “Tokyo”!  Café ')).toEqual(['c3po', 'tokyo', 'cafe']);
    expect(queryWords('_csharp generics')).toEqual(['_csharp', 'generics']);
  });
});

describe('answeredByShorterWord', () => {
  it('says yes when no word of the page begins with the stem of a query word that a shorter word begins: "to" for "tokyo"', async () => {
    expect(await answeredByShorterWord('Tokyo', page('Exports to rise, to the chip makers'), english)).toBe(true);
    expect(await answeredByShorterWord('afternoon', page('Transfers resumed after the outage'), english)).toBe(true);
  });

  it('says no when a word of the page begins with the stem, however the word ends', async () => {
    expect(await answeredByShorterWord('Japan', page('A Japanese chip plant'), english)).toBe(false);
    expect(await answeredByShorterWord('happiness', page('Engineers were happy with it'), english)).toBe(false);
    expect(await answeredByShorterWord('securities', page('The security of chips'), english)).toBe(false);
    expect(await answeredByShorterWord('cafés', page('A café in Osaka'), english)).toBe(false);
  });

  it('says yes when any one word of the query is found only by a shorter word', async () => {
    expect(await answeredByShorterWord('chip tokyo', page('Chips sent to Osaka'), english)).toBe(true);
    expect(await answeredByShorterWord('chip osaka', page('Chips sent to Osaka'), english)).toBe(false);
  });

  it('reads a compound word whole and by each of its parts, as Pagefind indexes it', async () => {
    for (const [query, content] of [
      ['service', 'Encrypted service-to-service calls'],
      ['servicetoservice', 'Encrypted service-to-service calls'],
      ['view', 'A WebView update'],
      ['phone', 'Sales of the iPhone15 slow'],
      ['15', 'Sales of the iPhone15 slow'],
      ['case', 'Names in snake_case'],
    ]) {
      expect(await answeredByShorterWord(query!, page(content!), english), query).toBe(false);
    }
    expect(await answeredByShorterWord('tokyo', page('Encrypted service-to-service calls'), english)).toBe(true);
  });

  it('counts the words of the metadata, which Pagefind searches too', async () => {
    expect(await answeredByShorterWord('_csharp', page('Generics in a new release', { title: 'Generics', terms: '_csharp' }), english)).toBe(false);
    expect(await answeredByShorterWord('tokyo', page('', { title: 'Chips to go' }), english)).toBe(true);
  });

  it('splits a text Pagefind split into words itself at its zero-width spaces', async () => {
    expect(await answeredByShorterWord('tokyo', page('東京\u200Bto\u200Btokyo', {}), english)).toBe(false);
    expect(await answeredByShorterWord('tokyo', page('東京\u200Bto', {}), english)).toBe(true);
  });

  it('in a Chinese, Japanese or Thai index, judges the query\'s other words by the page\'s words of other scripts only', async () => {
    const japanese = page('日本はAIの半導体を輸出する。Chips, Asia and Industry.', { title: '輸出規制の対象が広がる' });
    // Read apart from the kana and kanji around them, "AI" and "Asia" are words of their own.
    expect(await answeredByShorterWord('ai', japanese, english, true)).toBe(false);
    expect(await answeredByShorterWord('industry asia', japanese, english, true)).toBe(false);
    expect(await answeredByShorterWord('Asians', japanese, english, true)).toBe(true);
    // Words of those scripts are split by Pagefind's dictionary, which the page cannot repeat: never judged.
    expect(await answeredByShorterWord('半導', japanese, english, true)).toBe(false);
    expect(await answeredByShorterWord('東京', japanese, english, true)).toBe(false);
    expect(await answeredByShorterWord('AI戦略', japanese, english, true)).toBe(false);
    expect(await answeredByShorterWord('Asians半導体', japanese, english, true)).toBe(true);
    expect(await answeredByShorterWord('ข่าว tokyo', page('ข่าวเทคโนโลยี to', {}), english, true)).toBe(true);
    // In the site language's index such a text is one word, begun by its first characters only.
    expect(await answeredByShorterWord('半導', japanese, english)).toBe(true);
  });

  it('never says yes for a quoted query, which is matched word for word, nor without any word to go by', async () => {
    expect(await answeredByShorterWord('"tokyo"', page('Exports to rise'), english)).toBe(false);
    expect(await answeredByShorterWord('tokyo', page('', {}), english)).toBe(false);
  });

  it('compares the words as typed in a language Pagefind does not stem', async () => {
    expect(await answeredByShorterWord('tokyo', page('Exports to rise'), asTyped)).toBe(true);
    expect(await answeredByShorterWord('tok', page('Flights Tokyo bound'), asTyped)).toBe(false);
  });

  it('stems only a query word that begins none of the words as typed', async () => {
    const loads: string[] = [];
    const counted = async () => {
      loads.push('stemmer');
      return englishStem;
    };
    expect(await answeredByShorterWord('japan chip', page('Japanese chipmakers grow'), counted)).toBe(false);
    expect(loads).toEqual([]);
    expect(await answeredByShorterWord('securities', page('The security of chips'), counted)).toBe(false);
    expect(loads).toEqual(['stemmer']);
  });
});
