/** OPML, the list of feeds every feed reader imports and exports, to and from the sources registry (feedsmith does the XML). */
import { generateOpml, parseOpml, type Opml } from 'feedsmith';
import { CLASH_SUFFIX_ROOM, shortenSlug, slugify, uniqueSlug } from '../content/slug.ts';
import { MAX_SOURCE_ID_LENGTH, SOURCE_ID_PATTERN } from '../content/source-id.ts';
import { resolveWebUrl, urlKey } from '../authoring/import/urls.ts';
import type { Source } from './registry.ts';

/** A feed listed in an OPML file. */
export interface OpmlFeed {
  name: string;
  feed: string;
  site?: string;
}

/** The fields a new registry entry is written with; the rest take the schema's defaults. */
export type NewSource = Pick<Source, 'id' | 'name' | 'feed'> & { site?: string };

export interface ImportPlan {
  added: NewSource[];
  skipped: Array<{ name: string; feed: string; reason: string }>;
}

/** Every outline with a feed address, folders flattened in document order. Throws when the text is not OPML. */
export function feedsFromOpml(text: string): OpmlFeed[] {
  const document = parseOpml(text);
  const feeds: OpmlFeed[] = [];
  const walk = (outlines: ReadonlyArray<Opml.Outline<string>> | undefined) => {
    for (const outline of outlines ?? []) {
      if (outline.xmlUrl) {
        const name = (outline.title || outline.text || '').trim();
        const site = resolveWebUrl(outline.htmlUrl);
        feeds.push({ name, feed: outline.xmlUrl.trim(), ...(site ? { site } : {}) });
      }
      walk(outline.outlines);
    }
  };
  walk(document.body?.outlines);
  return feeds;
}

/**
 * Which feeds become new sources: a feed already in the registry (or earlier in the same file) is skipped, compared
 * as the importer compares links (scheme, host case, trailing slash ignored); so is an address that is not http(s),
 * and one carrying a user name or password, which the registry (committed, and copied into every item) would publish.
 * A home page carrying them is left out.
 */
export function planOpmlImport(existing: readonly Source[], feeds: readonly OpmlFeed[]): ImportPlan {
  const listed = new Map(existing.map((source) => [urlKey(source.feed), source.name]));
  const ids = new Set(existing.map((source) => source.id));
  const plan: ImportPlan = { added: [], skipped: [] };
  for (const { name, feed, site } of feeds) {
    const address = resolveWebUrl(feed);
    const key = urlKey(address);
    if (!address || !key) {
      plan.skipped.push({ name, feed: withoutCredentials(feed), reason: 'not an http(s) address' });
      continue;
    }
    if (hasCredentials(address)) {
      plan.skipped.push({ name, feed: withoutCredentials(address), reason: 'its address holds a user name or password, which the registry would publish; ask the outlet for a public feed' });
      continue;
    }
    const already = listed.get(key);
    if (already !== undefined) {
      plan.skipped.push({ name, feed, reason: `already listed as ${already}` });
      continue;
    }
    const displayName = name || new URL(address).hostname;
    const id = uniqueSlug(sourceIdFor(displayName, address), ids);
    ids.add(id);
    listed.set(key, displayName);
    plan.added.push({ id, name: displayName, feed: address, ...(site && !hasCredentials(site) ? { site } : {}) });
  }
  return plan;
}

function hasCredentials(address: string): boolean {
  const url = URL.parse(address);
  return Boolean(url?.username || url?.password);
}

/** The address as it may be shown: any user name and password taken out. */
function withoutCredentials(address: string): string {
  const url = URL.parse(address);
  if (!url || !(url.username || url.password)) return address;
  url.username = '';
  url.password = '';
  return url.href;
}

/**
 * An id from the outlet's name (ASCII letters and digits), else from the feed's host name; cut between words to
 * leave room for the `-2` that keeps it unique within the schema's limit.
 */
function sourceIdFor(name: string, feed: string): string {
  const fromText = (text: string) =>
    shortenSlug(
      slugify(text.normalize('NFKD').replace(/\p{M}/gu, ''))
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-+/g, '-')
        .replace(/^-|-$/g, ''),
      MAX_SOURCE_ID_LENGTH - CLASH_SUFFIX_ROOM,
    );
  const fromName = fromText(name);
  if (SOURCE_ID_PATTERN.test(fromName)) return fromName;
  const fromHost = fromText(new URL(feed).hostname.replace(/^www\./, '').replace(/\./g, ' '));
  return SOURCE_ID_PATTERN.test(fromHost) ? fromHost : 'source';
}

/** The registry as an OPML 2.0 document any feed reader can import; feedsmith (and OPML) need at least one source. */
export function sourcesToOpml(sources: readonly Source[], title: string): string {
  return generateOpml({
    head: { title },
    body: {
      outlines: sources.map((source) => ({
        text: source.name,
        title: source.name,
        type: 'rss',
        xmlUrl: source.feed,
        ...(source.site ? { htmlUrl: source.site } : {}),
      })),
    },
  });
}
