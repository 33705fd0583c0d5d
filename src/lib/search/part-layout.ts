/**
 * Where the parts of the search index go in the site's pagefind/ folder. The newest part is at its root, beside
 * Pagefind's scripts, as the one index Pagefind loads first; each older part is a folder of its own under parts/,
 * which the search page merges in the browser, newest first. Each folder holds an index per language
 * (./search-language.ts), and each is merged on its own.
 */
import type { PartArticle, SearchPart } from './index-parts.ts';

/** The folder of a part inside pagefind/: "" for the newest, else "parts/<key>/". */
export function partFolder(key: string, newest: boolean): string {
  return newest ? '' : `parts/${key}/`;
}

/** An index the search page merges: a part's folder inside pagefind/ and one of its languages (./search-language.ts). */
export interface MergedIndex {
  folder: string;
  language: string;
}

/**
 * The indexes the search page merges into the one Pagefind loads first, the newest part's in the site's language:
 * the newest part's other languages, then each older part's languages, newest first. Only languages a part holds:
 * asked for one it lacks, Pagefind loads the part's largest index instead, and its articles would be found twice.
 * For the same reason nothing is merged into a newest part without the site's language, where Pagefind already
 * loaded its largest index.
 */
export function mergedIndexes(parts: readonly SearchPart<PartArticle & { language: string }>[], siteLang: string): MergedIndex[] {
  const newest = parts.at(-1);
  const newestLanguages = newest ? languagesOf(newest, siteLang) : [];
  return [
    // Pagefind skips merging the folder it loaded first by that folder's path; "./" is the same folder by another.
    ...(newestLanguages[0] === siteLang ? newestLanguages.slice(1).map((language) => index('./', language)) : []),
    ...parts
      .slice(0, -1)
      .toReversed()
      .flatMap((part) => languagesOf(part, siteLang).map((language) => index(partFolder(part.key, false), language))),
  ];
}

/**
 * The value of the filter `index` each search document carries: its part and its language, which name the one
 * index it is in. Searched with it, the indexes merged on the search page answer with that index's results alone,
 * in its own order (./newest-first.ts).
 */
export const indexFilter = (partKey: string, language: string) => `${partKey}/${language}`;

/** Every index of the search: its `index` filter value, its part's place (0 for the newest) and its language. */
export interface IndexOfPart {
  filter: string;
  part: number;
  language: string;
}

/** Every index, the newest part's first, each part's languages as `mergedIndexes` orders them. */
export function partIndexes(parts: readonly SearchPart<PartArticle & { language: string }>[], siteLang: string): IndexOfPart[] {
  return parts.toReversed().flatMap((part, place) => languagesOf(part, siteLang).map((language) => ({ filter: indexFilter(part.key, language), part: place, language })));
}

// Pagefind names each language's index by its tag in lower case, and looks a merged one up by that name.
const index = (folder: string, language: string): MergedIndex => ({ folder, language: language.toLowerCase() });

/** The languages of a part's articles, the site's first, then the others in alphabetical order. */
function languagesOf(part: SearchPart<PartArticle & { language: string }>, siteLang: string): string[] {
  const languages = new Set(part.articles.map((article) => article.language));
  return [...languages].sort((a, b) => Number(b === siteLang) - Number(a === siteLang) || a.localeCompare(b));
}
