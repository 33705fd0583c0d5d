/**
 * Drafts and scheduled pieces as `astro dev` shows them to editors: each at its own address, laid out as its page
 * will be once published. The site index leaves them out, and nothing here goes back into it, so no other page
 * (listing, tag, story, "Explore more") changes for them.
 */
import { unpublishedReason, type UnpublishedReason } from '../content/publish.ts';
import { articleSlug } from '../content/slug.ts';
import { buildFacetIndex, type FacetIndex } from './facets.ts';
import { countWords } from './reading-time.ts';
import { rankRelated } from './related/related.ts';
import { indexedArticle, relatedCandidate, type ArticleFields, type IndexedArticle, type SiteIndex, type SourceArticle } from './site-index.ts';
import { sourcePageFinder } from './sources.ts';

export interface PreviewArticle<Data extends ArticleFields> extends IndexedArticle<Data> {
  /** Why readers do not see it yet. */
  unpublished: UnpublishedReason;
}

/**
 * The unpublished articles among `sources`, as the article page shows them, with no "Explore more" yet (see
 * `previewRelated`); `bodyOf` is read for them alone, for their reading time. One whose slug a published page holds
 * is left out: the content check already reports it.
 */
export function previewArticles<Data extends ArticleFields, Source extends Omit<SourceArticle<Data>, 'body' | 'wordCount'>>(
  sources: readonly Source[],
  index: SiteIndex<Data>,
  now: Date,
  bodyOf: (source: Source) => string,
): PreviewArticle<Data>[] {
  const sourcePageOf = sourcePageFinder(index.sources.all);
  const unpublished = sources.flatMap((source) => {
    const reason = unpublishedReason(source.data, now);
    const slug = articleSlug(source.filePath, source.data.slug);
    return reason && !index.bySlug.has(slug) ? [{ source, slug, reason }] : [];
  });
  const everyArticle = [...index.articles, ...unpublished.map(({ source, slug }) => ({ slug, data: source.data }))];
  const tags = previewFacets(index.tags, everyArticle.map(({ slug, data }) => ({ slug, names: data.tags })), 'tag');
  const authors = previewFacets(index.authors, everyArticle.map(({ slug, data }) => ({ slug, names: data.authors })), 'author');
  return unpublished.map(({ source, slug, reason }) => {
    const page = sourcePageOf(source.data.source);
    const sourcePage = page && { id: page.slug, name: page.name };
    return { ...indexedArticle({ ...source, slug }, { tags, authors }, countWords(bodyOf(source)), [], sourcePage), unpublished: reason };
  });
}

/**
 * Where each tag or author links from the previews: the site's own facet, else the one the build would give it once
 * the unpublished articles are out too, so a new name's address is reckoned as the build reckons it.
 */
function previewFacets(site: FacetIndex, articles: ReadonlyArray<{ slug: string; names: readonly string[] }>, fallbackSlug: string): Pick<FacetIndex, 'byKey'> {
  return { byKey: new Map([...buildFacetIndex(articles, fallbackSlug).byKey, ...site.byKey]) };
}

/**
 * A preview's "Explore more": the published articles its page will list once it is published, ranked among them as
 * the build ranks them. `published` are the site's articles with their (indexed) bodies.
 */
export function previewRelated<Data extends ArticleFields>(
  preview: { slug: string; data: Data; body: string },
  published: ReadonlyArray<{ slug: string; data: Data; body: string }>,
  index: SiteIndex<Data>,
  limit: number,
): IndexedArticle<Data>[] {
  const ranked = rankRelated([...published, preview].map(relatedCandidate), { limit, only: new Set([preview.slug]) });
  return (ranked.get(preview.slug) ?? []).map((slug) => index.bySlug.get(slug)!);
}

/** What the top of a preview tells the editor: why readers do not see the page, and how it reaches them. */
export function previewNotice(preview: { unpublished: UnpublishedReason; data: { publishedAt: Date } }, formatInstant: (value: Date) => string): string {
  return preview.unpublished === 'draft'
    ? 'Draft: this page is not on the site, and readers never see it. To publish it, delete “draft: true” from its front matter (README, “Drafts and scheduling”).'
    : `Scheduled for ${formatInstant(preview.data.publishedAt)}: this page is not on the site yet. It appears with the first build after that moment.`;
}

/** What a preview's date line says in place of "Published": readers see the date only once the piece is out. */
export function previewDateLabel(reason: UnpublishedReason): string {
  return reason === 'draft' ? 'Draft dated' : 'To be published';
}
