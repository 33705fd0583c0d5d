/**
 * Pagefind highlights a matched word in a result's excerpt by marking the whole of what it split at spaces,
 * punctuation included: "<mark>Cloud,</mark>" in a list of tags, "<mark>(Kelvara</mark>" in a sentence. The search
 * page moves the punctuation around a word out of its highlight, so that the word alone is marked.
 */

/** Brackets and quotation marks, which open or close a word wherever they stand. */
const AROUND = String.raw`\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'`;
/**
 * Ahead of a word: brackets, quotation marks and Spanish's inverted marks. Never `.` or `#`, which begin terms
 * (".NET", "#hashtag").
 */
const LEADING = new RegExp(String.raw`^[${AROUND}¿¡]+`, 'u');
/**
 * After a word: brackets, quotation marks and the marks that end a phrase or sentence, in Latin and CJK text. Never
 * `#`, `%`, `+` or `&`, which end terms ("C#", "50%", "C++"), nor the `;` that closes a character reference
 * (Pagefind writes `<` as `&lt;`).
 */
const TRAILING = new RegExp(String.raw`(?:[${AROUND},.:!?…、。，．：！？]|(?<!&#?[\p{L}\p{N}]+);)+$`, 'u');

/** `excerpt`, Pagefind's HTML, with each highlight around its word alone, the punctuation beside it left unmarked. */
export function marksAroundWordsOnly(excerpt: string): string {
  return excerpt.replace(/<mark>([^<]*)<\/mark>/g, (marked, text: string) => {
    const before = LEADING.exec(text)?.[0] ?? '';
    const after = TRAILING.exec(text.slice(before.length))?.[0] ?? '';
    const word = text.slice(before.length, text.length - after.length);
    return word ? `${before}<mark>${word}</mark>${after}` : marked;
  });
}
