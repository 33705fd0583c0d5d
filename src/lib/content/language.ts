/** BCP 47 language tags: an article's own language, and the attributes that mark its text on pages in the site's. */
import { opensWithForeignWord } from '../text/letter-direction.ts';

/**
 * The canonical spelling of `tag` (`DE-ch` → `de-CH`), or undefined when it is not a well-formed BCP 47 tag naming a
 * language by its code. The grammar takes a language of five to eight letters, which no language has: `english` is
 * a language's name, and pages marked with it would tell screen readers nothing.
 */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    const canonical = Intl.getCanonicalLocales(tag)[0]!;
    return /^[a-z]{2,3}(?:-|$)/.test(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/** Languages a technology desk most often publishes in: the ones whose names `languageNamed` knows. */
const COMMON_LANGUAGES = 'ar bg bn ca cs da de el en es fa fi fr he hi hr hu id it ja ko ms nl no pl pt ro ru sk sr sv ta th tr uk ur vi zh'.split(' ');

/** Case, accents and spaces aside: `Francais` and `français` are one name. */
const foldName = (name: string) => name.normalize('NFD').replace(/[\p{M}\s]/gu, '').toLowerCase();

let codesByName: Map<string, string> | undefined;

/**
 * The tag of a language written by its name, in English or in the language itself (`English` → en, `Deutsch` → de,
 * `日本語` → ja), for a message to offer; undefined for any other text. Names come from Intl (CLDR), made only when
 * a value has been refused.
 */
export function languageNamed(name: string): string | undefined {
  codesByName ??= new Map(
    COMMON_LANGUAGES.flatMap((code) => [
      [foldName(new Intl.DisplayNames('en', { type: 'language' }).of(code)!), code] as const,
      [foldName(new Intl.DisplayNames(code, { type: 'language' }).of(code)!), code] as const,
    ]),
  );
  return codesByName.get(foldName(name));
}

type TextInfo = { direction?: string };
/** Node 24 has getTextInfo(); the older textInfo getter is what some engines still ship. */
type LocaleWithTextInfo = Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo };

// Pages and teasers ask about the same few tags again and again, and each Intl.Locale made to answer costs more
// than the rest of a teaser's attributes: the answers are kept by tag.
const directions = new Map<string, 'ltr' | 'rtl'>();
const primaryLanguages = new Map<string, string>();

/** Which way text in `tag` runs, from its script (`ar`, `he`, `az-Arab` run right to left). */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  let direction = directions.get(tag);
  if (direction === undefined) {
    const locale = new Intl.Locale(tag) as LocaleWithTextInfo;
    direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
    directions.set(tag, direction);
  }
  return direction;
}

/** The language subtag of `tag` (`de-CH` → `de`, `zh-Hant-TW` → `zh`). */
export function primaryLanguage(tag: string): string {
  let language = primaryLanguages.get(tag);
  if (language === undefined) primaryLanguages.set(tag, (language = new Intl.Locale(tag).language));
  return language;
}

/**
 * True when text in `lang` needs no mark on a page in `siteLang`: one tag is the other or a narrower form of it
 * (`en-US` on an `en` site), as BCP 47 language ranges match.
 */
export function sameLanguage(lang: string, siteLang: string): boolean {
  const [a, b] = [lang.toLowerCase(), siteLang.toLowerCase()];
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

/** The `lang` (and, when it runs the other way, `dir`) for text in `lang` on a page in `siteLang`; none for the site's language. */
export function languageAttributes(lang: string | undefined, siteLang: string): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (lang === undefined || sameLanguage(lang, siteLang)) return {};
  const dir = textDirection(lang);
  return dir === textDirection(siteLang) ? { lang } : { lang, dir };
}

/**
 * The `lang` and `dir` for an article's headline or dek shown as a line of its own: the direction of its language
 * when that runs the other way from the site's, so that a Hebrew headline starting with a brand name ("Google …")
 * still starts at the right; `rtl` too when its language runs right to left as the site's does and `words` (its
 * headline and dek) open with such a name; else `auto`, by its first letter, for words whose language the article
 * does not give.
 */
export function ownWordsAttributes(lang: string | undefined, siteLang: string, words = ''): { lang?: string; dir: 'ltr' | 'rtl' | 'auto' } {
  const attributes = languageAttributes(lang, siteLang);
  if (attributes.dir) return { ...attributes, dir: attributes.dir };
  return { ...attributes, dir: textDirection(lang ?? siteLang) === 'rtl' && opensWithForeignWord(words) ? 'rtl' : 'auto' };
}
