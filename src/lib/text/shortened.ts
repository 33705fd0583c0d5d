/** Text cut to a length a reader of another service is shown, at a word where there is one, ending in "…". */

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` when it holds at most `maxCharacters` characters (UTF-16 code units, as such limits count); otherwise its
 * opening, cut between graphemes (an emoji or an accented letter is never split) and at the last space when one comes
 * in the second half, followed by "…", all within the limit.
 */
export function shortened(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  let end = 0;
  for (const { index, segment } of graphemeSegmenter.segment(text)) {
    if (index + segment.length > maxCharacters - 1) break;
    end = index + segment.length;
  }
  const space = text.lastIndexOf(' ', end);
  const cut = space > maxCharacters / 2 ? space : end;
  return `${text.slice(0, cut).trimEnd()}…`;
}
