/**
 * Candidate pairs for story grouping, never all pairs: an inverted index from each distinctive feature to the
 * articles carrying it, walked in publication order so that only articles inside the time window are ever met.
 */
import type { FeatureVectors } from './similarity.ts';
import type { StoryTuning } from './tuning.ts';

/**
 * Pairs [earlier, later] of articles (indexes into `times`, which is ascending) within `windowMs` of each other
 * that share at least one feature rare enough to tell events apart. Features found in one article only, or in too
 * many to be distinctive, are skipped.
 */
export function candidatePairs(vectors: Pick<FeatureVectors, 'ids' | 'documentFrequency'>, times: Float64Array, windowMs: number, tuning: StoryTuning): Array<[number, number]> {
  const count = times.length;
  const cap = Math.max(tuning.distinctiveMinimum, Math.ceil(count * tuning.distinctiveShare));
  const postings = new Map<number, number[]>();
  const pairs: Array<[number, number]> = [];
  const seen = new Int32Array(count).fill(-1);
  for (let later = 0; later < count; later++) {
    const since = times[later]! - windowMs;
    for (const id of vectors.ids[later]!) {
      const frequency = vectors.documentFrequency[id]!;
      if (frequency < 2 || frequency > cap) continue;
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      for (let at = list.length - 1; at >= 0; at--) {
        const earlier = list[at]!;
        if (times[earlier]! < since) break;
        if (seen[earlier] === later) continue;
        seen[earlier] = later;
        pairs.push([earlier, later]);
      }
      list.push(later);
    }
  }
  return pairs;
}
