/**
 * Text the site writes where no element can say what language a part of it is in: a page's `<title>`, an image's
 * alt text. An article's headline in another language than the site's is set apart there from the site's own words
 * by Unicode's directional isolates, the plain-text counterpart of an element with `dir`: an Arabic or Hebrew
 * headline and the English site name beside it each keep their own order, and the separator stays between them
 * rather than moving into the headline ("Google ו-AWS …" no longer reads from its brand name). On the page itself,
 * the headline is in an element of its own that carries `lang` and `dir` instead.
 */

/** The isolates that open words running left to right and right to left, and the one that closes either. */
const ISOLATE_OPENERS = { ltr: '\u2066', rtl: '\u2067' } as const;
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** An article's words as the site marks them on its pages (src/lib/content/language.ts, `ownWordsAttributes`). */
export interface OwnWords {
  /** Set only when the words are not in the site's language. */
  lang?: string;
  /** `ltr` or `rtl` only when the words' language runs the other way from the site's. */
  dir: 'ltr' | 'rtl' | 'auto';
}

/**
 * `text` set apart from the site's words around it when `words` says its language runs the other way from the
 * site's; else as it is (a German headline on an English site needs nothing, and a copied title stays clean).
 */
export function isolatedWords(text: string, words: OwnWords = { dir: 'auto' }): string {
  return words.dir === 'auto' ? text : `${ISOLATE_OPENERS[words.dir]}${text}${POP_DIRECTIONAL_ISOLATE}`;
}

/**
 * A page's `<title>`, as a tab, a bookmark and a search result show it: the page's own title first (a headline
 * alone, set apart when its language runs the other way), then the section it belongs to when a title alone would name another page too (a
 * story's headline is its lead article's), then the site's name. The home page's title is the site's name alone.
 */
export function pageTitle(title: string, siteName: string, { words, section }: { words?: OwnWords; section?: string } = {}): string {
  if (title === siteName) return title;
  return [isolatedWords(title, words), section, siteName].filter((part) => part !== undefined).join(' | ');
}
