/** Which way the site's pages run, from its language, and the arrows that point along them. */
import { languageAttributes, textDirection } from '../content/language.ts';

/**
 * The `dir` of the root of a page in `siteLang`: `rtl` for a language written right to left (`he`, `ar`, `fa`, `ur`),
 * none otherwise, as browsers lay a page out left to right unless told.
 */
export function pageDirection(siteLang: string): 'rtl' | undefined {
  return textDirection(siteLang) === 'rtl' ? 'rtl' : undefined;
}

/**
 * Arrows for links back (newer pages) and onward (older pages, more tags): each points to the side of the page its
 * link sits on, the start of the line for back and its end for onward, which on a right-to-left page is the other way.
 */
export function pageArrows(siteLang: string): { back: string; onward: string } {
  return pageDirection(siteLang) === 'rtl' ? { back: '→', onward: '←' } : { back: '←', onward: '→' };
}

/** The language the pages' own words (labels, counts, notes in src/components and src/layouts) are written in. */
const INTERFACE_LANGUAGE = 'en';

/**
 * The `lang` and `dir` that set the pages' own words apart on a site in `siteLang`, only where they are needed to
 * read in order: on a right-to-left page, a phrase that starts with a number ("3 min read") or ends in punctuation
 * would otherwise be shown with them at its other end. None on a site written left to right.
 */
export function interfaceTextAttributes(siteLang: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  const attributes = languageAttributes(INTERFACE_LANGUAGE, siteLang);
  return attributes.dir === undefined ? {} : attributes;
}
