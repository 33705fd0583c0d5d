import { describe, expect, it } from 'vitest';
import { inRanges, parseUnicodeRange } from '../../../src/lib/cards/unicode-ranges.ts';

describe('unicode-range values', () => {
  it('reads single code points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+4E??')).toEqual([
      [0x0, 0xff],
      [0x131, 0x131],
      [0x4e00, 0x4eff],
    ]);
  });

  it('answers whether a code point is covered', () => {
    const ranges = parseUnicodeRange('U+0041-005A,U+3042');
    expect(inRanges(ranges, 'Q'.codePointAt(0)!)).toBe(true);
    expect(inRanges(ranges, 'あ'.codePointAt(0)!)).toBe(true);
    expect(inRanges(ranges, 'q'.codePointAt(0)!)).toBe(false);
  });

  it('refuses what is not a unicode-range', () => {
    expect(() => parseUnicodeRange('latin')).toThrow(/"latin" is not a unicode-range value/);
  });
});
