/** Inverted indexes (key → articles) in compressed-row form, and the capped builder the tag indexes use. */

/** The entries of key k are at [start[k], start[k + 1]) of `doc` (and of `weight`, when present). */
export interface Postings {
  start: Int32Array;
  doc: Int32Array;
  /** Per-entry weight (term postings only). */
  weight?: Float64Array;
}

/**
 * key → articles postings, each list holding at most `cap` articles, the most
 * recent ones (articles are visited in `byRecency` order); `keysOf(article, visit)`
 * reports the article's keys.
 */
export function cappedPostings(
  keyCount: number,
  byRecency: Int32Array,
  keysOf: (article: number, visit: (key: number) => void) => void,
  cap: number,
): Postings {
  const count = new Int32Array(keyCount);
  for (const article of byRecency) keysOf(article, (key) => count[key]++);
  const start = new Int32Array(keyCount + 1);
  for (let key = 0; key < keyCount; key++) start[key + 1] = start[key] + Math.min(count[key], cap);
  const doc = new Int32Array(start[keyCount]);
  const nextFree = start.slice(0, keyCount);
  for (const article of byRecency) {
    keysOf(article, (key) => {
      if (nextFree[key] < start[key + 1]) doc[nextFree[key]++] = article;
    });
  }
  return { start, doc };
}
