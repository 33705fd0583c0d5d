/**
 * The search page's "Newest first" order. Pagefind sorts each index's results by the `published` sort key every
 * search document carries (./search-documents.ts), but merges several indexes by score. The index is in parts by
 * publication period (./index-parts.ts), so the parts' sorted lists follow one another, the newest part's first. A
 * part with articles in several languages has an index per language (./search-language.ts), whose lists cover the
 * same period: they are merged by publication instant, read only for the results the merge compares.
 *
 * Pagefind's program is only beside the newest part's index, so each other index is searched merged into that one,
 * and its own results told apart by `indexSearches`.
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

/** How many results each value of each filter has, as Pagefind counts them: `{ outlet: { 'Ledger Lines': 2 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The counts of several indexes summed, as Pagefind sums the indexes merged into one. */
export function mergeFilterCounts(counts: readonly FilterCounts[]): FilterCounts {
  const merged: FilterCounts = {};
  for (const filters of counts) {
    for (const [filter, values] of Object.entries(filters ?? {})) {
      const into = (merged[filter] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return merged;
}

/** A search's answer from Pagefind, as far as the order and the counts need it. */
export interface IndexSearch<Result extends { id: string; score: number }> {
  results: readonly Result[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/**
 * Each index's own search, newest first: `alone` is the newest part's index searched by itself, `withNewest` each
 * other index searched merged into it. An index's results are those the newest alone does not give. Sorted, Pagefind
 * scores each index's results by their place in its order, the last 0, and ranks merged results by score: so its own
 * order is theirs by score. Its counts are the merged search's less the newest's.
 */
export function indexSearches<Result extends { id: string; score: number }>(alone: IndexSearch<Result>, withNewest: readonly IndexSearch<Result>[]): IndexSearch<Result>[] {
  const newest = new Set(alone.results.map((result) => result.id));
  const byScore = (results: readonly Result[]) => results.toSorted((a, b) => b.score - a.score);
  return [
    { ...alone, results: byScore(alone.results) },
    ...withNewest.map((merged) => ({
      results: byScore(merged.results.filter((result) => !newest.has(result.id))),
      unfilteredResultCount: merged.unfilteredResultCount - alone.unfilteredResultCount,
      filters: countsLess(merged.filters, alone.filters),
      totalFilters: countsLess(merged.totalFilters, alone.totalFilters),
    })),
  ];
}

function countsLess(counts: FilterCounts, less: FilterCounts): FilterCounts {
  return Object.fromEntries(Object.entries(counts ?? {}).map(([filter, values]) => [filter, Object.fromEntries(Object.entries(values).map(([value, count]) => [value, count - (less?.[filter]?.[value] ?? 0)]))]));
}
