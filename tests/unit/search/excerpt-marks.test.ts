import { describe, expect, it } from 'vitest';
import { marksAroundWordsOnly } from '../../../src/lib/search/excerpt-marks.ts';

describe('marksAroundWordsOnly', () => {
  it('leaves the comma after a tag in a list, and the stop after the last, outside the highlight', () => {
    expect(marksAroundWordsOnly('to understand. Fintech, <mark>Cloud,</mark> Regulation, Europe and <mark>Security.</mark>')).toBe(
      'to understand. Fintech, <mark>Cloud</mark>, Regulation, Europe and <mark>Security</mark>.',
    );
  });

  it('leaves brackets, quotation marks and sentence marks on either side outside, in any language’s style', () => {
    expect(marksAroundWordsOnly('<mark>(Kelvara</mark> <mark>Cloud),</mark> <mark>“outage”</mark> <mark>„Ausfall“</mark> <mark>«panne»!</mark> <mark>¿nube?</mark> <mark>東京、</mark>')).toBe(
      '(<mark>Kelvara</mark> <mark>Cloud</mark>), “<mark>outage</mark>” „<mark>Ausfall</mark>“ «<mark>panne</mark>»! ¿<mark>nube</mark>? <mark>東京</mark>、',
    );
    expect(marksAroundWordsOnly('the <mark>region...</mark> <mark>"cloud":</mark>')).toBe('the <mark>region</mark>... "<mark>cloud</mark>":');
  });

  it('keeps marks that belong to a term, and a word’s own apostrophes and hyphens, highlighted', () => {
    expect(marksAroundWordsOnly('<mark>C#,</mark> <mark>C++.</mark> <mark>.NET</mark> <mark>50%;</mark> <mark>AT&T,</mark> <mark>Japan’s</mark> <mark>post-quantum</mark>')).toBe(
      '<mark>C#</mark>, <mark>C++</mark>. <mark>.NET</mark> <mark>50%</mark>; <mark>AT&T</mark>, <mark>Japan’s</mark> <mark>post-quantum</mark>',
    );
  });

  it('never splits a character reference Pagefind wrote for < or >', () => {
    expect(marksAroundWordsOnly('<mark>&lt;script&gt;</mark> <mark>&lt;b&gt;;</mark> <mark>(&lt;T&gt;)</mark>')).toBe('<mark>&lt;script&gt;</mark> <mark>&lt;b&gt;</mark>; (<mark>&lt;T&gt;</mark>)');
  });

  it('leaves a highlight of punctuation alone as it is, and text without highlights unchanged', () => {
    expect(marksAroundWordsOnly('a <mark>—</mark> b')).toBe('a <mark>—</mark> b');
    expect(marksAroundWordsOnly('Fintech, Cloud, Regulation.')).toBe('Fintech, Cloud, Regulation.');
  });
});
