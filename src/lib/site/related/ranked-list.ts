/** A bounded best-first list of articles, kept as two parallel arrays. */

/**
 * Insert (doc, score) into the parallel best-first lists, keeping at most
 * `capacity` entries, ordered by score desc then recency rank asc.
 */
export function insertRanked(
  docs: number[],
  scores: number[],
  capacity: number,
  doc: number,
  score: number,
  recencyRank: Int32Array,
): void {
  let position = docs.length;
  if (position === capacity) {
    const worst = scores[position - 1];
    if (score < worst || (score === worst && recencyRank[doc] > recencyRank[docs[position - 1]])) return;
    position--;
  } else {
    docs.push(doc);
    scores.push(score);
  }
  while (
    position > 0 &&
    (score > scores[position - 1] || (score === scores[position - 1] && recencyRank[doc] < recencyRank[docs[position - 1]]))
  ) {
    scores[position] = scores[position - 1];
    docs[position] = docs[position - 1];
    position--;
  }
  scores[position] = score;
  docs[position] = doc;
}
