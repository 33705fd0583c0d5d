/** The orders the ranking works in: articles by slug (its canonical order) and by recency, with each one's recency bonus. */
import type { RelatedCandidate } from './related.ts';
import { RELATED_TUNING } from './tuning.ts';

const DAY_MS = 86_400_000;
/** The earliest time a Date can hold: an article without a valid date sorts as the oldest. */
const EARLIEST_TIME = -8.64e15;

/** Articles in slug order (newest first within a repeated slug, which is then dropped), with their times. */
export function canonicalOrder(articles: readonly RelatedCandidate[]): { docs: RelatedCandidate[]; times: Float64Array } {
  const sorted = articles
    .map((article) => ({ article, time: timeOf(article.publishedAt) }))
    .sort((x, y) => compareStrings(x.article.slug, y.article.slug) || y.time - x.time);
  const docs: RelatedCandidate[] = [];
  const times: number[] = [];
  for (const { article, time } of sorted) {
    if (docs.length > 0 && docs[docs.length - 1].slug === article.slug) continue;
    docs.push(article);
    times.push(time);
  }
  return { docs, times: Float64Array.from(times) };
}

export interface RecencyOrder {
  /** Article numbers, newest first (publishedAt desc, then slug asc). */
  byRecency: Int32Array;
  /** Each article's position in `byRecency`. */
  recencyRank: Int32Array;
  /** Each article's recency bonus: `recencyMax`, halving every `recencyHalfLifeDays` before the newest article. */
  recencyBonus: Float64Array;
}

export function recencyOrder(times: Float64Array): RecencyOrder {
  const articleCount = times.length;
  const byRecency = Int32Array.from(
    Array.from({ length: articleCount }, (_, article) => article).sort((x, y) => times[y] - times[x] || x - y),
  );
  const recencyRank = new Int32Array(articleCount);
  for (let rank = 0; rank < articleCount; rank++) recencyRank[byRecency[rank]] = rank;
  const newest = times[byRecency[0]];
  const halfLifeMs = RELATED_TUNING.recencyHalfLifeDays * DAY_MS;
  const recencyBonus = new Float64Array(articleCount);
  for (let article = 0; article < articleCount; article++) {
    recencyBonus[article] = RELATED_TUNING.recencyMax * Math.pow(2, -(newest - times[article]) / halfLifeMs);
  }
  return { byRecency, recencyRank, recencyBonus };
}

function timeOf(date: Date): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  return Number.isFinite(time) ? time : EARLIEST_TIME;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
