/**
 * The search page's "Newest first" order. Pagefind sorts each index's results by the `published` sort key every
 * search document carries (./search-documents.ts), but merges several indexes by score. The index is in parts by
 * publication period (./index-parts.ts), so the parts' sorted lists follow one another, the newest part's first. A
 * part with articles in several languages has an index per language (./search-language.ts), whose lists cover the
 * same period: they are merged by publication instant, read only for the results the merge compares.
 *
 * The search page asks the indexes Pagefind merged for each index's results on its own, by the filter `index` every
 * search document carries (./part-layout.ts `indexFilter`): sorted, Pagefind scores an index's results by their place
 * in its order, the last 0, so the one index that answers keeps its order through the merge's ranking by score.
 */

/** One index's results, newest first, and its part: 0 for the newest part, 1 for the one before, and so on. */
export interface SortedResults<Result> {
  part: number;
  results: readonly Result[];
}

/**
 * Every index's results in one list, newest first. `publishedOf` reads a result's instant as ISO 8601 in UTC (which
 * sorts as text); it is asked only within a part of several indexes, and once per result.
 */
export async function newestFirst<Result>(lists: readonly SortedResults<Result>[], publishedOf: (result: Result) => Promise<string>): Promise<Result[]> {
  const read = new Map<Result, Promise<string>>();
  const published = (result: Result) => {
    let instant = read.get(result);
    if (!instant) read.set(result, (instant = publishedOf(result)));
    return instant;
  };
  const byPart = new Map<number, Array<readonly Result[]>>();
  for (const { part, results } of lists) byPart.set(part, [...(byPart.get(part) ?? []), results]);
  const ordered: Result[] = [];
  for (const part of [...byPart.keys()].sort((a, b) => a - b)) {
    // The others go into the longest, by a binary search each: few of its instants are read.
    const [longest = [], ...others] = byPart.get(part)!.toSorted((a, b) => b.length - a.length);
    let merged = longest;
    for (const other of others) merged = await mergeSorted(merged, other, published);
    ordered.push(...merged);
  }
  return ordered;
}

/** `base` and `other`, each newest first, as one list newest first; of equal instants, `base`'s come first. */
async function mergeSorted<Result>(base: readonly Result[], other: readonly Result[], published: (result: Result) => Promise<string>): Promise<Result[]> {
  const merged: Result[] = [];
  let from = 0;
  for (const result of other) {
    const instant = await published(result);
    // The first of base's remaining results published before this one.
    let low = from;
    let high = base.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((await published(base[middle]!)) >= instant) low = middle + 1;
      else high = middle;
    }
    merged.push(...base.slice(from, low), result);
    from = low;
  }
  merged.push(...base.slice(from));
  return merged;
}
