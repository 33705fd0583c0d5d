/** term → (article, weight) postings, cut to the highest-weighted carriers of each term. */
import type { Postings } from './postings.ts';
import type { TermLists } from './term-index.ts';

export type TermPostings = Required<Postings>;

/**
 * Term → (article, normalised weight) postings. Lists longer than `cap` keep
 * their `cap` highest-weighted entries (ties: more recent first): such terms
 * are too common to be distinctive for most of their carriers.
 */
export function buildTermPostings(topTerms: TermLists, counts: Int32Array, recencyRank: Int32Array, cap: number): TermPostings {
  const termCount = counts.length;
  const fullStart = new Int32Array(termCount + 1);
  for (let term = 0; term < termCount; term++) fullStart[term + 1] = fullStart[term] + counts[term];
  const fullDoc = new Int32Array(fullStart[termCount]);
  const fullWeight = new Float64Array(fullStart[termCount]);
  const nextFree = fullStart.slice(0, termCount);
  for (let article = 0; article + 1 < topTerms.start.length; article++) {
    for (let at = topTerms.start[article]; at < topTerms.start[article + 1]; at++) {
      const entry = nextFree[topTerms.term[at]]++;
      fullDoc[entry] = article;
      fullWeight[entry] = topTerms.weight[at];
    }
  }
  if (!counts.some((count) => count > cap)) return { start: fullStart, doc: fullDoc, weight: fullWeight };

  const start = new Int32Array(termCount + 1);
  for (let term = 0; term < termCount; term++) start[term + 1] = start[term] + Math.min(counts[term], cap);
  const doc = new Int32Array(start[termCount]);
  const weight = new Float64Array(start[termCount]);
  for (let term = 0; term < termCount; term++) {
    const from = fullStart[term];
    const to = fullStart[term + 1];
    if (to - from <= cap) {
      doc.set(fullDoc.subarray(from, to), start[term]);
      weight.set(fullWeight.subarray(from, to), start[term]);
      continue;
    }
    const order = Array.from({ length: to - from }, (_, offset) => from + offset).sort(
      (x, y) => fullWeight[y] - fullWeight[x] || recencyRank[fullDoc[x]] - recencyRank[fullDoc[y]],
    );
    for (let rank = 0, out = start[term]; rank < cap; rank++, out++) {
      doc[out] = fullDoc[order[rank]];
      weight[out] = fullWeight[order[rank]];
    }
  }
  return { start, doc, weight };
}
