/**
 * Identifiers that identify no single item of a feed: a live blog's page, or a template that puts the home page in
 * every <link> or every <guid>.
 */
import type { FeedEntry } from './parse-feed.ts';
import { urlKey } from './urls.ts';

type Field = (entry: FeedEntry) => string | undefined;

const guidOf: Field = (entry) => entry.guid?.trim() || undefined;
const linkOf: Field = (entry) => urlKey(entry.link);
const titleOf: Field = (entry) => entry.title.trim();

/** The values of `shared` the feed gives to items that differ in every one of `differing` (items lacking any are left out). */
function sharedValues(entries: readonly FeedEntry[], shared: Field, differing: readonly Field[]): Set<string> {
  const seen = new Map<string, Array<Set<string>>>();
  for (const entry of entries) {
    const value = shared(entry);
    const others = differing.map((field) => field(entry));
    if (!value || others.some((other) => !other)) continue;
    const sets = seen.get(value) ?? differing.map(() => new Set<string>());
    others.forEach((other, index) => sets[index]!.add(other!));
    seen.set(value, sets);
  }
  return new Set([...seen].filter(([, sets]) => sets.every((set) => set.size > 1)).map(([value]) => value));
}

/**
 * The keys (urlKey) of links the feed gives to items with different GUIDs and different headlines. Such a link
 * must not make one of them look like another, or like the article an earlier one became; the same item listed
 * twice (one GUID or one headline) shares its link as any story does, and stays a duplicate.
 */
export function sharedLinks(entries: readonly FeedEntry[]): Set<string> {
  return sharedValues(entries, linkOf, [guidOf, titleOf]);
}

/**
 * GUIDs the feed gives to items with different links (a publisher's template that puts its home page in every
 * <guid>): such a GUID identifies none of them, and kept as a key it would make every later story look seen.
 */
export function sharedGuids(entries: readonly FeedEntry[]): Set<string> {
  return sharedValues(entries, guidOf, [linkOf]);
}
