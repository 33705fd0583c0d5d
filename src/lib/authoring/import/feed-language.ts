/** The language a feed declares for an item, as a draft's `lang`: only when it is not the site's own. */
import { canonicalLanguage, sameLanguage } from '../../content/language.ts';

/**
 * `declared` is the item's language, else its feed's, as written (`en-us`, `ar`, and sometimes `en_US`, a locale
 * name rather than a BCP 47 tag); a value that is no language tag at all tells nothing, so gives none.
 */
export function draftLanguage(declared: string | undefined, siteLang: string): string | undefined {
  const lang = declared && canonicalLanguage(declared.trim().replaceAll('_', '-'));
  return lang && !sameLanguage(lang, siteLang) ? lang : undefined;
}
