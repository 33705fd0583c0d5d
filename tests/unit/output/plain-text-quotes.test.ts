import { describe, expect, it } from 'vitest';
import { typesetQuotes } from '../../../src/lib/output/plain-text-quotes.ts';

describe('straight quotes in a headline or dek', () => {
  it('are curled as the body curls them: quotes opening and closing, apostrophes inside words', () => {
    expect(typesetQuotes('Q&A: "Why passkeys still stall" at banks', 'en')).toBe('Q&A: “Why passkeys still stall” at banks');
    expect(typesetQuotes("The provider's 'cloud-first' era ends", 'en')).toBe('The provider’s ‘cloud-first’ era ends');
  });

  it('leave everything else as typed: Markdown, HTML, entities and line breaks are text', () => {
    const typed = "It's *not* <b>bold</b> &amp; [a](b) `code` 1. #2 \\ ~x~ https://example.org";
    expect(typesetQuotes(typed, 'en')).toBe(typed.replace("It's", 'It’s'));
    expect(typesetQuotes('one "a"\ntwo "b"', 'en')).toBe('one “a”\ntwo “b”');
    expect(typesetQuotes('No quotes -- here...', 'en')).toBe('No quotes -- here...');
  });

  it("take the marks of the text's language, keeping the ones the editor typed", () => {
    expect(typesetQuotes('Scholz: "Wir schaffen das"', 'de')).toBe('Scholz: „Wir schaffen das“');
    expect(typesetQuotes('Macron : "Oui"', 'fr')).toBe('Macron : «\u202FOui\u202F»');
    expect(typesetQuotes('政府 "AI" 戦略', 'ja')).toBe('政府 「AI」 戦略');
    expect(typesetQuotes('„Ja“ or "nein"', 'de')).toBe('„Ja“ or “nein”');
  });

  it("keep Hebrew's abbreviation marks straight", () => {
    expect(typesetQuotes('צה"ל מודיע', 'he')).toBe('צה"ל מודיע');
  });
});
