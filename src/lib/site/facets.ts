/** Tag and author indexes: case-insensitive grouping, display names, collision-free URL slugs. */
import { slugify, uniqueSlug } from '../content/slug.ts';

/** One tag or author as readers see it. */
export interface Facet {
  /** Case- and spacing-insensitive identity ("ai" for AI, ai, Ai). */
  key: string;
  /** The most common spelling among articles. */
  name: string;
  /** URL segment, unique within its index. */
  slug: string;
  /** Articles carrying it, in the order given (callers pass newest first). */
  articleSlugs: string[];
  /** Every spelling seen, most used first (checks warn when there is more than one). */
  spellings: string[];
}

export interface FacetIndex {
  /** Sorted by display name. */
  all: Facet[];
  byKey: Map<string, Facet>;
  bySlug: Map<string, Facet>;
}

/** A name as written, tidied: NFC, trimmed, inner spacing collapsed. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** The identity of a name: its tidied form, case folded. */
export function facetKey(name: string): string {
  return normalizeName(name).toLowerCase();
}

/** How the site shows `name`: its facet's display name (the most common spelling), else `name` as written. */
export function facetName(index: FacetIndex, name: string): string {
  return index.byKey.get(facetKey(name))?.name ?? name;
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The URL segment a facet gets unless another with the same one has more articles. */
export function baseFacetSlug(key: string, fallbackSlug: string): string {
  return slugify(key) || fallbackSlug;
}

/**
 * Groups names across articles. Naive slug collisions (Wi-Fi and Wi Fi, AI and A.I., or tags of symbols only) are
 * resolved deterministically: the name on the most articles keeps the slug (ties by key), the rest get -2, -3…, so
 * one new article cannot move an established tag's page, or the header's link to it, to another URL.
 */
export function buildFacetIndex(articles: ReadonlyArray<{ slug: string; names: readonly string[] }>, fallbackSlug: string): FacetIndex {
  const groups = new Map<string, { spellingCounts: Map<string, number>; articleSlugs: string[] }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const rawName of article.names) {
      const name = normalizeName(rawName);
      const key = facetKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { spellingCounts: new Map(), articleSlugs: [] }));
      group.spellingCounts.set(name, (group.spellingCounts.get(name) ?? 0) + 1);
      group.articleSlugs.push(article.slug);
    }
  }

  const keysBySlug = new Map<string, string[]>();
  const mostArticlesFirst = [...groups].sort(([keyA, a], [keyB, b]) => b.articleSlugs.length - a.articleSlugs.length || (keyA < keyB ? -1 : 1));
  for (const [key] of mostArticlesFirst) {
    const naive = baseFacetSlug(key, fallbackSlug);
    keysBySlug.set(naive, [...(keysBySlug.get(naive) ?? []), key]);
  }
  const taken = new Set(keysBySlug.keys());
  const slugOf = new Map<string, string>();
  for (const [naive, keys] of keysBySlug) {
    keys.forEach((key, position) => {
      if (position === 0) return slugOf.set(key, naive);
      const slug = uniqueSlug(naive, taken);
      taken.add(slug);
      slugOf.set(key, slug);
    });
  }

  const all: Facet[] = [...groups].map(([key, group]) => {
    const spellings = [...group.spellingCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
    return { key, name: spellings[0]!, slug: slugOf.get(key)!, articleSlugs: group.articleSlugs, spellings };
  });
  all.sort((a, b) => byName.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
  return {
    all,
    byKey: new Map(all.map((facet) => [facet.key, facet])),
    bySlug: new Map(all.map((facet) => [facet.slug, facet])),
  };
}

/** The `limit` facets with the most articles, ties by name: the front page's "Topics" rail. */
export function mostUsed(index: FacetIndex, limit: number): Facet[] {
  return [...index.all].sort((a, b) => b.articleSlugs.length - a.articleSlugs.length || byName.compare(a.name, b.name)).slice(0, limit);
}
