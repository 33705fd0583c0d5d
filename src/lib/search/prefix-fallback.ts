/**
 * Pagefind finds a query word by every indexed word that begins with the word's stem ("secur" finds "security" and
 * "secure"). In an index where no word does, it takes instead the longest indexed word the stem begins with: "tokyo"
 * is searched as "to", and every article with a "to" is a result. An index answers a query word one way or the
 * other for all its results, so its first result tells which: found by its stem, the word begins some word of
 * every result; found by a shorter word, it begins no word of any page in the index. When the first result's words
 * hold none that begins some query word, the search page leaves out that index's results
 * (src/components/SearchPanel.astro). In a Chinese, Japanese or Thai index, Pagefind splits that text into words by
 * a dictionary, which a page cannot repeat: there only the query's other words, Latin ones say, are judged, against
 * the page's words outside those scripts.
 */
import type { Stem } from './stemmer.ts';
import { withoutAccents } from '../text/accents.ts';

/** What a result's data() gives of its page: the text searched, and its metadata, which Pagefind searches too. */
export interface SearchedPage {
  content: string;
  meta: Readonly<Record<string, string | undefined>>;
}

/** A quoted query is matched word for word, never by a shorter word. */
const EXACT = /^\s*".+"\s*$/;
/** The punctuation Pagefind drops from a query before it splits it at spaces. */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
/** Between a page's words: spaces, or zero-width spaces in a language Pagefind splits into words itself. */
const BETWEEN_WORDS = /[\s\u200B]+/u;
/** Where Pagefind splits a compound word into its parts too: "WebView" and "iPhone15" as well as "service-to-service". */
const PART_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
/** What Pagefind keeps of a whole word: letters, digits and underscores (the symbol terms, ./symbol-terms.ts). */
const NOT_IN_WORD = /[^\p{L}\p{M}\p{N}_]+/gu;
/** Between the parts of a compound word: underscores too ("snake_case"). */
const BETWEEN_PARTS = /[^\p{L}\p{M}\p{N}]+/u;
/** The scripts Pagefind splits into words itself, in an index of their language, and the kana's prolonged sound mark. */
const SEGMENTED_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\u30FC]+/u;
/** In such an index: between words, and around the runs of those scripts ("AIの" holds "AI"). */
const BETWEEN_WORDS_OR_SEGMENTED = new RegExp(`${BETWEEN_WORDS.source}|${SEGMENTED_TEXT.source}`, 'u');


/** A query's words as Pagefind searches them: punctuation dropped, in lower case, without accents. */
export function queryWords(query: string): string[] {
  return withoutAccents(query.replace(DROPPED, '').toLowerCase()).split(/\s+/).filter(Boolean);
}

/**
 * A page's word as Pagefind may index it: whole, its punctuation dropped ("service-to-service" as one), and each of
 * its parts, split also where the case or digits change. A form Pagefind does not index only makes a query word
 * more likely to count as found.
 */
function indexedForms(word: string): string[] {
  const lower = (text: string) => withoutAccents(text.toLowerCase());
  const parts = word.split(PART_BOUNDARY).flatMap((part) => lower(part).split(BETWEEN_PARTS)).filter(Boolean);
  return [lower(word).replace(NOT_IN_WORD, ''), ...(parts.length > 1 ? [parts.join(''), ...parts] : [])].filter(Boolean);
}

/**
 * Whether Pagefind found some word of `query` in this page's index only by a shorter word that begins its stem: the
 * word begins none of the page's words, as typed or by their stems. Only the query words that begin none as typed
 * are stemmed, so `loadStem` is called only for them. Without any word to go by, the answer is no. `segmented`: the
 * index is one of the languages Pagefind splits into words itself, whose text is left out of both sides.
 */
export async function answeredByShorterWord(query: string, page: SearchedPage, loadStem: () => Promise<Stem>, segmented = false): Promise<boolean> {
  if (EXACT.test(query)) return false;
  const between = segmented ? BETWEEN_WORDS_OR_SEGMENTED : BETWEEN_WORDS;
  const words = [page.content, ...Object.values(page.meta)]
    .flatMap((text) => text?.split(between) ?? [])
    .flatMap(indexedForms);
  if (words.length === 0) return false;
  const judged = segmented ? queryWords(query).flatMap((queryWord) => queryWord.split(SEGMENTED_TEXT)).filter(Boolean) : queryWords(query);
  const notFoundWhole = judged.filter((queryWord) => !words.some((word) => word.startsWith(queryWord)));
  if (notFoundWhole.length === 0) return false;
  const stem = await loadStem();
  const wordsAndStems = [...new Set([...words, ...words.map(stem)])];
  return notFoundWhole
    .map(stem)
    .filter(Boolean)
    .some((queryStem) => !wordsAndStems.some((word) => word.startsWith(queryStem)));
}
