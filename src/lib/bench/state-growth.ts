/**
 * The aggregation state of busy sources over weeks of scheduled runs, for `npm run bench:aggregate -- --state`: each
 * source publishes stories at a steady rate, its feed lists its newest ones, and every run settles each source's state
 * with the aggregator's own functions (sortEntries, keysOldestFirst, afterAnswer), as a run reading a new version does.
 */
import { keysOldestFirst, sortEntries } from '../aggregation/candidates.ts';
import { afterAnswer } from '../aggregation/source-state.ts';
import { emptyState, type AggregationState } from '../aggregation/state.ts';
import type { FeedEntry } from '../authoring/import/parse-feed.ts';

export interface StateGrowthOptions {
  sources: number;
  /** Stories each source publishes a day. */
  perDay: number;
  /** Stories its feed lists, newest first. */
  listed: number;
  /** Scheduled runs a day (48: every 30 minutes). */
  runsPerDay: number;
  /** Days after which to hand back the state. */
  checkpoints: readonly number[];
  start: Date;
}

const WORDS = ['chip', 'makers', 'report', 'record', 'quarter', 'as', 'demand', 'for', 'servers', 'grows', 'again', 'in', 'europe', 'while', 'phone', 'sales', 'slow'];
const DAY = 24 * 60 * 60 * 1000;

/** A story as such outlets publish it: a dated, worded link, and a GUID of the publishing system's own. */
function story(source: number, number: number, start: number, perDay: number): FeedEntry {
  const publishedAt = new Date(start + (number * DAY) / perDay);
  const slug = Array.from({ length: 7 }, (_, index) => WORDS[(number * 7 + index * 3 + source) % WORDS.length]).join('-');
  const day = publishedAt.toISOString().slice(0, 10).replace(/-/g, '/');
  return {
    title: slug,
    link: `https://www.outlet-${source}.example.com/${day}/${slug}-${1_000_000 + number}`,
    guid: `https://www.outlet-${source}.example.com/?p=${2_000_000 + number}`,
    authors: [],
    categories: [],
    publishedAt,
  };
}

/** The state at each checkpoint, in order, with the day it was taken. */
export function* stateGrowth(options: StateGrowthOptions): Generator<{ day: number; state: AggregationState }> {
  const state = emptyState();
  const start = options.start.getTime();
  const published = new Array<number>(options.sources).fill(0);
  const lastDay = Math.max(...options.checkpoints);
  const checkpoints = new Set(options.checkpoints);
  for (let run = 1; run <= lastDay * options.runsPerDay; run++) {
    const now = new Date(start + (run * DAY) / options.runsPerDay);
    const due = Math.floor((run * options.perDay) / options.runsPerDay);
    for (let source = 0; source < options.sources; source++) {
      if (published[source] === due) continue;
      published[source] = due;
      const id = `source-${source}`;
      const entries = Array.from({ length: Math.min(options.listed, due) }, (_, index) => story(source, due - 1 - index, start, options.perDay));
      const previous = state.sources[id];
      const sorted = sortEntries(entries, id, () => true, new Set(previous?.seen), new Set());
      const outcome = { kind: 'changed' as const, text: '', url: `https://www.outlet-${source}.example.com/feed/`, validators: { etag: `"${due}"`, lastModified: now.toUTCString() }, contentHash: `${due}`.padStart(32, '0') };
      state.sources[id] = afterAnswer(previous, { sourceId: id, feedUrl: outcome.url, outcome, entries, seen: keysOldestFirst(sorted.candidates), listed: sorted.listed, incomplete: false }, now);
    }
    if (run % options.runsPerDay === 0 && checkpoints.has(run / options.runsPerDay)) yield { day: run / options.runsPerDay, state };
  }
}
