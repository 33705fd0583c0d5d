/**
 * Candidate pairs for story grouping, never all pairs: an inverted index from each feature to the articles carrying
 * it, walked in publication order so that only articles inside the time window are ever met. A feature too common in
 * the archive to tell events apart ("new", "says", "AI") makes no candidates, unless it bursts: the week's most-covered
 * event ("Veltrix" in 300 reports of its breach) is named by more articles than any threshold over the whole archive
 * allows, yet by few outside the days it happened.
 */
import type { FeatureVectors } from './similarity.ts';
import type { StoryTuning } from './tuning.ts';

/**
 * Pairs [earlier, later] of articles (indexes into `times`, which is ascending) within `windowMs` of each other that
 * share a feature rare enough to tell events apart: one found in at most `distinctiveShare` of the archive (or
 * `distinctiveMinimum` articles), or one bursting around the later article, of whose earlier carriers it meets only
 * the `burst.nearest`, so the work grows with the archive, never with the square of an event's coverage. Features
 * found in one article only are skipped.
 */
export function candidatePairs(vectors: Pick<FeatureVectors, 'ids' | 'documentFrequency'>, times: Float64Array, windowMs: number, tuning: StoryTuning): Array<[number, number]> {
  const count = times.length;
  const frequency = vectors.documentFrequency;
  const cap = Math.max(tuning.distinctiveMinimum, Math.ceil(count * tuning.distinctiveShare));
  const { postings, offsets } = invertedIndex(vectors.ids, frequency);
  const bursting = burstingPostings(postings, offsets, frequency, times, windowMs, cap, tuning.burst.lift);
  // How many of each feature's postings the walk has passed: the next is the article being walked.
  const passed = new Int32Array(frequency.length);
  const pairs: Array<[number, number]> = [];
  const seen = new Int32Array(count).fill(-1);
  for (let later = 0; later < count; later++) {
    const since = times[later]! - windowMs;
    for (const id of vectors.ids[later]!) {
      if (frequency[id]! < 2) continue;
      const first = offsets[id]!;
      const at = first + passed[id]!++;
      const common = frequency[id]! > cap;
      if (common && bursting[at] === 0) continue;
      // A distinctive feature's earlier carriers are all met; a bursting one's, the nearest only.
      const furthest = common ? Math.max(first, at - tuning.burst.nearest) : first;
      for (let back = at - 1; back >= furthest; back--) {
        const earlier = postings[back]!;
        if (times[earlier]! < since) break;
        if (seen[earlier] === later) continue;
        seen[earlier] = later;
        pairs.push([earlier, later]);
      }
    }
  }
  return pairs;
}

/** The articles carrying each feature found in two or more, ascending, as one array: feature `id`'s from `offsets[id]`. */
function invertedIndex(ids: readonly Int32Array[], frequency: Int32Array): { postings: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(frequency.length);
  let total = 0;
  for (let id = 0; id < frequency.length; id++) {
    offsets[id] = total;
    if (frequency[id]! > 1) total += frequency[id]!;
  }
  const postings = new Int32Array(total);
  const filled = new Int32Array(frequency.length);
  ids.forEach((articleIds, article) => {
    for (const id of articleIds) if (frequency[id]! > 1) postings[offsets[id]! + filled[id]!++] = article;
  });
  return { postings, offsets };
}

/**
 * For each posting of a feature carried by more than `cap` articles, 1 when the articles within the window either
 * side of that article carry it at least `lift` times as often as the rest of the archive does. The rest counts as
 * carrying it at least once, so a feature is never judged bursting where the archive outside the window is too small
 * to show how common it is (an archive of a few days, where "AI" is everywhere).
 */
function burstingPostings(postings: Int32Array, offsets: Int32Array, frequency: Int32Array, times: Float64Array, windowMs: number, cap: number, lift: number): Uint8Array {
  const count = times.length;
  // Articles within the window either side of each article, itself included.
  const around = new Int32Array(count);
  for (let article = 0, from = 0, to = 0; article < count; article++) {
    while (times[from]! < times[article]! - windowMs) from++;
    while (to + 1 < count && times[to + 1]! <= times[article]! + windowMs) to++;
    around[article] = to - from + 1;
  }
  const bursting = new Uint8Array(postings.length);
  for (let id = 0; id < frequency.length; id++) {
    const carriers = frequency[id]!;
    if (carriers <= cap) continue;
    const first = offsets[id]!;
    const end = first + carriers;
    for (let at = first, from = first, to = first; at < end; at++) {
      const time = times[postings[at]!]!;
      while (times[postings[from]!]! < time - windowMs) from++;
      while (to + 1 < end && times[postings[to + 1]!]! <= time + windowMs) to++;
      const inside = to - from + 1;
      const nearby = around[postings[at]!]!;
      // inside / nearby ≥ lift × outside / (count − nearby), without dividing.
      if (inside * (count - nearby) >= lift * nearby * Math.max(carriers - inside, 1)) bursting[at] = 1;
    }
  }
  return bursting;
}
