/**
 * `node src/cli/search-documents.ts <documents folder> [--articles <listing>]`: the search index's documents, made by
 * `src/cli/search-index.ts` in a process of their own, which ends before Pagefind starts, so that what reading and
 * rendering the archive held is not held beside Pagefind. Prints the plan (src/lib/search/search-plan.ts) as JSON.
 *
 * The published articles (from the archive listing the content check wrote, else the content folder) are grouped
 * into parts by publication period (src/lib/search/index-parts.ts). Each part's documents are rendered from the
 * listing's front matter and the bodies in the articles' files, one part at a time, newest first, and hashed; a part
 * the search cache already holds under that hash needs no more, the others' documents are written under the
 * documents folder for Pagefind. Parts older than the newest `searchFullTextArticles` articles hold each body's
 * opening only (src/lib/search/search-documents.ts). With NEWSDESK_SHARD, only this shard's parts. Given the listing,
 * the Markdown bodies are also left rendered for Astro's pages (src/io/page-bodies.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listingOf } from '../io/article-listing.ts';
import { displayPath } from '../io/display-path.ts';
import { listingPageBodies } from '../io/listing-files.ts';
import { pageBodyWriter } from '../io/page-bodies.ts';
import { readSourcesFile } from '../io/read-sources.ts';
import { pagefindVersion, SearchIndexError, writeDocuments, type IndexedDocument } from '../io/pagefind-index.ts';
import { hasPart } from '../io/search-part-cache.ts';
import { articleBody } from '../lib/content/front-matter.ts';
import { languageAttributes, ownWordsAttributes } from '../lib/content/language.ts';
import type { ListedArticle } from '../lib/content/article-listing.ts';
import { mayHavePictures } from '../lib/content/body-images.ts';
import { createArticleBodyRenderer, createMarkdownToHtml, MARKDOWN_FEATURES } from '../lib/output/markdown-processor.ts';
import { proseRewrites } from '../lib/output/markdown-safety.ts';
import { fullTextParts, searchParts, type PartArticle, type PartLimits, type SearchPart } from '../lib/search/index-parts.ts';
import { indexFilter, partFolder } from '../lib/search/part-layout.ts';
import { partHash } from '../lib/search/part-hash.ts';
import type { SearchPlan } from '../lib/search/search-plan.ts';
import { elementsOpening, markdownOpening, mdxSearchContent, OPENING_WORDS, searchDocumentHtml, type SearchDocument } from '../lib/search/search-documents.ts';
import { searchOutlet } from '../lib/search/search-choices.ts';
import { moreCoverageLine } from '../lib/stories/story-listing.ts';
import { searchLanguage } from '../lib/search/search-language.ts';
import { articleDate } from '../lib/content/written-dates.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { buildFacetIndex, facetName } from '../lib/site/facets.ts';
import { absoluteUrl, createPaths } from '../lib/site/paths.ts';
import { inShard } from '../lib/site/shards.ts';
import { buildSourceIndex } from '../lib/site/sources.ts';
import { siteConfig } from '../site.config.ts';
import { publishNow, searchIndexSizes, settings } from '../settings.ts';
import { readCommandLine, usageError } from './command-line.ts';
import { reportSearchFailure } from './search-failure.ts';

const USAGE = 'Usage: node src/cli/search-documents.ts <documents folder> [--articles <listing>]';
const args = readCommandLine(
  process.argv.slice(2),
  { allowPositionals: true, options: { articles: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } },
  USAGE,
);
if (typeof args === 'number') process.exit(args);
const { positionals, values } = args;
const [documentsRoot] = positionals;
if (!documentsRoot) process.exit(usageError('The documents folder is missing.', USAGE));

let now: Date;
const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
// Result URLs are relative to the site's root: the search page's base-url adds BASE_PATH, as for the pages' links.
const paths = createPaths('/');
// A story's link is shown by the result template itself, so it carries the base path.
const sitePaths = createPaths(settings.basePath);
// Bodies read as on their pages, their links from the site's root under BASE_PATH.
const site = absoluteUrl(settings.siteUrl, sitePaths.root);
const markdownToHtml = await createMarkdownToHtml(site);
/**
 * Under `npm run build` (a listing), each Markdown body Astro would render with its page is rendered here as the page
 * renders it, and left for Astro (src/io/page-bodies.ts). Without a code block it reads exactly as the search
 * document's body, which the index then takes as it is.
 */
const pageBodies = values.articles === undefined ? undefined : { render: await createArticleBodyRenderer(site), writer: pageBodyWriter(listingPageBodies(values.articles)) };

/**
 * What is kept of each published article until its part's documents are made: the front matter the content check
 * parsed and validated, and where its file is, whose body is read again then.
 */
interface PlannedArticle extends PartArticle, Pick<ListedArticle, 'slug' | 'absolutePath' | 'data'> {}

/** What the documents take from the whole archive: each article's story, each tag's and writer's name and each article's outlet as the pages show them. */
interface ArchiveFacts {
  storyOf: Map<string, NonNullable<SearchDocument['story']>>;
  tagName: (tag: string) => string;
  authorName: (author: string) => string;
  /** The registry source each article is listed under, by slug (src/lib/site/sources.ts). */
  listedUnder: ReadonlyMap<string, { name: string }>;
}

/** The published articles, each one's story (grouped as the site index groups them), and the tags' and authors' site-wide spelling. */
function planArticles(): { articles: PlannedArticle[] } & ArchiveFacts {
  const { articles, stories } = listingOf(values.articles, settings.contentDir, now, siteConfig.storyWindowHours);
  const tags = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.tags })), 'tag');
  const authors = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.authors })), 'author');
  // The content check has passed on the same registry, so its problems are already reported.
  const { sourceOf: listedUnder } = buildSourceIndex(readSourcesFile(settings.sourcesFile, displayPath(settings.sourcesFile)).sources, articles);
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  // With the registry source it is listed under, so that its outlet is named as its page names it.
  const credited = (slug: string) => ({ ...bySlug.get(slug)!, sourcePage: listedUnder.get(slug) });
  const storyOf: ArchiveFacts['storyOf'] = new Map();
  for (const story of stories) {
    const lead = bySlug.get(story.lead)!;
    const url = sitePaths.story(story.slug);
    const others = story.articles.filter((slug) => slug !== story.lead);
    // The lead's result says what else covers it, as its teaser in the listings does.
    storyOf.set(story.lead, { title: lead.data.title, url, more: moreCoverageLine(others.map(credited), siteConfig.name) });
    // The others show the story's headline, in its lead's language.
    const headline = { title: lead.data.title, url, ...languageAttributes(lead.data.lang, siteConfig.lang) };
    for (const slug of others) storyOf.set(slug, headline);
  }
  return { articles: articles.map(({ slug, absolutePath, data, wordCount }) => ({ slug, absolutePath, data, publishedAt: data.publishedAt, words: wordCount })), storyOf, tagName: (tag: string) => facetName(tags, tag), authorName: (author: string) => facetName(authors, author), listedUnder };
}

/**
 * One HTML document per article of the part, oldest first, each body read again from its file; with `opening`, only
 * each body's opening. The bodies rendered for their pages are put in `pageBodiesBySlug`.
 */
async function partDocuments(part: SearchPart<PlannedArticle>, { storyOf, tagName, authorName, listedUnder }: ArchiveFacts, opening: boolean, pageBodiesBySlug: Map<string, string>): Promise<IndexedDocument[]> {
  const documents: IndexedDocument[] = [];
  for (const article of part.articles) {
    const file = displayPath(article.absolutePath);
    let body: string | ReturnType<typeof mdxSearchContent>;
    try {
      // Cut from the file as the article's page cuts it (src/site.ts): its front matter is the listing's.
      const text = articleBody(readFileSync(article.absolutePath, 'utf8'));
      if (article.absolutePath.endsWith('.mdx')) {
        const elements = mdxSearchContent(text, MARKDOWN_FEATURES, proseRewrites(text, article.data.lang ?? siteConfig.lang));
        body = opening ? elementsOpening(elements, OPENING_WORDS) : elements;
      } else {
        const { lang } = article.data;
        // A body with pictures Astro renders as it loads the content, resolving them.
        const page = pageBodies && !mayHavePictures(text) ? await pageBodies.render(text, pathToFileURL(article.absolutePath), lang) : undefined;
        if (page !== undefined) pageBodiesBySlug.set(article.slug, page);
        // Only code blocks are coloured on the page; the index needs their words alone.
        body = page !== undefined && !opening && !page.includes('<pre') ? page : await markdownToHtml(opening ? markdownOpening(text, OPENING_WORDS) : text, lang);
      }
    } catch (error) {
      // Astro reports the same file with more detail; this only keeps a stack trace out of the way.
      throw new SearchIndexError(`reading ${file}`, [(error as Error).message]);
    }
    const { title, description, publishedAt, authors, tags, lang, source } = article.data;
    const language = searchLanguage(lang, siteConfig.lang);
    const textLanguage = languageAttributes(lang, siteConfig.lang);
    // As its teasers run: `rtl` too for a Hebrew headline opening with "Google" on a Hebrew site.
    const { dir } = ownWordsAttributes(lang, siteConfig.lang, `${title}\n${description}`);
    const outlet = searchOutlet(article, listedUnder, siteConfig.name);
    const content = searchDocumentHtml({
      lang: language,
      queryLang: siteConfig.lang,
      textLang: textLanguage.lang,
      textDir: dir === 'auto' ? undefined : dir,
      title,
      description,
      authors: authors.map(authorName),
      tags: tags.map(tagName),
      date: dates.date(articleDate(article.data, 'publishedAt')),
      published: publishedAt.toISOString(),
      index: indexFilter(part.key, language),
      outlet,
      creditedOutlet: source && outlet,
      body,
      story: storyOf.get(article.slug),
    });
    documents.push({ url: paths.article(article.slug), content });
  }
  return documents;
}

/** The settings the parts are cut by, read before anything else. */
function readSettings(): { partLimits: PartLimits; fullTextArticles: number } {
  try {
    now = publishNow();
    return searchIndexSizes();
  } catch (error) {
    throw new SearchIndexError('reading the settings', [(error as Error).message]);
  }
}

// A failure ends the process by its event loop, with code 1 (search-failure.ts).
try {
  const { partLimits, fullTextArticles } = readSettings();
  const { articles, ...archive } = planArticles();
  const parts = searchParts(articles, partLimits);
  const newest = parts.at(-1);
  const fullText = fullTextParts(parts, fullTextArticles);
  // An archive with nothing published still gets an index, empty, so the search page loads and finds nothing.
  const toWrite = parts.length > 0 ? parts.filter((part) => inShard(`search/${part.key}`, settings.shard)) : [{ key: 'empty', articles: [] }];
  const plan: SearchPlan = { parts: [], archiveKeys: parts.map((part) => part.key) };
  // Newest part first, as Astro renders the article pages newest first: the bodies it needs first are left first.
  for (const part of toWrite.toReversed()) {
    const pageBodiesBySlug = new Map<string, string>();
    const documents = await partDocuments(part, archive, !fullText.has(part), pageBodiesBySlug);
    pageBodies?.writer.leave(part.key, pageBodiesBySlug);
    const hash = partHash(documents, pagefindVersion);
    const folder = partFolder(part.key, part === newest || parts.length === 0);
    let documentsFolder: string | null = null;
    if (documents.length > 0 && !hasPart(settings.searchCacheDir, part.key, hash)) {
      documentsFolder = join(documentsRoot, part.key);
      writeDocuments(documents, documentsFolder);
    }
    plan.parts.unshift({ key: part.key, hash, folder, articles: documents.length, documents: documentsFolder });
    // What the part's documents took is collected before the next part, so the step holds about what it keeps (the
    // archive's facts), not the garbage of every part; search-index.ts starts it with --expose-gc.
    (globalThis as { gc?: () => void }).gc?.();
  }
  pageBodies?.writer.done();
  process.stdout.write(JSON.stringify(plan));
} catch (error) {
  if (error instanceof SearchIndexError) reportSearchFailure(error.what, error.errors);
  else reportSearchFailure(`writing the search documents into ${displayPath(documentsRoot)}`, [(error as Error).message]);
}
