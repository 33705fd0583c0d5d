/**
 * Which feed items are the same story, across runs and sources: an item is known by its GUID (within its own
 * source, since GUIDs such as "1234" are only unique there), by its normalised link (across every source), and,
 * when it has neither, by a hash of its text. An item matching any key seen before is never written again.
 */
import { createHash } from 'node:crypto';
import type { FeedEntry } from '../authoring/import/parse-feed.ts';
import { sharedLinks } from '../authoring/import/shared-links.ts';
import { urlKey } from '../authoring/import/urls.ts';

/** The keys an item is remembered by in the aggregation state, most specific first. */
export function itemKeys(entry: FeedEntry, sourceId: string): string[] {
  const keys: string[] = [];
  const guid = entry.guid?.trim();
  if (guid) keys.push(`guid:${sourceId}:${guid}`);
  const link = urlKey(entry.link);
  if (link) keys.push(`link:${link}`);
  if (!keys.length) keys.push(`hash:${sourceId}:${contentHash([entry.title, entry.summaryHtml ?? '', entry.contentHtml ?? ''].join('\n'))}`);
  return keys;
}

/**
 * How an item its source offered but the desk refused is remembered: by its source alone, so that the refusal keeps
 * that source's copy out of later runs without keeping out another outlet's copy of the same story.
 */
export function refusedKey(key: string, sourceId: string): string {
  return key.startsWith('link:') ? `refused:${sourceId}:${key.slice('link:'.length)}` : key;
}

/** A key as the state keeps it (storedKey): 16 base64url characters, where every key as itemKeys makes it has a colon. */
const STORED_KEY = /^[\w-]{16}$/;

/**
 * How the state keeps `key`: a 96-bit fingerprint, 16 characters whatever the length of the link or GUID, so that
 * hundreds of busy sources remember their items in a few MB. A key kept as itself, by a state written before, is read
 * as its fingerprint (after currentItemKey); one already a fingerprint is kept.
 */
export function storedKey(key: string): string {
  return STORED_KEY.test(key) ? key : createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

/**
 * A key as the current urlKey would write it: a link key saved before `www.host` and `host` compared alike is read as
 * the same link now, so an item already handled under the old key is not written again. Other keys are as saved.
 */
export function currentItemKey(key: string): string {
  if (!key.startsWith('link:www.')) return key;
  const link = urlKey(`http://${key.slice('link:'.length)}`);
  return link ? `link:${link}` : key;
}

/**
 * What a feed lists, as a fingerprint of its items in any order: the same items under a new time stamp, with a
 * headline edited, or with GUIDs made anew at every answer, list nothing new; an item the source's filter leaves out
 * still counts, as the feed is alive. Each item counts by its link, as a story is known across runs whatever its GUID,
 * unless the feed gives that link to several items (a live blog's updates), which then count by their GUIDs.
 */
export function listedItemsHash(entries: readonly FeedEntry[], sourceId: string): string {
  const shared = sharedLinks(entries);
  const identity = (entry: FeedEntry) => {
    const keys = itemKeys(shared.has(urlKey(entry.link) ?? '') ? { ...entry, link: undefined } : entry, sourceId);
    return keys.find((key) => key.startsWith('link:')) ?? keys[0]!;
  };
  return contentHash(entries.map(identity).sort().join('\n'));
}

/** A short, stable fingerprint of some text (a feed body, an item without GUID or link). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
