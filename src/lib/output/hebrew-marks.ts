/**
 * Hebrew's abbreviation marks as the editor typed them. Hebrew writes an acronym with a double quote before its last
 * letter (צה"ל, ארה"ב) and some loanwords with an apostrophe (ג'ירפה); Markdown's smart punctuation takes them for
 * quotation marks and curls them (צה“ל), a glyph no Hebrew reader expects there. A mark between two Hebrew letters is
 * never a quotation: it is put back as it was typed.
 */
import type { ProseRewrite } from './prose-text.ts';

/** A straight mark between two Hebrew letters, as an editor types one: the only documents whose texts are read for them. */
export const MAY_HAVE_HEBREW_MARKS = /\p{Script=Hebrew}["']\p{Script=Hebrew}/u;

const CURLED_DOUBLE = /(?<=\p{Script=Hebrew})[“”](?=\p{Script=Hebrew})/gu;
const CURLED_SINGLE = /(?<=\p{Script=Hebrew})[‘’](?=\p{Script=Hebrew})/gu;

/** Puts back the straight marks smart punctuation curled between Hebrew letters. */
export const HEBREW_MARKS: ProseRewrite = {
  rewrite: (text) => text.replace(CURLED_DOUBLE, '"').replace(CURLED_SINGLE, "'"),
};
