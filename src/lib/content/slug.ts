/** Slugs for URLs: one function, so article, tag and author URLs follow the same rules. */
import { slug as githubSlug } from 'github-slugger';
import { truncateToBytes } from '../text/utf8.ts';

/** Symbols that carry meaning in technology names (C++, C#, AT&T) are spelled out before slugging. */
const SPOKEN_SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/\+/g, ' plus '],
  [/#/g, ' sharp '],
  [/&/g, ' and '],
  [/@/g, ' at '],
  // github-slugger keeps underscores and drops dashes other than "-"; both separate words here.
  [/[_\p{Pd}]/gu, ' '],
];

/** Text that slugifies to itself: lower-case ASCII words joined by single hyphens, as most file names already are. */
const ALREADY_A_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lower-case, hyphenated, Unicode letters kept (日本 stays 日本, Québec becomes québec). */
export function slugify(text: string): string {
  // Every article's slug is made from its file name by several tools; the rules below would give it back unchanged.
  if (ALREADY_A_SLUG.test(text)) return text;
  let spoken = text.normalize('NFC');
  for (const [symbol, word] of SPOKEN_SYMBOLS) spoken = spoken.replace(symbol, word);
  return githubSlug(spoken.trim()).replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** The slug an article gets: its `slug` field, else its file's base name. */
export function articleSlug(filePath: string, slugField?: string): string {
  if (slugField) return slugField;
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  return slugify(base.replace(/\.(md|mdx)$/i, ''));
}

/**
 * `slug` cut to at most `maxCharacters` code points and `maxBytes` UTF-8 bytes, between words (at its last hyphen,
 * unless that would drop more than half), never ending in a hyphen.
 */
export function shortenSlug(slug: string, maxCharacters: number, maxBytes = Infinity): string {
  const cut = truncateToBytes([...slug].slice(0, maxCharacters).join(''), maxBytes);
  if (cut === slug || slug[cut.length] === '-') return cut;
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > cut.length / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-$/, '');
}

/** What uniqueSlug's `-2`, `-3`… need (up to -999): a slug shortened this much below a limit stays within it when made unique. */
export const CLASH_SUFFIX_ROOM = '-999'.length;

/** `base`, or base-2, base-3… : the first one not in `taken`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
