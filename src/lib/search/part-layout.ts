/**
 * Where the parts of the search index go in the site's pagefind/ folder. The newest part is at its root, beside
 * Pagefind's scripts, as the one index Pagefind loads first; each older part is a folder of its own under parts/,
 * which the search page merges in the browser, newest first.
 */
import type { PartArticle, SearchPart } from './index-parts.ts';

/** The folder of a part inside pagefind/: "" for the newest, else "parts/<key>/". */
export function partFolder(key: string, newest: boolean): string {
  return newest ? '' : `parts/${key}/`;
}

/** The folders inside pagefind/ of every part but the newest, newest first: the indexes the search page merges. */
export function mergedPartFolders(parts: readonly SearchPart<PartArticle>[]): string[] {
  return parts
    .slice(0, -1)
    .toReversed()
    .map((part) => partFolder(part.key, false));
}
