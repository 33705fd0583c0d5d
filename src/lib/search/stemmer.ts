/**
 * The Snowball stemmers Pagefind stems with (its pagefind_stem crate), by language tag, from snowball-stemmers: the
 * build stems with them (./query-stems.ts), and the search page loads them on its first search
 * (./prefix-fallback.ts).
 */
import snowball from 'snowball-stemmers';

/** A word's stem: its ending taken off ("security" → "secur"). */
export type Stem = (word: string) => string;

/** The algorithms both implement. A language without one gets no stems: Pagefind does not stem its queries either. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hu: 'hungarian',
  hy: 'armenian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
};

const stemmers = new Map<string, Stem>();

/** The stemmer Pagefind applies to words of `lang` (a language tag), if it stems that language. */
export function stemmerFor(lang: string): Stem | undefined {
  const algorithm = ALGORITHMS[new Intl.Locale(lang).language];
  if (algorithm === undefined) return undefined;
  let stem = stemmers.get(algorithm);
  if (stem === undefined) {
    const stemmer = snowball.newStemmer(algorithm);
    stemmers.set(algorithm, (stem = (word) => stemmer.stem(word)));
  }
  return stem;
}
