/** One source's include/exclude lists applied to its feed's items, on a worker thread (filter-pool.ts). */
import { compileFilter, passesFilter } from '../../lib/aggregation/filters.ts';
import type { FeedEntry } from '../../lib/authoring/import/parse-feed.ts';

export interface FilterTask {
  include: string[];
  exclude: string[];
  entries: Array<Pick<FeedEntry, 'title' | 'summaryHtml'>>;
}

/** Whether each entry stays, in order. */
export default function filterEntries({ include, exclude, entries }: FilterTask): boolean[] {
  const filter = compileFilter({ include, exclude });
  return entries.map((entry) => passesFilter(entry as FeedEntry, filter));
}
