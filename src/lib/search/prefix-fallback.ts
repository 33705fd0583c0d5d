/**
 * Pagefind finds a query word by every indexed word that begins with the word's stem ("secur" finds "security" and
 * "secure"). In an index where no word does, it takes instead the longest indexed word the stem begins with: "tokyo"
 * is searched as "to", and every article with a "to" is a result. An index answers a query word one way or the
 * other for all its results, so its first result tells which: when none of the words it matched begins with the
 * stem of some query word, the index found that word only by a shorter one, and the search page leaves out its
 * results (src/components/SearchPanel.astro).
 */
import type { Stem } from './stemmer.ts';

/** What a result's data() gives of its page: the text searched, where it matched, and its metadata. */
export interface MatchedPage {
  content: string;
  locations: readonly number[];
  meta: Readonly<Record<string, string | undefined>>;
}

/** A quoted query is matched word for word, never by a shorter word. */
const EXACT = /^\s*".+"\s*$/;
/** The punctuation Pagefind drops from a query before it splits it at spaces. */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
/** Between a page's words, as Pagefind counts them for its excerpts: spaces, or zero-width spaces in a segmented language. */
const BETWEEN_WORDS = /[^\S\uFEFF]+/;
const ZERO_WIDTH_SPACE = '\u200B';
/** What Pagefind counts as a word's letters: underscores too (the symbol terms, ./symbol-terms.ts). */
const NOT_IN_WORD = /[^\p{L}\p{M}\p{N}_]+/u;

/** Without accents, as Pagefind compares words: "café" is "cafe". Its kana sound marks stay. */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '').normalize('NFC');
}

/** A query's words as Pagefind searches them: punctuation dropped, in lower case, without accents. */
export function queryWords(query: string): string[] {
  return withoutAccents(query.replace(DROPPED, '').toLowerCase()).split(/\s+/).filter(Boolean);
}

/** A page's word as Pagefind indexes it: whole, its punctuation dropped ("service-to-service" as one), and each of its parts. */
function indexedForms(word: string): string[] {
  const normal = withoutAccents(word.toLowerCase());
  const parts = normal.split(NOT_IN_WORD).filter(Boolean);
  return parts.length > 1 ? [parts.join(''), ...parts] : parts;
}

/**
 * Whether Pagefind found some word of `query` in this page's index only by a shorter word that begins its stem.
 * The page's matched words are those at its locations and the words of its metadata, which Pagefind searches too.
 * A query word that begins a matched word as typed was found whole; only the others need their stems, so
 * `loadStem` is called only for them. Without any word to go by, the answer is no.
 */
export async function answeredByShorterWord(query: string, page: MatchedPage, loadStem: () => Promise<Stem>): Promise<boolean> {
  if (EXACT.test(query)) return false;
  const contentWords = page.content.split(page.content.includes(ZERO_WIDTH_SPACE) ? ZERO_WIDTH_SPACE : BETWEEN_WORDS);
  const matched = [...page.locations.map((location) => contentWords[location]), ...Object.values(page.meta).flatMap((value) => value?.split(/\s+/) ?? [])]
    .filter((word) => word !== undefined)
    .flatMap(indexedForms);
  if (matched.length === 0) return false;
  const notFoundWhole = queryWords(query).filter((word) => !matched.some((form) => form.startsWith(word)));
  if (notFoundWhole.length === 0) return false;
  const stem = await loadStem();
  const matchedStems = new Set(matched.flatMap((word) => [word, stem(word)]));
  return notFoundWhole
    .map(stem)
    .filter(Boolean)
    .some((queryStem) => ![...matchedStems].some((word) => word.startsWith(queryStem)));
}
