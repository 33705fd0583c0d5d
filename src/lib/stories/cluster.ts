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

/** Groups of two or more article indexes, each ascending, in order of their first member. */
export function clusterPairs(count: number, pairs: readonly ScoredPair[], times: Float64Array, windowMs: number, tuning: StoryTuning): number[][] {
  const scores = new Map<number, number>();
  for (const pair of pairs) if (pair.score >= tuning.support) scores.set(pairKey(pair.a, pair.b, count), pair.score);
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

  for (const link of links) {
    const [rootA, rootB] = [find(link.a), find(link.b)];
    if (rootA === rootB) continue;
    const [groupA, groupB] = [groupOf(rootA), groupOf(rootB)];
    const merged = [...groupA, ...groupB];
    let [first, last] = [Infinity, -Infinity];
    for (const index of merged) [first, last] = [Math.min(first, times[index]!), Math.max(last, times[index]!)];
    if (last - first > windowMs) continue;
    let supported = 0;
    for (const x of groupA) for (const y of groupB) if (scores.has(pairKey(x, y, count))) supported++;
    if (supported < tuning.cohesion * groupA.length * groupB.length) continue;
    parent[rootB] = rootA;
    members.set(rootA, merged);
    members.delete(rootB);
  }
  return [...members.values()].map((group) => group.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

function pairKey(a: number, b: number, count: number): number {
  return a < b ? a * count + b : b * count + a;
}
