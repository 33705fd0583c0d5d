/**
 * Include/exclude lists applied on a worker thread with a deadline. A regular expression can take for ever on some
 * text (/(\w+\s?)+$/ on a long headline that does not end as it expects), and a feed's text is the publisher's: on the
 * run's own thread such a pattern would hang the run until the job is killed, saying nothing of why.
 */
import Tinypool from 'tinypool';
import type { FeedEntry } from '../../lib/authoring/import/parse-feed.ts';
import type { Source } from '../../lib/aggregation/registry.ts';
import type { FilterTask } from './filter-worker.ts';

export type FilterResult = { ok: true; excluded: Set<FeedEntry> } | { ok: false; reason: string };

/**
 * For each source with a list, the entries its lists drop, or why they could not be applied within `timeoutMs` (the
 * run's timeout per feed: far above what lists take on a feed's items); one source at a time.
 */
export async function filterSources(jobs: ReadonlyArray<{ source: Pick<Source, 'include' | 'exclude'>; entries: readonly FeedEntry[] }>, timeoutMs: number): Promise<FilterResult[]> {
  if (!jobs.length) return [];
  const pool = new Tinypool({ filename: new URL('./filter-worker.ts', import.meta.url).href, minThreads: 1, maxThreads: 1 });
  // A thread's start (loading the filter code) is no part of a source's time: one with nothing to match is run
  // before the first source, and after each stopped, whose thread is replaced.
  const start = () => pool.run({ include: [], exclude: [], entries: [] } satisfies FilterTask);
  try {
    await start();
    const results: FilterResult[] = [];
    for (const { source, entries } of jobs) {
      const task: FilterTask = { include: source.include ?? [], exclude: source.exclude ?? [], entries: entries.map(({ title, summaryHtml }) => ({ title, summaryHtml })) };
      try {
        // The deadline starts with this source's turn, not while the others' are matched.
        const passes: boolean[] = await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) });
        results.push({ ok: true, excluded: new Set(entries.filter((_, index) => !passes[index])) });
      } catch (error) {
        if ((error as Error).name !== 'AbortError') throw error;
        await start();
        results.push({ ok: false, reason: `its include/exclude lists took more than ${timeoutMs / 1000} s on the feed's ${entries.length} items, and were stopped: a regular expression that repeats a repetition, such as /(\\w+\\s?)+$/, can take for ever on some text; rewrite it without the nesting` });
      }
    }
    return results;
  } finally {
    await pool.destroy();
  }
}
