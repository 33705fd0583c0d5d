/** Reading time from the raw Markdown, computed once per article per build. */
import { replaceFencedCode } from '../text/code-fences.ts';

const WORDS_PER_MINUTE = 230;
/** A word is a letter or digit, then letters, digits, apostrophes and hyphens: /[\p{L}\p{N}][\p{L}\p{N}'’-]*\/u. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;
/**
 * CJK text has no spaces: count characters, at roughly the same pace a reader manages. Script_Extensions, not Script,
 * so the shared marks (the long-vowel ー, the repeat mark 々) count as characters too; punctuation such as 「」 does not.
 */
const CJK_CHARS = /(?=[\p{L}\p{M}])[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/gu;
const CJK_CHARS_PER_WORD = 2;

/**
 * Text made only of Latin, IPA and general punctuation (’ — “ ”) cannot hold a CJK character: the CJK passes are
 * the costly part of counting, and most articles skip them.
 */
const MAYBE_CJK = /[^\u0000-\u02ff\u2000-\u206f]/;

export function countWords(markdown: string): number {
  const text = replaceFencedCode(markdown, () => '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ');
  if (!MAYBE_CJK.test(text)) return wordsIn(text);
  const cjk = text.match(CJK_CHARS)?.length ?? 0;
  return wordsIn(text.replace(CJK_CHARS, ' ')) + Math.ceil(cjk / CJK_CHARS_PER_WORD);
}

/** Counts words without making a string of each, as matching them would: every page's reading time comes from here. */
export function wordsIn(text: string): number {
  let count = 0;
  let inWord = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    let letterOrDigit: boolean;
    if (code < 0x80) {
      letterOrDigit = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
    } else {
      const point = text.codePointAt(at)!;
      if (point > 0xffff) at++;
      letterOrDigit = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (letterOrDigit) {
      if (!inWord) count++;
      inWord = true;
    } else if (code !== APOSTROPHE && code !== RIGHT_QUOTE && code !== HYPHEN) {
      inWord = false;
    }
  }
  return count;
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
