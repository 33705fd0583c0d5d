/** Which way letters run: the scripts written right to left, and what a text's letters say of its direction. */

/** A letter of a right-to-left script a text may plausibly be written in. */
const RIGHT_TO_LEFT_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/** "rtl" when the first letter of `text` belongs to a right-to-left script, else "ltr" (digits and punctuation do not count), as `dir="auto"` decides. */
export function firstLetterDirection(text: string): 'ltr' | 'rtl' {
  const firstLetter = /\p{L}/u.exec(text)?.[0];
  return firstLetter !== undefined && RIGHT_TO_LEFT_LETTER.test(firstLetter) ? 'rtl' : 'ltr';
}

/** Whether `text` has a letter of a right-to-left script. */
export function hasRightToLeftLetter(text: string): boolean {
  return RIGHT_TO_LEFT_LETTER.test(text);
}

/**
 * Whether `text` is right-to-left writing that opens with a word in a left-to-right script ("OpenAI תפתח…"):
 * `dir="auto"`, going by that first word, would set it left to right, its words in the wrong order for its reader.
 */
export function opensWithForeignWord(text: string): boolean {
  return firstLetterDirection(text) === 'ltr' && hasRightToLeftLetter(text);
}
