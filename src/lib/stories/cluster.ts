/**
 * Grouping linked articles without chaining unrelated events: links are taken strongest first (union-find), and
 * two groups merge only when the result still fits in the time window and most of their cross pairs are similar
 * on their own, so one article that resembles two different events cannot join them.
 */
import type { StoryTuning } from './tuning.ts';

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
}

/**
 * Groups of two or more article indexes, each ascending, in order of their first member. `pairs` are the candidates
 * scored; `similarity(earlier, later)` scores a cross pair that was not a candidate (a big event's coverage meets only
 * its nearest reports as candidates), so that whether two groups support each other never depends on which pairs were
 * candidates.
 */
export function clusterPairs(count: number, pairs: readonly ScoredPair[], times: Float64Array, windowMs: number, tuning: StoryTuning, similarity: (earlier: number, later: number) => number): number[][] {
  const scores = new Map<number, number>();
  for (const pair of pairs) scores.set(pairKey(pair.a, pair.b, count), pair.score);
  const supports = (x: number, y: number): boolean => {
    const key = pairKey(x, y, count);
    let score = scores.get(key);
    if (score === undefined) scores.set(key, (score = x < y ? similarity(x, y) : similarity(y, x)));
    return score >= tuning.support;
  };
  const links = pairs.filter((pair) => pair.score >= tuning.link).sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  const parent = Int32Array.from({ length: count }, (_, index) => index);
  const members = new Map<number, number[]>();
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    for (let at = index; parent[at] !== root; ) [at, parent[at]] = [parent[at]!, root];
    return root;
  };
  const groupOf = (root: number) => members.get(root) ?? [root];
  // Groups only grow, so a root and a size name one state of a group: two that did not cohere are not asked again
  // until one of them has grown.
  const apart = new Set<string>();

  for (const link of links) {
    const [rootA, rootB] = [find(link.a), find(link.b)];
    if (rootA === rootB) continue;
    const [groupA, groupB] = [groupOf(rootA), groupOf(rootB)];
    const merged = [...groupA, ...groupB];
    let [first, last] = [Infinity, -Infinity];
    for (const index of merged) [first, last] = [Math.min(first, times[index]!), Math.max(last, times[index]!)];
    if (last - first > windowMs) continue;
    const state = rootA < rootB ? `${rootA}:${groupA.length}:${rootB}:${groupB.length}` : `${rootB}:${groupB.length}:${rootA}:${groupA.length}`;
    if (apart.has(state) || !cohere(groupA, groupB, tuning.cohesion, supports)) {
      apart.add(state);
      continue;
    }
    parent[rootB] = rootA;
    members.set(rootA, merged);
    members.delete(rootB);
  }
  return [...members.values()].map((group) => group.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/** Whether at least `share` of the pairs across the two groups support each other; stops as soon as that is known. */
function cohere(groupA: readonly number[], groupB: readonly number[], share: number, supports: (x: number, y: number) => boolean): boolean {
  const total = groupA.length * groupB.length;
  const needed = Math.ceil(share * total);
  let [supported, unsupported] = [0, 0];
  for (const x of groupA) {
    for (const y of groupB) {
      if (supports(x, y)) supported++;
      else unsupported++;
      if (supported >= needed) return true;
      if (unsupported > total - needed) return false;
    }
  }
  return supported >= needed;
}

function pairKey(a: number, b: number, count: number): number {
  return a < b ? a * count + b : b * count + a;
}
