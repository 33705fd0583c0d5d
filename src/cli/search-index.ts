/**
 * `node src/cli/search-index.ts <output folder> [--pagefind-after-stdin]`: writes the Pagefind index of the
 * published articles, made from their sources. `npm run build` runs it beside Astro, on the core Astro leaves
 * idle, and moves the folder into the site as pagefind/ once Astro has finished.
 *
 * With --pagefind-after-stdin (the build's low-memory mode) the documents are prepared at once, but Pagefind,
 * which holds most of the memory, only starts when standard input closes: the build closes it when Astro is done.
 */
import { once } from 'node:events';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadArticles } from '../io/article-files.ts';
import { displayPath } from '../io/display-path.ts';
import { SearchIndexError, writeSearchIndex, type IndexedDocument } from '../io/pagefind-index.ts';
import { recordTiming } from '../io/build-timing.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { createMarkdownToHtml, MARKDOWN_FEATURES } from '../lib/output/markdown-processor.ts';
import { createPaths } from '../lib/site/paths.ts';
import { mdxSearchContent, searchableArticle, searchDocumentHtml, type SearchableArticle } from '../lib/search/search-documents.ts';
import { findStories } from '../lib/stories/find-stories.ts';
import { siteConfig } from '../site.config.ts';
import { publishNow, settings } from '../settings.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'pagefind-after-stdin': { type: 'boolean', default: false } } });
const [outputPath] = positionals;
if (!outputPath) {
  console.error('usage: node src/cli/search-index.ts <output folder> [--pagefind-after-stdin]');
  process.exit(2);
}

function fail(what: string, errors: string[]): never {
  console.error(`Search indexing failed while ${what}:\n${errors.map((error) => `  ${error}`).join('\n')}`);
  process.exit(1);
}

const started = performance.now();
let now: Date;
try {
  now = publishNow();
} catch (error) {
  fail('reading NEWSDESK_NOW', [(error as Error).message]);
}
const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
const markdownToHtml = await createMarkdownToHtml(settings.siteUrl);
// Result URLs are relative to the site's root: the search page's base-url adds BASE_PATH, as for the pages' links.
const paths = createPaths('/');
// A story's link is shown by the result template itself, so it carries the base path.
const sitePaths = createPaths(settings.basePath);

/** The published articles in file order, and each one's story (grouped as the site index groups them). */
function publishedArticles(): { articles: Array<{ absolutePath: string; article: SearchableArticle }>; storyOf: Map<string, { title: string; url: string }> } {
  const articles: Array<{ absolutePath: string; article: SearchableArticle }> = [];
  for (const { absolutePath, result } of loadArticles(settings.contentDir, (path) => relative(settings.contentDir, path))) {
    const article = searchableArticle(result, now);
    if (article) articles.push({ absolutePath, article });
  }
  const bySlug = new Map(articles.map(({ article }) => [article.slug, article]));
  const stories = findStories(articles.map(({ article }) => ({ ...article.data, slug: article.slug, body: article.body })), { windowHours: siteConfig.storyWindowHours });
  const storyOf = new Map<string, { title: string; url: string }>();
  for (const story of stories) {
    for (const slug of story.articles) storyOf.set(slug, { title: bySlug.get(story.lead)!.data.title, url: sitePaths.story(story.slug) });
  }
  return { articles, storyOf };
}

/** One HTML document per published article, in file order. */
async function* searchDocuments(): AsyncGenerator<IndexedDocument> {
  const { articles, storyOf } = publishedArticles();
  for (const { absolutePath, article } of articles) {
    let body: string | ReturnType<typeof mdxSearchContent>;
    try {
      body = article.mdx ? mdxSearchContent(article.body, MARKDOWN_FEATURES) : await markdownToHtml(article.body);
    } catch (error) {
      // Astro reports the same file with more detail; this only keeps a stack trace out of the way.
      fail(`reading ${displayPath(absolutePath)}`, [(error as Error).message]);
    }
    const { title, description, publishedAt } = article.data;
    const story = storyOf.get(article.slug);
    yield { url: paths.article(article.slug), content: searchDocumentHtml({ lang: siteConfig.lang, title, description, date: dates.date(publishedAt), body, story }) };
  }
}

let documents: AsyncIterable<IndexedDocument> | IndexedDocument[] = searchDocuments();
if (values['pagefind-after-stdin']) {
  documents = await Array.fromAsync(documents);
  process.stdin.resume();
  await once(process.stdin, 'end');
}
let count: number;
try {
  count = await writeSearchIndex(documents, resolve(outputPath));
} catch (error) {
  if (error instanceof SearchIndexError) fail(error.what, error.errors);
  // Pagefind runs as its own binary (the @pagefind/<platform> package that npm ci installs); say so, without a stack.
  fail('running Pagefind', [`${(error as Error).message}; is its binary installed for this platform (npm ci)?`]);
}
const searchMs = performance.now() - started;
console.log(`Search index: ${count} articles in ${Math.round(searchMs)} ms`);
recordTiming(settings.timingFile, 'search', searchMs);
