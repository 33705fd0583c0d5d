/** Tags for imported drafts: the feed's categories tidied, spelled the way the site already spells them, plus the editor's own. */
import { joinedNames } from '../../checks/joined-names.ts';
import { baseFacetSlug, facetKey, normalizeName } from '../../site/facets.ts';

/** Used only when neither the feed nor the editor gives a tag (the schema needs at least one). */
const FALLBACK_TAG = 'News';

/** More than this many feed categories is keyword stuffing, not topics. */
const MAX_FEED_TAGS = 6;

const MAX_TAG_LENGTH = 40;

/** Placeholders blog engines assign when nobody picked a category. */
const PLACEHOLDER_CATEGORIES = new Set(['uncategorized', 'uncategorised', 'general', 'misc', 'miscellaneous', 'none', 'default', 'blog', 'post', 'posts']);

/** A slash at either end, or lower-case slug segments between slashes, as a site's paths are written. */
function isPath(name: string): boolean {
  return name.startsWith('/') || name.endsWith('/') || (name.includes('/') && name.split('/').every((segment) => /^[a-z0-9_-]+$/.test(segment)));
}

function usable(name: string): boolean {
  if (!name || name.length > MAX_TAG_LENGTH) return false;
  if (!/[\p{L}\p{N}]/u.test(name)) return false;
  // Atom category terms are often scheme URLs or paths ("/category/tech", "news/technology"), not names; a name
  // may hold a slash too ("AR/VR", "C/C++", "TCP/IP").
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name) || isPath(name)) return false;
  return !PLACEHOLDER_CATEGORIES.has(name.toLowerCase());
}

export interface TagOptions {
  /** The site's tags by facetKey → display name; a category matching one is written the site's way. */
  siteTags?: ReadonlyMap<string, string>;
  /** Tags the editor asked for on the command line; always kept, listed after the feed's. */
  extra?: readonly string[];
  fallback?: string;
}

/** Distinct tags (case-insensitively, and each with a page of its own), feed categories first (at most MAX_FEED_TAGS), never empty. */
export function chooseTags(categories: readonly string[], options: TagOptions = {}): string[] {
  const tags: string[] = [];
  // By the page each would have: two names with one URL (AI and A.I., EU and "EU }") are one tag to readers.
  const seenPages = new Set<string>();
  const push = (raw: string) => {
    const name = normalizeName(raw);
    const key = facetKey(name);
    const page = baseFacetSlug(key, 'tag');
    if (seenPages.has(page)) return;
    seenPages.add(page);
    tags.push(options.siteTags?.get(key) ?? name);
  };
  // One category listing several topics ("AI, Cloud", as some feeds write their keywords) is each of them, parted as
  // the content check parts a tag: kept whole, it would be one tag with one page, and warned of.
  const names = categories.flatMap((category) => {
    const name = normalizeName(category);
    return joinedNames(name, 'tag') ?? [name];
  });
  for (const name of names) {
    if (tags.length >= MAX_FEED_TAGS) break;
    if (usable(name)) push(name);
  }
  for (const tag of options.extra ?? []) {
    const name = normalizeName(tag);
    if (name) push(name);
  }
  if (!tags.length) tags.push(options.fallback ?? FALLBACK_TAG);
  return tags;
}

/** Splits the --tags option ("AI, Policy") into names. */
export function parseTagList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((tag) => normalizeName(tag))
    .filter(Boolean);
}
