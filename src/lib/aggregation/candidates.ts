/** A fetched feed's entries sorted into those already handled, those the source's lists drop, and the new ones to plan. */
import type { FeedEntry } from '../authoring/import/parse-feed.ts';
import { sharedGuids, sharedLinks } from '../authoring/import/shared-links.ts';
import { urlKey } from '../authoring/import/urls.ts';
import { itemKeys, refusedKey, storedKey } from './identity.ts';

export interface Candidate {
  entry: FeedEntry;
  keys: string[];
}

export interface SortedEntries {
  candidates: Candidate[];
  /** Handled in an earlier run. */
  seenBefore: number;
  /** Arrived earlier in this run from another source (or twice in this feed). */
  duplicate: number;
  /** Those duplicates the source's filter passes: one may be taken after all, when the copy taken first is refused (copiesOfRefused). */
  duplicates: Candidate[];
  excluded: number;
  /** The keys of every entry the feed lists, as handled or refused by this source, as the state keeps them (storedKey): what it must not forget yet. */
  listed: Set<string>;
}

/**
 * The keys of the handled items in the order the state keeps them, oldest item first, so the cap on `seen` forgets
 * the oldest: by date, and among items of one date (or none) later in the feed first, since feeds list newest first.
 */
export function keysOldestFirst(candidates: readonly Candidate[]): string[] {
  return [...candidates].reverse().sort(olderFirst).flatMap((candidate) => candidate.keys);
}

/**
 * The newest `max` candidates, in feed order, and how many more there were. Those held over are not handled: kept
 * out of the state, they are new to a later run, which takes them while the feed still lists them. Newest as in
 * keysOldestFirst: by date, earlier in the feed first among items of one date, undated items first of all.
 */
export function capCandidates(candidates: readonly Candidate[], max: number): { candidates: Candidate[]; heldOver: number } {
  if (candidates.length <= max) return { candidates: [...candidates], heldOver: 0 };
  const newest = new Set(newestFirst(candidates).slice(0, max));
  return { candidates: candidates.filter((candidate) => newest.has(candidate)), heldOver: candidates.length - max };
}

/** The candidates newest first, as capCandidates ranks them: the order in which they are worth planning. */
export function newestFirst(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => olderFirst(b, a));
}

/** Undated items count as the newest, as their drafts are dated by the feed or the run. */
function olderFirst(a: Candidate, b: Candidate): number {
  const time = (candidate: Candidate) => candidate.entry.publishedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0;
}

/**
 * `passes` says whether the source's include/exclude lists keep an entry (as listed); `known` holds the keys of every
 * item handled before this run, as the state keeps them (storedKey); `claimed` those taken earlier in this run, and it gains each candidate's keys, so the
 * same link arriving from a later source is a duplicate.
 */
export function sortEntries(entries: readonly FeedEntry[], sourceId: string, passes: (entry: FeedEntry) => boolean, known: ReadonlySet<string>, claimed: Set<string>): SortedEntries {
  const sorted: SortedEntries = { candidates: [], seenBefore: 0, duplicate: 0, duplicates: [], excluded: 0, listed: new Set() };
  const shared = sharedGuids(entries);
  const links = sharedLinks(entries);
  for (const listed of entries) {
    // Without the shared GUID, the importer does not take the second such item for the first either.
    const entry = shared.has(listed.guid?.trim() ?? '') ? { ...listed, guid: undefined } : listed;
    // An item whose link is shared keeps it for its article, but is known by its GUID alone.
    const keys = itemKeys(links.has(urlKey(entry.link) ?? '') ? { ...entry, link: undefined } : entry, sourceId);
    const stored = keys.flatMap((key) => [storedKey(key), storedKey(refusedKey(key, sourceId))]);
    for (const key of stored) sorted.listed.add(key);
    if (stored.some((key) => known.has(key))) {
      sorted.seenBefore++;
      continue;
    }
    if (keys.some((key) => claimed.has(key))) {
      sorted.duplicate++;
      // Set aside only if this source would take it: it may yet be written for this source (copiesOfRefused).
      if (passes(listed)) sorted.duplicates.push({ entry, keys });
      continue;
    }
    if (!passes(listed)) {
      sorted.excluded++;
      continue;
    }
    for (const key of keys) claimed.add(key);
    sorted.candidates.push({ entry, keys });
  }
  return sorted;
}

/**
 * The duplicates of one source to offer again, now that the copies first taken of some links were refused:
 * `refusedBy` maps each such link key to the source that refused it. A copy from that same source (a feed listing an
 * item twice) would be refused alike; of several copies of one link, the first offered (`offered`, across sources in
 * registry order) is the one taken, so that the story is written once.
 */
export function copiesOfRefused(duplicates: readonly Candidate[], sourceId: string, refusedBy: ReadonlyMap<string, string>, offered: Set<string>): { copies: Candidate[]; remaining: Candidate[] } {
  const copies: Candidate[] = [];
  const remaining: Candidate[] = [];
  for (const duplicate of duplicates) {
    const link = duplicate.keys.find((key) => key.startsWith('link:'));
    const refuser = link && refusedBy.get(link);
    if (link && refuser && refuser !== sourceId && !offered.has(link)) {
      offered.add(link);
      copies.push(duplicate);
    } else remaining.push(duplicate);
  }
  return { copies, remaining };
}
