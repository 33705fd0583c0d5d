/**
 * Stems a query finds in an index Pagefind does not stem. The search page merges the Chinese, Japanese and Thai
 * indexes (./search-language.ts) into the site language's, and Pagefind stems every query word with the stemmer of
 * the index it loaded first: "industry" is searched as "industri" in the Japanese index too, which holds the word
 * as written (a tag, a name, a Latin word in the text) and finds it only by a prefix of the stem. Most stems are
 * such a prefix ("security" → "secur"); the others ("industry" → "industri", "privacy" → "privaci") go in the
 * document as words of their own, matched and never shown, so that those words are found as in the site's language.
 */
import { stemmerFor } from './stemmer.ts';

/** A word as Pagefind reads one: letters and digits, its symbols dropped, in lower case. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The stems of `text`'s words under the stemmer of `queryLang` (the site's language) that are not a prefix of their
 * word, each once, in order of first use; none when that language is not stemmed.
 */
export function queryStems(text: string, queryLang: string): string[] {
  const stem = stemmerFor(queryLang);
  if (stem === undefined) return [];
  const stems = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    const wordStem = stem(word);
    if (wordStem !== '' && !word.startsWith(wordStem)) stems.add(wordStem);
  }
  return [...stems];
}
