/** Choosing each article's most distinctive terms (tf-idf), with L2-normalised weights. */

/** 1 + ln(tf) for the small whole-number frequencies that make up nearly all terms (tf ≥ 1). */
const ONE_PLUS_LOG = Float64Array.from({ length: 256 }, (_, frequency) => 1 + Math.log(frequency));

/**
 * Picks the top terms of one article after another. The scratch arrays are
 * kept between articles of one ranking (they would otherwise be allocated
 * per article), never shared between rankings.
 */
export class TopTermSelector {
  #weights = new Float64Array(1024);
  #eligibleWeights = new Float64Array(1024);

  /**
   * Write the `limit` highest tf-idf terms of one article, best first (ties:
   * lower term id), with weights L2-normalised over the kept terms, to
   * outTerm/outWeight from `at`; return how many were kept. Terms found in a
   * single article are skipped: they cannot be shared with anything.
   */
  select(
    termIds: Int32Array,
    frequencies: Float64Array,
    documentFrequency: Int32Array,
    termIdf: Float64Array,
    limit: number,
    outTerm: Int32Array,
    outWeight: Float64Array,
    at: number,
  ): number {
    if (this.#weights.length < termIds.length) {
      this.#weights = new Float64Array(termIds.length * 2);
      this.#eligibleWeights = new Float64Array(termIds.length * 2);
    }
    const weights = this.#weights;
    const eligibleWeights = this.#eligibleWeights;
    let eligible = 0;
    for (let j = 0; j < termIds.length; j++) {
      if (documentFrequency[termIds[j]] < 2) {
        weights[j] = 0;
        continue;
      }
      const tf = frequencies[j];
      const logTf = tf < ONE_PLUS_LOG.length && (tf | 0) === tf ? ONE_PLUS_LOG[tf] : 1 + Math.log(tf);
      const weight = logTf * termIdf[termIds[j]];
      weights[j] = weight;
      eligibleWeights[eligible++] = weight;
    }
    // Threshold = limit-th largest weight, then sort only the survivors.
    const threshold = eligible > limit ? kthLargest(eligibleWeights, eligible, limit) : 0;
    const picked: number[] = [];
    for (let j = 0; j < termIds.length; j++) {
      if (weights[j] > 0 && weights[j] >= threshold) picked.push(j);
    }
    picked.sort((x, y) => weights[y] - weights[x] || termIds[x] - termIds[y]);
    const kept = Math.min(limit, picked.length);
    let norm = 0;
    for (let rank = 0; rank < kept; rank++) norm += weights[picked[rank]] * weights[picked[rank]];
    norm = Math.sqrt(norm);
    for (let rank = 0; rank < kept; rank++) {
      outTerm[at + rank] = termIds[picked[rank]];
      outWeight[at + rank] = weights[picked[rank]] / norm;
    }
    return kept;
  }
}

/** The k-th largest of values[0 .. count) (1-based k ≤ count), by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, count: number, k: number): number {
  let low = 0;
  let high = count - 1;
  const target = k - 1; // index in descending order
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let left = low;
    let right = high;
    while (left <= right) {
      while (values[left] > pivot) left++;
      while (values[right] < pivot) right--;
      if (left <= right) {
        const swapped = values[left];
        values[left] = values[right];
        values[right] = swapped;
        left++;
        right--;
      }
    }
    if (target <= right) high = right;
    else if (target >= left) low = left;
    else return values[target];
  }
  return values[target];
}
