/**
 * The outlets as readers see them: every registry source with its published items, newest first, and which source
 * each article is listed under. An article belongs to the source its `source.id` names; one without an id (imported
 * before the registry, or by `npm run import`) belongs to the registry source with the same name, case and spacing
 * ignored, so older coverage joins its outlet's page without editing every file.
 */
import type { Source } from '../aggregation/registry.ts';
import type { Problem } from '../checks/problems.ts';
import { unknownSourceId } from '../checks/source-ids.ts';
import { facetKey } from './facets.ts';
import { articleDate, type ArticleDate, type DatedData } from '../content/written-dates.ts';

export interface SourcePage {
  /** The registry id, which is also its URL segment. */
  slug: string;
  name: string;
  /** The publisher's home page. */
  site?: string;
  feed: string;
  /** Published items, newest first (in the order the articles were given). */
  articleSlugs: string[];
  /** The newest item's publication date. */
  latest?: ArticleDate;
}

export interface SourceIndex {
  /** In registry order: the order the desk chose. */
  all: SourcePage[];
  byId: Map<string, SourcePage>;
  /** Article slug → the source it is listed under. */
  sourceOf: Map<string, { id: string; name: string }>;
}

export interface SourcedArticle {
  slug: string;
  data: DatedData & { source?: { id?: string; name: string } };
}

/** `published` must be newest first. */
export function buildSourceIndex(registry: readonly Source[], published: readonly SourcedArticle[]): SourceIndex {
  const all = registry.map((source): SourcePage => ({ slug: source.id, name: source.name, site: source.site, feed: source.feed, articleSlugs: [] }));
  const byId = new Map(all.map((page) => [page.slug, page]));
  const pageOf = sourcePageFinder(all);
  const sourceOf = new Map<string, { id: string; name: string }>();
  for (const article of published) {
    const page = pageOf(article.data.source);
    if (!page) continue;
    page.articleSlugs.push(article.slug);
    page.latest ??= articleDate(article.data, 'publishedAt');
    sourceOf.set(article.slug, { id: page.slug, name: page.name });
  }
  return { all, byId, sourceOf };
}

/** The source page an article with this `source` is listed under, if any: by its id, else by its name. */
export function sourcePageFinder(pages: readonly SourcePage[]): (source: SourcedArticle['data']['source']) => SourcePage | undefined {
  const byId = new Map(pages.map((page) => [page.slug, page]));
  const byName = new Map<string, SourcePage>();
  for (const page of pages) if (!byName.has(facetKey(page.name))) byName.set(facetKey(page.name), page);
  return (source) => source && (source.id === undefined ? byName.get(facetKey(source.name)) : byId.get(source.id));
}

/** Articles (drafts too) whose `source.id` is not in the registry: errors, as `npm run check:content` reports them. */
export function unknownSourceIdProblems(
  registry: readonly Source[],
  articles: ReadonlyArray<{ filePath: string; data: { source?: { id?: string } } }>,
  registryFile: string,
): Problem[] {
  const ids = new Set(registry.map((source) => source.id));
  return articles.flatMap((article) => {
    const id = article.data.source?.id;
    const unknown = id === undefined ? undefined : unknownSourceId(id, ids, registryFile);
    return unknown ? [{ file: article.filePath, field: 'source.id', severity: 'error' as const, ...unknown }] : [];
  });
}
