/** Reading time from the raw Markdown, computed once per article per build. */
import { replaceFencedCode } from '../text/code-fences.ts';

const WORDS_PER_MINUTE = 230;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
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
  if (!MAYBE_CJK.test(text)) return text.match(WORD)?.length ?? 0;
  const cjk = text.match(CJK_CHARS)?.length ?? 0;
  const words = text.replace(CJK_CHARS, ' ').match(WORD)?.length ?? 0;
  return words + Math.ceil(cjk / CJK_CHARS_PER_WORD);
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
