/** Everything derived from the collection, computed once per build: published order, tags, authors, reading time, related lists. */
import { crossArticleProblems, type Problem } from '../checks/cross-article.ts';
import { formatProblem } from '../checks/problems.ts';
import { buildFacetIndex, facetKey, type FacetIndex } from './facets.ts';
import { isPublished } from '../content/publish.ts';
import { countWords, readingMinutes } from './reading-time.ts';
import { rankRelated, RELATED_TUNING, type RelatedCandidate } from './related/related.ts';
import { articleSlug } from '../content/slug.ts';
import { STORY_BODY_CHARACTERS } from '../stories/features.ts';
import { findStories, type Story } from '../stories/find-stories.ts';
import type { ArticleSource } from '../stories/outlet.ts';
import { siteStories, storiesByArticle, type SiteStory } from '../stories/site-stories.ts';
import { DEFAULT_STORY_WINDOW_HOURS } from '../stories/tuning.ts';
import type { Source } from '../aggregation/registry.ts';
import { buildSourceIndex, unknownSourceIdProblems, type SourceIndex } from './sources.ts';

/** The fields the index reads; Astro's entries carry more (image metadata), passed through untouched. */
export interface ArticleFields {
  title: string;
  description: string;
  publishedAt: Date;
  updatedAt?: Date;
  authors: string[];
  tags: string[];
  related: string[];
  draft: boolean;
  slug?: string;
  source?: ArticleSource & { excerpt?: boolean };
  story?: string | false;
}

export interface SourceArticle<Data extends ArticleFields> {
  /** The content collection's id for the entry (to render its body). */
  id: string;
  /** Project-relative path, for messages. */
  filePath: string;
  data: Data;
  /**
   * The Markdown body, or only the part of it the index reads (`indexedBody`), with `wordCount` then given. Only
   * published articles need one.
   */
  body?: string;
  /** The whole body's word count, when `body` is only its indexed part. */
  wordCount?: number;
}

/** The most of a body the index reads: the related ranking's cut, and the lead that story grouping reads. */
const INDEXED_BODY_CHARACTERS = Math.max(RELATED_TUNING.bodyMaxChars, STORY_BODY_CHARACTERS);

/**
 * What the index needs of a body: a copy of its start and the whole body's word count. A caller holding every
 * article at once (the build) keeps this instead of the body, which as a slice would keep the whole file alive.
 */
export function indexedBody(body: string): { body: string; wordCount: number } {
  return { body: structuredClone(body.slice(0, INDEXED_BODY_CHARACTERS)), wordCount: countWords(body) };
}

export interface FacetLink {
  name: string;
  slug: string;
}

/** An article's tags or authors as its pages link them: each name's facet in `index`, once. */
function facetLinks(index: Pick<FacetIndex, 'byKey'>, names: readonly string[]): FacetLink[] {
  const facets = new Set(names.map((name) => index.byKey.get(facetKey(name))).filter((facet) => facet !== undefined));
  return [...facets].map((facet) => ({ name: facet.name, slug: facet.slug }));
}

/** What pages outside the article itself (feeds, structured data) need of a published article; IndexedArticle fits as it is. */
export interface ArticleSummary {
  slug: string;
  data: {
    title: string;
    description: string;
    publishedAt: Date;
    updatedAt?: Date;
    source?: { name: string; url: string };
    /** BCP 47, when the article is not in the site's language. */
    lang?: string;
  };
  /** Display names and URL slugs, in the article's own order. */
  tags: ReadonlyArray<FacetLink>;
  authors: ReadonlyArray<FacetLink>;
  /** The registry source it is listed under, whose name its page credits. */
  sourcePage?: { id: string; name: string };
}

export interface IndexedArticle<Data extends ArticleFields> {
  slug: string;
  id: string;
  filePath: string;
  data: Data;
  /** Tags and authors in the article's own order, with their site-wide display names. */
  tags: FacetLink[];
  authors: FacetLink[];
  wordCount: number;
  readingMinutes: number;
  /** "Explore more" slugs, best first. */
  related: string[];
  /** The registry source it is listed under (/sources/<id>/), with the registry's name for it. */
  sourcePage?: { id: string; name: string };
}

/** An article as its pages show it: its tags and authors linked through `facets`, its reading time from `wordCount`. */
export function indexedArticle<Data extends ArticleFields>(
  source: { slug: string; id: string; filePath: string; data: Data },
  facets: { tags: Pick<FacetIndex, 'byKey'>; authors: Pick<FacetIndex, 'byKey'> },
  wordCount: number,
  related: string[],
  sourcePage: IndexedArticle<Data>['sourcePage'],
): IndexedArticle<Data> {
  return {
    slug: source.slug,
    id: source.id,
    filePath: source.filePath,
    data: source.data,
    tags: facetLinks(facets.tags, source.data.tags),
    authors: facetLinks(facets.authors, source.data.authors),
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    related,
    ...(sourcePage && { sourcePage }),
  };
}

export interface SiteIndex<Data extends ArticleFields> {
  /** Published articles, newest first. */
  articles: IndexedArticle<Data>[];
  bySlug: Map<string, IndexedArticle<Data>>;
  tags: FacetIndex;
  authors: FacetIndex;
  /** One event covered by several outlets; newest coverage first. */
  stories: SiteStory<IndexedArticle<Data>>[];
  /** Each article's story, by article slug. */
  storyOf: Map<string, SiteStory<IndexedArticle<Data>>>;
  /** The registry's sources with their published items. */
  sources: SourceIndex;
  /** Warnings that did not stop the build. */
  warnings: Problem[];
}

export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `${problems.length} content problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

export interface SiteIndexOptions {
  now: Date;
  relatedLimit: number;
  /** Articles further apart are never grouped into one story. */
  storyWindowHours?: number;
  /**
   * The published articles' stories as the build's content check grouped them (handed over in the archive
   * listing); without them the index groups the articles itself.
   */
  stories?: Story[];
  /** The sources registry (content/sources.yaml) and its path for messages; none when absent. */
  registry?: { sources: readonly Source[]; file: string };
  /** The line of a front-matter field in an article's file, for problems between articles (the fields alone have none). */
  lineOf?: (file: string, field: string) => number | undefined;
}

const newestFirst = (a: { slug: string; data: ArticleFields }, b: { slug: string; data: ArticleFields }) =>
  b.data.publishedAt.getTime() - a.data.publishedAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** A published article as the related ranking sees it: the one mapping the build and `npm run bench` both rank. */
export function relatedCandidate(source: {
  slug: string;
  body: string;
  data: Pick<ArticleFields, 'title' | 'description' | 'tags' | 'publishedAt' | 'related'>;
}): RelatedCandidate {
  return {
    slug: source.slug,
    title: source.data.title,
    description: source.data.description,
    body: source.body,
    tagKeys: [...new Set(source.data.tags.map(facetKey))],
    publishedAt: source.data.publishedAt,
    curated: source.data.related,
  };
}

/** Throws ContentError when any article has an error-level problem, so no page is built from bad input. */
export function buildSiteIndex<Data extends ArticleFields>(sources: readonly SourceArticle<Data>[], options: SiteIndexOptions): SiteIndex<Data> {
  const withSlugs = sources.map((source) => ({ ...source, slug: articleSlug(source.filePath, source.data.slug) }));
  const found = crossArticleProblems(withSlugs.map((source) => ({ file: source.filePath, slug: source.slug, data: source.data })), options.now);
  if (options.registry) found.push(...unknownSourceIdProblems(options.registry.sources, sources, options.registry.file));
  const { lineOf } = options;
  const problems = lineOf ? found.map((problem) => (problem.field && problem.line === undefined ? { ...problem, line: lineOf(problem.file, problem.field) } : problem)) : found;
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);

  const published = withSlugs.filter((source) => isPublished(source.data, options.now)).map(withBody).sort(newestFirst);
  const tags = buildFacetIndex(published.map((source) => ({ slug: source.slug, names: source.data.tags })), 'tag');
  const authors = buildFacetIndex(published.map((source) => ({ slug: source.slug, names: source.data.authors })), 'author');
  const stories =
    options.stories ??
    findStories(
      published.map((source) => ({ ...source.data, slug: source.slug, body: source.body })),
      { windowHours: options.storyWindowHours ?? DEFAULT_STORY_WINDOW_HOURS },
    );
  const storySlugOf = new Map(stories.flatMap((story) => story.articles.map((slug) => [slug, story.slug] as const)));
  // "Explore more" skips the article's own story (listed as its coverage), so ask for enough to still fill it.
  const storySlack = stories.reduce((most, story) => Math.max(most, story.articles.length - 1), 0);
  const sourceIndex = buildSourceIndex(options.registry?.sources ?? [], published);
  const related = rankRelated(published.map(relatedCandidate), { limit: options.relatedLimit + storySlack });
  const relatedOutsideStory = (slug: string) => {
    const story = storySlugOf.get(slug);
    const ranked = related.get(slug) ?? [];
    return (story ? ranked.filter((other) => storySlugOf.get(other) !== story) : ranked).slice(0, options.relatedLimit);
  };

  const articles = published.map((source) =>
    indexedArticle(source, { tags, authors }, source.wordCount ?? countWords(source.body), relatedOutsideStory(source.slug), sourceIndex.sourceOf.get(source.slug)),
  );
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const resolvedStories = siteStories(stories, bySlug);
  return {
    articles,
    bySlug,
    tags,
    authors,
    stories: resolvedStories,
    storyOf: storiesByArticle(resolvedStories),
    sources: sourceIndex,
    warnings: problems.filter((problem) => problem.severity === 'warning'),
  };
}

function withBody<Source extends { slug: string; filePath: string; body?: string }>(source: Source): Source & { body: string } {
  if (source.body === undefined) throw new Error(`${source.filePath}: the site index was given no body for this published article`);
  return source as Source & { body: string };
}
