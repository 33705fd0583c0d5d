/**
 * Which of Pagefind's language indexes an article is searched in. Pagefind (extended) splits the text of Chinese,
 * Japanese and Thai into words only in a page of that language, and the search page splits a query the same way
 * only when it searches that language's index (its `needsWordSegmentation`); indexed in the site's language, such
 * text is one long word per run of characters, and a word from the middle of a sentence finds nothing. Every other
 * language stays in the site's index: a merged index is searched with the site language's stemmer, so an index
 * of its own would stem a German query as English.
 */
import { primaryLanguage, sameLanguage } from '../content/language.ts';

/** The languages whose words Pagefind finds only in an index of their own: as its search script lists them. */
const SEGMENTED_LANGUAGES = new Set(['zh', 'ja', 'th']);

/** Whether Pagefind splits `lang`'s text into words itself, rather than at spaces. */
export const isSegmented = (lang: string): boolean => SEGMENTED_LANGUAGES.has(primaryLanguage(lang));

/**
 * The language of an article's search document: its own language's base tag (`ja-JP` → `ja`, so all Japanese is
 * one index) when Pagefind splits that language into words, else `siteLang`.
 */
export function searchLanguage(lang: string | undefined, siteLang: string): string {
  if (lang === undefined || sameLanguage(lang, siteLang)) return siteLang;
  return isSegmented(lang) ? primaryLanguage(lang) : siteLang;
}
