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
import * as pagefind from 'pagefind';
import { listArticleFiles, readArticleSource } from '../lib/content/content-files.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { createMarkdownToHtml, MARKDOWN_FEATURES } from '../lib/output/markdown-processor.ts';
import { createPaths } from '../lib/site/paths.ts';
import { publishInstant } from '../lib/content/publish.ts';
import { mdxSearchContent, searchableArticle, searchDocumentHtml, type SearchableArticle } from '../lib/search/search-documents.ts';
import { findStories } from '../lib/stories/find-stories.ts';
import { siteConfig } from '../site.config.ts';

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
const contentDir = resolve(process.env.NEWSDESK_CONTENT_DIR ?? 'content/articles');
let now: Date;
try {
  now = publishInstant(process.env.NEWSDESK_NOW);
} catch (error) {
  fail('reading NEWSDESK_NOW', [(error as Error).message]);
}
const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
const markdownToHtml = await createMarkdownToHtml(process.env.SITE_URL || 'http://localhost:4321');
// Result URLs are relative to the site's root: the search page's base-url adds BASE_PATH, as for the pages' links.
const paths = createPaths('/');
// A story's link is shown by the result template itself, so it carries the base path.
const sitePaths = createPaths(process.env.BASE_PATH || '/');

interface IndexedDocument {
  url: string;
  content: string;
}

/** The published articles in file order, and each one's story (grouped as the site index groups them). */
function publishedArticles(): { articles: Array<{ path: string; article: SearchableArticle }>; storyOf: Map<string, { title: string; url: string }> } {
  const articles = listArticleFiles(contentDir).flatMap((path) => {
    const article = searchableArticle(readArticleSource(path, relative(contentDir, path)), now);
    return article ? [{ path, article }] : [];
  });
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
  for (const { path, article } of articles) {
    let body: string | ReturnType<typeof mdxSearchContent>;
    try {
      body = article.mdx ? mdxSearchContent(article.body, MARKDOWN_FEATURES) : await markdownToHtml(article.body);
    } catch (error) {
      // Astro reports the same file with more detail; this only keeps a stack trace out of the way.
      fail(`reading ${relative(process.cwd(), path)}`, [(error as Error).message]);
    }
    const { title, description, publishedAt } = article.data;
    const story = storyOf.get(article.slug);
    yield { url: paths.article(article.slug), content: searchDocumentHtml({ lang: siteConfig.lang, title, description, date: dates.date(publishedAt), body, story }) };
  }
}

/** Feeds Pagefind the documents and writes its index; returns how many articles it holds. */
async function writeIndex(documents: AsyncIterable<IndexedDocument> | Iterable<IndexedDocument>): Promise<number> {
  const { index, errors } = await pagefind.createIndex();
  if (!index) fail('starting Pagefind', errors);
  // A few pages in flight at a time: Pagefind parses one while the next renders, and memory stays flat.
  const inFlight = new Set<Promise<void>>();
  const addErrors: string[] = [];
  let count = 0;
  for await (const document of documents) {
    count++;
    const adding = index.addHTMLFile(document).then(({ errors }) => {
      addErrors.push(...errors);
      inFlight.delete(adding);
    });
    inFlight.add(adding);
    if (inFlight.size >= 16) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (addErrors.length > 0) fail('reading articles', addErrors);
  const written = await index.writeFiles({ outputPath: resolve(outputPath) });
  if (written.errors.length > 0) fail('writing the index', written.errors);
  await pagefind.close();
  return count;
}

let documents: AsyncIterable<IndexedDocument> | IndexedDocument[] = searchDocuments();
if (values['pagefind-after-stdin']) {
  documents = await Array.fromAsync(documents);
  process.stdin.resume();
  await once(process.stdin, 'end');
}
let count: number;
try {
  count = await writeIndex(documents);
} catch (error) {
  // Pagefind runs as its own binary (the @pagefind/<platform> package that npm ci installs); say so, without a stack.
  fail('running Pagefind', [`${(error as Error).message}; is its binary installed for this platform (npm ci)?`]);
}
// `npm run bench` reads this line for the search phase, which overlaps Astro's.
console.log(`Search index: ${count} articles in ${Math.round(performance.now() - started)} ms`);
