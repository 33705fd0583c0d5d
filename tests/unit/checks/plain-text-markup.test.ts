import { describe, expect, it } from 'vitest';
import { markupInPlainText } from '../../../src/lib/checks/plain-text-markup.ts';

describe('markupInPlainText', () => {
  it('finds a character reference, named or numbered, with the character it stands for', () => {
    expect(markupInPlainText('AT&amp;T buys a chip maker')).toEqual({ written: '&amp;', meant: '&' });
    expect(markupInPlainText('The CEO&#39;s memo')).toEqual({ written: '&#39;', meant: "'" });
    expect(markupInPlainText('Rules&#x2014;again')).toEqual({ written: '&#x2014;', meant: '—' });
    expect(markupInPlainText('Chips&nbsp;ahead')).toEqual({ written: '&nbsp;', meant: '\u00a0' });
  });

  it('finds a formatting tag, opening, closing or alone', () => {
    expect(markupInPlainText('Chips are <em>back</em>')).toEqual({ written: '<em>' });
    expect(markupInPlainText('Line one<br/>line two')).toEqual({ written: '<br/>' });
    expect(markupInPlainText('See <a href="https://example.com/">this</a>')).toEqual({ written: '<a href="https://example.com/">' });
  });

  it('leaves text that only looks like markup: a bare ampersand, a reference that is none, a comparison, a type', () => {
    for (const text of ['Tom & Jerry', 'R&D spending; up', 'Q&A: &bogus; chips', 'When 3 < 4 and 5 > 2', 'Vec<u8> in Rust', 'The <blink> tag at 30']) {
      expect(markupInPlainText(text), text).toBeUndefined();
    }
  });
});
