/** Binds the pure lib/ modules to this site: its config, its base path, the build's clock and the content collection. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getCollection, type CollectionEntry } from 'astro:content';
import { recordSiteIndexTiming } from './io/build-timing.ts';
import { newestWithCards } from './lib/cards/newest-with-cards.ts';
import { createDateFormatter } from './lib/site/dates.ts';
import { themeColors } from './lib/site/theme-color.ts';
import stylesheet from './styles/global.css?raw';
import { facetKey, mostUsed, type Facet } from './lib/site/facets.ts';
import { articleBody } from './lib/content/front-matter.ts';
import { languageAttributes, ownWordsAttributes } from './lib/content/language.ts';
import { articleSlug } from './lib/content/slug.ts';
import { absoluteUrl, createPaths } from './lib/site/paths.ts';
import { interfaceTextAttributes, pageArrows, pageDirection } from './lib/site/page-direction.ts';
import { createArticleBodyRenderer } from './lib/output/markdown-processor.ts';
import { articlePagesOfIndex, offerArticlePages } from './lib/output/sitemap.ts';
import { shardPaths } from './lib/site/shard-pages.ts';
import { previewArticles, previewRelated, type PreviewArticle } from './lib/site/previews.ts';
import { buildSiteIndex, ContentError, indexedBody, type IndexedArticle, type SiteIndex } from './lib/site/site-index.ts';
import { formatProblem, hasErrors } from './lib/checks/problems.ts';
import { createFieldLines } from './io/field-lines.ts';
import { waitForListing } from './io/article-listing.ts';
import { listingPageBodies } from './io/listing-files.ts';
import { pageBodyReader } from './io/page-bodies.ts';
import { displayPath } from './io/display-path.ts';
import { readSourcesFile } from './io/read-sources.ts';
import { siteConfig } from './site.config.ts';
import { publishNow, settings } from './settings.ts';

export { siteConfig };
export const paths = createPaths(import.meta.env.BASE_URL);
export const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
/** The `dir` of every page's root: `rtl` on a site whose language is written right to left, else none. */
export const siteDirection = pageDirection(siteConfig.lang);
/** Arrows pointing back and onward along the site's pages (the other way on a right-to-left site). */
export const arrows = pageArrows(siteConfig.lang);
/** `lang` and `dir` for the pages' own English words where a right-to-left site needs them to read in order. */
export const interfaceText = interfaceTextAttributes(siteConfig.lang);
/** The browser's chrome around every page takes the page's own background, read once from the stylesheet. */
export const themeColor = themeColors(stylesheet, 'src/styles/global.css');

/** The instant this build publishes up to; NEWSDESK_NOW lets tests and previews pretend it is later. */
export const buildNow = publishNow();

/** A route's getStaticPaths entries this build renders: in a sharded build (`--shard`), only its part's pages. */
export function ownPaths<Entry extends { params: Record<string, string | number | undefined> }>(routePattern: string, entries: Entry[]): Entry[] {
  return shardPaths(routePattern, entries, settings.shard);
}

export type ArticleEntryData = CollectionEntry<'articles'>['data'];
export type Article = IndexedArticle<ArticleEntryData>;
export type Preview = PreviewArticle<ArticleEntryData>;

/** The lang (and dir) that mark an article's own text on this site's pages: none when it is in the site's language. */
export const languageOf = (article: Article) => languageAttributes(article.data.lang, siteConfig.lang);
/** `lang` and `dir` for an article's headline or dek on a line of its own (src/lib/content/language.ts). */
export const ownWordsOf = (article: Article) => ownWordsAttributes(article.data.lang, siteConfig.lang, `${article.data.title}\n${article.data.description}`);

let siteIndex: Promise<SiteIndex<ArticleEntryData>> | undefined;

/** The loader does not keep bodies (src/io/article-loader.ts); entry paths are relative to the project root, where builds run. */
function bodyOf(entry: CollectionEntry<'articles'>): string {
  return entry.body ?? (entry.filePath ? articleBody(readFileSync(resolve(entry.filePath), 'utf8')) : '');
}

let bodyRenderer: ReturnType<typeof createArticleBodyRenderer> | undefined;
/** Under `npm run build`, the bodies the search documents' step has rendered for the pages. */
const handedPageBody = settings.listingFile ? pageBodyReader(listingPageBodies(settings.listingFile)) : undefined;

/**
 * The body of an entry the loader stored as front matter only, as HTML for its page: the one the search documents'
 * step left under the article's `slug`, else rendered here; undefined for the entries Astro renders itself
 * (`render(entry)`): MDX, and Markdown with pictures.
 */
export async function renderedBodyOf(entry: CollectionEntry<'articles'>, slug: string): Promise<string | undefined> {
  if (entry.rendered || ('deferredRender' in entry && entry.deferredRender)) return undefined;
  const handed = handedPageBody?.(slug);
  if (handed !== undefined) return handed;
  bodyRenderer ??= createArticleBodyRenderer(absoluteUrl(settings.siteUrl, paths.root));
  return (await bodyRenderer)(bodyOf(entry), entry.filePath ? pathToFileURL(resolve(entry.filePath)) : undefined, entry.data.lang);
}

/** The sources registry (NEWSDESK_SOURCES_FILE, default content/sources.yaml); a registry with errors stops the build. */
function loadRegistry() {
  // settings.sourcesFile, passed in by astro.config.mjs: bundled, settings.ts no longer knows the project's folder.
  const path: string = import.meta.env.NEWSDESK_REGISTRY_PATH;
  const file = displayPath(path);
  const { sources, problems } = readSourcesFile(path, file);
  if (hasErrors(problems)) throw new ContentError(problems);
  return { sources, file };
}

/**
 * Built on first use and shared by every page of the build. In `npm run build` the content check has already read
 * every body and grouped the stories: its listing gives both; otherwise (`astro dev`, `astro build` alone) the index
 * reads each body from its file and groups the stories itself.
 */
export function getSiteIndex(): Promise<SiteIndex<ArticleEntryData>> {
  const requested = performance.now();
  const { listingFile } = settings;
  siteIndex ??= Promise.all([getCollection('articles'), listingFile ? waitForListing(listingFile) : undefined]).then(([entries, listing]) => {
    const started = performance.now();
    const index = buildSiteIndex(
      entries.map((entry) => {
        const filePath = entry.filePath ?? entry.id;
        // The listing has the published articles only: the index reads no other body.
        const body = listing ? listing.bodies.get(articleSlug(filePath, entry.data.slug)) : indexedBody(bodyOf(entry));
        return { id: entry.id, filePath, data: entry.data, ...(body && { body: body.body, wordCount: body.wordCount }) };
      }),
      { now: buildNow, relatedLimit: siteConfig.relatedLimit, storyWindowHours: siteConfig.storyWindowHours, registry: loadRegistry(), stories: listing?.stories, lineOf: createFieldLines() },
    );
    // `npm run bench` reports the collection load and the index (mostly related ranking) as phases of their own.
    recordSiteIndexTiming(settings.timingFile, started - requested, performance.now() - started);
    offerArticlePages(() => articlePagesOfIndex(index, import.meta.env.BASE_URL));
    // Under `npm run build` (a listing) the content check before Astro has printed these already, each once.
    if (!listing) for (const warning of index.warnings) console.warn(formatProblem(warning));
    return index;
  });
  return siteIndex;
}

let previews: Promise<Preview[]> | undefined;

/** `astro dev` only: the drafts and scheduled pieces, each shown at its own address to editors (src/lib/site/previews.ts). */
export function getPreviews(): Promise<Preview[]> {
  previews ??= Promise.all([getCollection('articles'), getSiteIndex()]).then(([entries, index]) =>
    previewArticles(
      entries.map((entry) => ({ id: entry.id, filePath: entry.filePath ?? entry.id, data: entry.data, entry })),
      index,
      buildNow,
      (source) => bodyOf(source.entry),
    ),
  );
  return previews;
}

let publishedBodies: Array<{ slug: string; data: ArticleEntryData; body: string }> | undefined;

/** A preview's "Explore more", ranked when its page is asked for: the first one reads every published article's body again. */
export async function getPreviewRelated(preview: Preview): Promise<Article[]> {
  const [entries, index] = await Promise.all([getCollection('articles'), getSiteIndex()]);
  const entryById = new Map(entries.map((entry) => [entry.id, entry]));
  const indexedBodyOf = (id: string) => indexedBody(bodyOf(entryById.get(id)!)).body;
  publishedBodies ??= index.articles.map((article) => ({ slug: article.slug, data: article.data, body: indexedBodyOf(article.id) }));
  return previewRelated({ slug: preview.slug, data: preview.data, body: indexedBodyOf(preview.id) }, publishedBodies, index, siteConfig.relatedLimit);
}

/** Section tags from the config that exist on the site, with their URLs. */
export async function getSections(): Promise<Array<{ name: string; href: string }>> {
  const { tags } = await getSiteIndex();
  return siteConfig.sections.flatMap((name) => {
    const tag = tags.byKey.get(facetKey(name));
    return tag ? [{ name: tag.name, href: paths.tag(tag.slug) }] : [];
  });
}

let cardSlugs: Promise<Set<string>> | undefined;

/** The articles with a social card of their own (src/lib/cards/newest-with-cards.ts), chosen once per build. */
export function getCardSlugs(): Promise<Set<string>> {
  cardSlugs ??= getSiteIndex().then(({ articles }) => newestWithCards(articles, siteConfig.cardArticles));
  return cardSlugs;
}

let topTags: Promise<Facet[]> | undefined;

/** The most used tags, for the listings' "Topics" rail; computed once per build. */
export function getTopTags(): Promise<Facet[]> {
  topTags ??= getSiteIndex().then(({ tags }) => mostUsed(tags, siteConfig.topicsInRail));
  return topTags;
}
