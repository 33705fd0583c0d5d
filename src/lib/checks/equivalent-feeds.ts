/** Two registry sources reading one feed, at one address or under different spellings of it: fetched twice, its items without a link written twice. */
import { urlKey } from '../authoring/import/urls.ts';
import type { Problem } from './problems.ts';

/**
 * One warning per source whose feed an earlier source already reads (compared by urlKey), naming both and their lines.
 * A warning, not an error: two entries with different include/exclude filters may be meant.
 */
export function equivalentFeedProblems(sources: ReadonlyArray<{ id: string; feed: string }>, file: string, lineOf: (index: number) => number | undefined): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  sources.forEach((source, index) => {
    const key = urlKey(source.feed);
    if (key === undefined) return;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, index);
      return;
    }
    const other = sources[earlier]!;
    const [line, otherLine] = [lineOf(index), lineOf(earlier)];
    // Two sources of one flow list on one line are told apart by their place.
    const named = otherLine !== undefined && otherLine !== line ? `${file}:${otherLine}` : `source ${earlier + 1}`;
    problems.push({
      file,
      line,
      field: 'feed',
      severity: 'warning',
      message: `"${source.id}" reads the same feed as "${other.id}" (${named}), ${source.feed === other.feed ? `at the same address (${source.feed})` : `written differently (${source.feed} and ${other.feed})`}, so each run fetches it twice and writes twice any item it gives without a link`,
      hint: 'remove one of the two sources, or keep both only if their include/exclude filters are meant to pick different items',
    });
  });
  return problems;
}
