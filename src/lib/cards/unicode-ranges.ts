/** CSS `unicode-range` values (as font packages publish them per subset) read into ranges of code points. */

/** Inclusive [first, last] code points. */
export type CodePointRange = readonly [number, number];

/** "U+0000-00FF,U+0131,U+4E??" → ranges; a `?` wildcard stands for any hex digit, as in CSS. */
export function parseUnicodeRange(value: string): CodePointRange[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?$/i.exec(part);
      if (!match) throw new Error(`"${part}" is not a unicode-range value such as U+0000-00FF`);
      const [, first, last] = match;
      if (first!.includes('?')) return [parseInt(first!.replace(/\?/g, '0'), 16), parseInt(first!.replace(/\?/g, 'F'), 16)] as const;
      return [parseInt(first!, 16), parseInt(last ?? first!, 16)] as const;
    });
}

export function inRanges(ranges: readonly CodePointRange[], codePoint: number): boolean {
  return ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}
