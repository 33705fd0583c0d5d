/** Which way a text on a card runs, decided as `dir="auto"` decides it: by its first letter. */

/** The right-to-left scripts a headline may plausibly be written in. */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/** "rtl" when the first letter of `text` belongs to a right-to-left script, else "ltr" (digits and punctuation do not count). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  const firstLetter = /\p{L}/u.exec(text)?.[0];
  return firstLetter !== undefined && RIGHT_TO_LEFT.test(firstLetter) ? 'rtl' : 'ltr';
}
