/** Links that identify no single item of a feed: a live blog's page, or a template that puts the home page in every <link>. */
import type { FeedEntry } from './parse-feed.ts';
import { urlKey } from './urls.ts';

/**
 * The keys (urlKey) of links the feed gives to items with different GUIDs and different headlines. Such a link
 * must not make one of them look like another, or like the article an earlier one became; the same item listed
 * twice (one GUID or one headline) shares its link as any story does, and stays a duplicate.
 */
export function sharedLinks(entries: readonly FeedEntry[]): Set<string> {
  const byLink = new Map<string, { guids: Set<string>; titles: Set<string> }>();
  for (const entry of entries) {
    const link = urlKey(entry.link);
    const guid = entry.guid?.trim();
    if (!link || !guid) continue;
    const items = byLink.get(link) ?? { guids: new Set(), titles: new Set() };
    items.guids.add(guid);
    items.titles.add(entry.title.trim());
    byLink.set(link, items);
  }
  return new Set([...byLink].filter(([, items]) => items.guids.size > 1 && items.titles.size > 1).map(([link]) => link));
}
