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
import { recordTiming } from '../io/build-timing.ts';
import { listArticleFiles, readArticleSource } from '../lib/content/content-files.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { createMarkdownToHtml, MARKDOWN_FEATURES } from '../lib/output/markdown-processor.ts';
import { createPaths } from '../lib/site/paths.ts';
import { publishInstant } from '../lib/content/publish.ts';
import { mdxSearchContent, searchableArticle, searchDocumentHtml } from '../lib/search/search-documents.ts';
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

interface IndexedDocument {
  url: string;
  content: string;
}

/** One HTML document per published article, in file order. */
async function* searchDocuments(): AsyncGenerator<IndexedDocument> {
  for (const path of listArticleFiles(contentDir)) {
    const article = searchableArticle(readArticleSource(path, relative(contentDir, path)), now);
    if (!article) continue;
    let body: string | ReturnType<typeof mdxSearchContent>;
    try {
      body = article.mdx ? mdxSearchContent(article.body, MARKDOWN_FEATURES) : await markdownToHtml(article.body);
    } catch (error) {
      // Astro reports the same file with more detail; this only keeps a stack trace out of the way.
      fail(`reading ${relative(process.cwd(), path)}`, [(error as Error).message]);
    }
    const { title, description, publishedAt } = article.data;
    yield { url: paths.article(article.slug), content: searchDocumentHtml({ lang: siteConfig.lang, title, description, date: dates.date(publishedAt), body }) };
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
const searchMs = performance.now() - started;
console.log(`Search index: ${count} articles in ${Math.round(searchMs)} ms`);
recordTiming(process.env.NEWSDESK_TIMING, 'search', searchMs);
