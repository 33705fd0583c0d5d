/** A source's include/exclude lists applied to a feed item's title and summary. */
import { htmlToText } from '../authoring/import/html.ts';
import type { FeedEntry } from '../authoring/import/parse-feed.ts';
import { matchesAny, toPattern, type Source } from './registry.ts';

export interface ItemFilter {
  include: RegExp[];
  exclude: RegExp[];
}

/** The registry has already checked that every pattern compiles. */
export function compileFilter(source: Pick<Source, 'include' | 'exclude'>): ItemFilter {
  return { include: (source.include ?? []).map(toPattern), exclude: (source.exclude ?? []).map(toPattern) };
}

/**
 * True when the item stays: it matches an include entry (or the list is empty) and no exclude entry.
 * Each list is tried on the title and on the summary separately, so a pattern never spans the two.
 */
export function passesFilter(entry: FeedEntry, filter: ItemFilter): boolean {
  if (!filter.include.length && !filter.exclude.length) return true;
  const texts = [entry.title, entry.summaryHtml ? htmlToText(entry.summaryHtml) : ''];
  const matches = (patterns: readonly RegExp[]) => texts.some((text) => matchesAny(patterns, text));
  if (filter.include.length && !matches(filter.include)) return false;
  return !matches(filter.exclude);
}
