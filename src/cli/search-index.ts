/**
 * `node src/cli/search-index.ts <output folder> [--pagefind-after-stdin | --astro-done-on-stdin] [--articles <listing>]`:
 * writes the Pagefind index of the published articles, made from their sources. `npm run build` runs it beside
 * Astro, on the core Astro leaves idle, with the archive listing its content check wrote (else the content folder
 * is listed here), and moves the folder into the site as pagefind/ once Astro has finished.
 *
 * The index is written in parts by publication period (src/lib/search/index-parts.ts), each by a fresh Pagefind,
 * so memory is bounded by the largest part, not the archive; a part whose documents did not change since the last
 * build is linked from the search cache instead. Parts older than the newest `searchFullTextArticles` articles
 * hold each body's opening only (src/lib/search/search-documents.ts). Only each article's file, slug and date are
 * kept; a part's files are read and rendered again when its turn comes. With NEWSDESK_SHARD, only this shard's
 * parts are written, with the scripts every shard writes alike.
 *
 * With --pagefind-after-stdin (the build's low-memory modes) Pagefind, which holds most of the memory, only starts
 * at the first line on standard input or when it closes: the build closes it when Astro is done and, in its
 * `after-cards` mode, writes a line when the social cards are done. Parts found in the cache are placed at once.
 */
import { once } from 'node:events';
import { join, relative, resolve } from 'node:path';
import pLimit from 'p-limit';
import { loadArticle } from '../io/article-files.ts';
import { listingOf } from '../io/article-listing.ts';
import { recordTiming } from '../io/build-timing.ts';
import { displayPath } from '../io/display-path.ts';
import { readSourcesFile } from '../io/read-sources.ts';
import { pagefindVersion, SearchIndexError, writeSearchIndex, type IndexedDocument } from '../io/pagefind-index.ts';
import { placePart, placeScripts, pruneCache } from '../io/search-part-cache.ts';
import { createMarkdownToHtml, MARKDOWN_FEATURES } from '../lib/output/markdown-processor.ts';
import { fullTextParts, searchParts, type PartArticle, type SearchPart } from '../lib/search/index-parts.ts';
import { partFolder } from '../lib/search/part-layout.ts';
import { partHash } from '../lib/search/part-hash.ts';
import { elementsOpening, markdownOpening, mdxSearchContent, OPENING_WORDS, searchableArticle, searchDocumentHtml } from '../lib/search/search-documents.ts';
import { searchOutlet } from '../lib/search/search-choices.ts';
import { searchLanguage } from '../lib/search/search-language.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { buildFacetIndex, facetKey } from '../lib/site/facets.ts';
import { absoluteUrl, createPaths } from '../lib/site/paths.ts';
import { inShard } from '../lib/site/shards.ts';
import { buildSourceIndex } from '../lib/site/sources.ts';
import { siteConfig } from '../site.config.ts';
import { publishNow, searchIndexSizes, settings } from '../settings.ts';
import { readCommandLine, usageError } from './command-line.ts';

const USAGE = 'Usage: node src/cli/search-index.ts <output folder> [--pagefind-after-stdin | --astro-done-on-stdin] [--articles <listing>]';
const args = readCommandLine(
  process.argv.slice(2),
  {
    allowPositionals: true,
    options: {
      'pagefind-after-stdin': { type: 'boolean', default: false },
      'astro-done-on-stdin': { type: 'boolean', default: false },
      articles: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
if (typeof args === 'number') process.exit(args);
const { positionals, values } = args;
const [outputPath] = positionals;
if (!outputPath) process.exit(usageError('The output folder is missing.', USAGE));
const outDir = resolve(outputPath);
// The build closes standard input once Astro is done; listened for from the start, so that an early end is not missed.
const signals = values['pagefind-after-stdin'] || values['astro-done-on-stdin'] ? process.stdin.resume() : undefined;
const astroDone = signals ? once(signals, 'end') : Promise.resolve();
const pagefindMayStart = signals && values['pagefind-after-stdin'] ? Promise.race([once(signals, 'data'), astroDone]) : Promise.resolve();
/**
 * Pagefind indexes on one thread. While Astro renders, one part at a time shares the core Astro leaves; once Astro
 * is done, two parts at once (each its own Pagefind) use both cores.
 */
const partsAtOnce = pLimit(1);
void astroDone.then(() => (partsAtOnce.concurrency = 2));

function fail(what: string, errors: string[]): never {
  console.error(`Search indexing failed while ${what}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  process.exit(1);
}

const started = performance.now();
let now: Date;
let partSize: number;
let fullTextArticles: number;
try {
  now = publishNow();
  ({ partArticles: partSize, fullTextArticles } = searchIndexSizes());
} catch (error) {
  fail('reading the settings', [(error as Error).message]);
}
const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
// Result URLs are relative to the site's root: the search page's base-url adds BASE_PATH, as for the pages' links.
const paths = createPaths('/');
// A story's link is shown by the result template itself, so it carries the base path.
const sitePaths = createPaths(settings.basePath);
// Bodies read as on their pages, their links from the site's root under BASE_PATH.
const markdownToHtml = await createMarkdownToHtml(absoluteUrl(settings.siteUrl, sitePaths.root));

/** What is kept of each published article until its part is indexed: its file is read again then. */
interface PlannedArticle extends PartArticle {
  absolutePath: string;
}

/** What the documents take from the whole archive: each article's story, each tag's name and each article's outlet as the pages show them. */
interface ArchiveFacts {
  storyOf: Map<string, { title: string; url: string }>;
  tagName: (tag: string) => string;
  /** The registry source each article is listed under, by slug (src/lib/site/sources.ts). */
  listedUnder: ReadonlyMap<string, { name: string }>;
}

/** The published articles, each one's story (grouped as the site index groups them), and the tags' site-wide spelling. */
function planArticles(): { articles: PlannedArticle[] } & ArchiveFacts {
  const { articles, stories } = listingOf(values.articles, settings.contentDir, now, siteConfig.storyWindowHours);
  const tags = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.tags })), 'tag');
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const storyOf = new Map<string, { title: string; url: string }>();
  for (const story of stories) {
    for (const slug of story.articles) storyOf.set(slug, { title: bySlug.get(story.lead)!.data.title, url: sitePaths.story(story.slug) });
  }
  const tagName = (tag: string) => tags.byKey.get(facetKey(tag))?.name ?? tag;
  // The content check has passed on the same registry, so its problems are already reported.
  const { sourceOf: listedUnder } = buildSourceIndex(readSourcesFile(settings.sourcesFile, displayPath(settings.sourcesFile)).sources, articles);
  return { articles: articles.map(({ slug, absolutePath, data }) => ({ slug, absolutePath, publishedAt: data.publishedAt })), storyOf, tagName, listedUnder };
}

/** One HTML document per article of the part, oldest first, each read again from its file; with `opening`, only each body's opening. */
async function partDocuments(part: SearchPart<PlannedArticle>, { storyOf, tagName, listedUnder }: ArchiveFacts, opening: boolean): Promise<IndexedDocument[]> {
  const documents: IndexedDocument[] = [];
  for (const planned of part.articles) {
    const file = displayPath(planned.absolutePath);
    const article = searchableArticle(loadArticle(planned.absolutePath, relative(settings.contentDir, planned.absolutePath)).result, now);
    if (!article || article.slug !== planned.slug || article.data.publishedAt.getTime() !== planned.publishedAt.getTime()) fail(`reading ${file}`, ['the file changed while the build was running; build again']);
    let body: string | ReturnType<typeof mdxSearchContent>;
    try {
      if (article.mdx) {
        const elements = mdxSearchContent(article.body, MARKDOWN_FEATURES);
        body = opening ? elementsOpening(elements, OPENING_WORDS) : elements;
      } else {
        body = await markdownToHtml(opening ? markdownOpening(article.body, OPENING_WORDS) : article.body);
      }
    } catch (error) {
      // Astro reports the same file with more detail; this only keeps a stack trace out of the way.
      fail(`reading ${file}`, [(error as Error).message]);
    }
    const { title, description, publishedAt, authors, tags, lang } = article.data;
    const content = searchDocumentHtml({
      lang: searchLanguage(lang, siteConfig.lang),
      title,
      description,
      authors,
      tags: tags.map(tagName),
      date: dates.date(publishedAt),
      outlet: searchOutlet(article, listedUnder, siteConfig.name),
      body,
      story: storyOf.get(article.slug),
    });
    documents.push({ url: paths.article(article.slug), content });
  }
  return documents;
}

/** Pagefind writing these documents into a folder, once the build allows Pagefind to start. */
const pagefindWriting = (documents: IndexedDocument[]) => async (folder: string) => {
  await pagefindMayStart;
  await writeSearchIndex(documents, folder);
};

try {
  const { articles, ...archive } = planArticles();
  const parts = searchParts(articles, partSize);
  const newest = parts.at(-1);
  const fullText = fullTextParts(parts, fullTextArticles);
  // An archive with nothing published still gets an index, empty, so the search page loads and finds nothing.
  const toWrite = parts.length > 0 ? parts.filter((part) => inShard(`search/${part.key}`, settings.shard)) : [{ key: 'empty', articles: [] }];
  const { searchCacheDir } = settings;
  const placed = new Map<string, string>();
  let indexed = 0;
  let articlesWritten = 0;
  await Promise.all(
    toWrite.map((part) =>
      partsAtOnce(async () => {
        const documents = await partDocuments(part, archive, !fullText.has(part));
        const hash = partHash(documents, pagefindVersion);
        const folder = join(outDir, partFolder(part.key, part === newest || parts.length === 0));
        if ((await placePart(searchCacheDir, part.key, hash, folder, pagefindWriting(documents))) === 'indexed') indexed++;
        placed.set(part.key, hash);
        articlesWritten += documents.length;
      }),
    ),
  );
  // Pagefind's scripts and WebAssembly for the site's language, from an index of one page in that language.
  const language = { url: '/', content: `<html lang="${siteConfig.lang}"><body><p>${siteConfig.lang}</p></body></html>` };
  const scripts = partHash([language], pagefindVersion);
  await placeScripts(searchCacheDir, scripts, outDir, pagefindWriting([language]));
  pruneCache(searchCacheDir, { keys: new Set([...parts, ...toWrite].map((part) => part.key)), placed, scripts });
  // The build closes standard input once Astro is done, and expects the step to be there to see it.
  await astroDone;

  const searchMs = performance.now() - started;
  const shard = settings.shard ? ` (shard ${settings.shard.index}/${settings.shard.count}: ${toWrite.length} of ${parts.length} parts)` : '';
  console.log(
    `Search index: ${articlesWritten} articles in ${toWrite.length} part${toWrite.length === 1 ? '' : 's'}${shard}, ` +
      `${indexed} indexed and ${toWrite.length - indexed} reused, in ${Math.round(searchMs)} ms`,
  );
  recordTiming(settings.timingFile, 'search', searchMs);
} catch (error) {
  if (error instanceof SearchIndexError) fail(error.what, error.errors);
  fail(`writing the search index into ${displayPath(outDir)} (cache ${displayPath(settings.searchCacheDir)})`, [(error as Error).message]);
}
