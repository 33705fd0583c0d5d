/**
 * Drafts and scheduled pieces as `astro dev` shows them to editors: each at its own address, laid out as its page
 * will be once published. The site index leaves them out, and nothing here goes back into it, so no other page
 * (listing, tag, story, "Explore more") changes for them.
 */
import { unpublishedReason, type UnpublishedReason } from '../content/publish.ts';
import { articleSlug, uniqueSlug } from '../content/slug.ts';
import { baseFacetSlug, facetKey, normalizeName, type FacetIndex } from './facets.ts';
import { countWords, readingMinutes } from './reading-time.ts';
import { rankRelated } from './related/related.ts';
import { relatedCandidate, type ArticleFields, type FacetLink, type IndexedArticle, type SiteIndex, type SourceArticle } from './site-index.ts';
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
  return sources.flatMap((source) => {
    const unpublished = unpublishedReason(source.data, now);
    const slug = articleSlug(source.filePath, source.data.slug);
    if (!unpublished || index.bySlug.has(slug)) return [];
    const wordCount = countWords(bodyOf(source));
    const page = sourcePageOf(source.data.source);
    return [
      {
        slug,
        id: source.id,
        filePath: source.filePath,
        data: source.data,
        tags: previewLinks(index.tags, source.data.tags, 'tag'),
        authors: previewLinks(index.authors, source.data.authors, 'author'),
        wordCount,
        readingMinutes: readingMinutes(wordCount),
        related: [],
        ...(page && { sourcePage: { id: page.slug, name: page.name } }),
        unpublished,
      },
    ];
  });
}

/**
 * Tags or authors as the article will show them once published: the site's facet where the name has one, else the
 * name with the address a new facet gets, after any that already holds it.
 */
function previewLinks(index: FacetIndex, names: readonly string[], fallbackSlug: string): FacetLink[] {
  const links = new Map<string, FacetLink>();
  for (const name of names) {
    const key = facetKey(name);
    if (!key || links.has(key)) continue;
    const facet = index.byKey.get(key);
    if (facet) {
      links.set(key, { name: facet.name, slug: facet.slug });
      continue;
    }
    const naive = baseFacetSlug(key, fallbackSlug);
    links.set(key, { name: normalizeName(name), slug: index.bySlug.has(naive) ? uniqueSlug(naive, new Set(index.bySlug.keys())) : naive });
  }
  return [...links.values()];
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
