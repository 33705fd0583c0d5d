/**
 * `npm run import -- <feed file or URL> [options]`: turns a publication's RSS, Atom or JSON feed into draft
 * articles under <content>/imported/, skipping coverage the site already has.
 * Exit code 1 when the feed itself cannot be fetched or read (nothing is written then), 2 on misuse.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkArticles } from '../lib/checks/check-content.ts';
import { listArticleFiles, readArticleSource, type ArticleSource } from '../lib/content/content-files.ts';
import { toExistingArticles } from '../lib/authoring/import/existing-articles.ts';
import { DEFAULT_FETCH_LIMITS, fetchFeed, FetchError, readFeedFile, type FeedDocument } from '../io/fetch-feed.ts';
import { FeedError, parseFeedText, type FeedFormat, type ParsedFeed } from '../lib/authoring/import/parse-feed.ts';
import { planImport, type ImportDecision } from '../lib/authoring/import/plan-import.ts';
import { parseTagList } from '../lib/authoring/import/tags.ts';
import { writeNewFile } from '../io/write-file.ts';

const USAGE = `Usage: npm run import -- <feed file or http(s) URL> [options]

Writes one draft per new feed item to <content folder>/imported/<slug>.md.
  --source-name "…"   the publisher's name (default: the feed's title)
  --tags a,b          tags added to every draft (feed categories are kept too)
  --limit N           only the first N items of the feed
  --dry-run           show what would be imported; write nothing
  --allow-similar     import items even when an article from the same outlet says nearly the same
  --content-dir DIR   the content folder (default: NEWSDESK_CONTENT_DIR, else content/articles)
  --timeout SECONDS   give up on a URL after this long (default ${DEFAULT_FETCH_LIMITS.timeoutMs / 1000})`;

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', rdf: 'RSS 1.0 (RDF)', atom: 'Atom', json: 'JSON Feed' };

function usageError(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'source-name': { type: 'string' },
        tags: { type: 'string' },
        limit: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'allow-similar': { type: 'boolean', default: false },
        'content-dir': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) return usageError(positionals.length ? 'Give exactly one feed.' : 'Which feed? Give a file or an http(s) URL.');
  const [input] = positionals as [string];
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) return usageError(`--limit must be a whole number above 0, not "${values.limit}".`);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) return usageError(`--timeout must be a number of seconds above 0, not "${values.timeout}".`);

  const cwd = process.cwd();
  const contentDir = resolve(cwd, values['content-dir'] ?? process.env.NEWSDESK_CONTENT_DIR ?? 'content/articles');
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) return usageError(`The content folder ${contentDir} does not exist.`);
  const importDir = resolve(contentDir, 'imported');
  const display = (path: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
  };

  let document: FeedDocument | undefined;
  let feed: ParsedFeed;
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
  try {
    document = isUrl ? await fetchFeed(input, { timeoutMs: timeout === undefined ? undefined : timeout * 1000 }) : await readFeedFile(resolve(cwd, input));
    feed = parseFeedText(document.text, { baseUrl: document.url });
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof FeedError)) throw error;
    const served = error instanceof FeedError && document?.contentType ? ` (served as ${document.contentType})` : '';
    console.error(`Import failed: ${input}: ${error.message}${served}.\nNothing was written.`);
    return 1;
  }

  const existingSources = listArticleFiles(contentDir).map((file) => readArticleSource(file, display(file)));
  const existing = toExistingArticles(existingSources);
  // Any file already in the import folder keeps its name, whatever slug its front matter claims.
  const takenNames = existsSync(importDir) ? readdirSync(importDir).map((name) => name.replace(/\.[^.]*$/, '').toLowerCase()) : [];
  const now = new Date();
  const decisions = planImport(feed, existing, {
    sourceName: values['source-name'],
    extraTags: parseTagList(values.tags),
    limit,
    allowSimilar: values['allow-similar'],
    folder: display(importDir),
    now,
  }, takenNames);

  gateThroughChecker(decisions, existingSources, cwd, now);

  let writeFailed = false;
  if (!values['dry-run']) {
    for (const [position, decision] of decisions.entries()) {
      if (decision.kind !== 'import') continue;
      try {
        await writeNewFile(resolve(cwd, decision.file), decision.contents);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') writeFailed = true;
        decisions[position] = { kind: 'rejected', title: decision.title, reason: code === 'EEXIST' ? `${decision.file} appeared while importing; it was left alone` : `could not write ${decision.file}: ${(error as Error).message}` };
      }
    }
  }

  printSummary(decisions, feed, document.url ?? display(resolve(cwd, input)), values['dry-run']);
  return writeFailed ? 1 : 0;
}

/**
 * The same checker editors run, over the content folder plus the new drafts: a draft it would flag with an
 * error is rejected rather than written (the importer's own validation should make this never happen).
 */
function gateThroughChecker(decisions: ImportDecision[], existingSources: ArticleSource[], cwd: string, now: Date): void {
  const drafts = decisions.flatMap((decision) => (decision.kind === 'import' ? [decision] : []));
  if (!drafts.length) return;
  const encoder = new TextEncoder();
  const draftSources = drafts.map((draft) => ({ file: draft.file, absolutePath: resolve(cwd, draft.file), bytes: encoder.encode(draft.contents) }));
  const { problems } = checkArticles([...existingSources, ...draftSources], { now, fileExists: existsSync, only: new Set(drafts.map((draft) => draft.file)), nearDuplicates: false });
  decisions.forEach((decision, position) => {
    if (decision.kind !== 'import') return;
    const errors = problems.filter((problem) => problem.file === decision.file && problem.severity === 'error');
    if (errors.length) {
      decisions[position] = { kind: 'rejected', title: decision.title, reason: `the content checker would reject it: ${errors.map((problem) => problem.message).join('; ')}` };
    }
  });
}

function printSummary(decisions: readonly ImportDecision[], feed: ParsedFeed, from: string, dryRun: boolean): void {
  const quote = (title: string) => `“${title}”`;
  const imported = decisions.filter((decision) => decision.kind === 'import');
  const duplicates = decisions.filter((decision) => decision.kind === 'duplicate' || decision.kind === 'similar');
  const rejected = decisions.filter((decision) => decision.kind === 'rejected');
  const lines: string[] = [`${feed.title ? quote(feed.title) : 'Untitled feed'} (${FORMAT_NAMES[feed.format]}, ${plural(feed.entries.length, 'item')}) from ${from}`];
  if (imported.length) {
    lines.push('', dryRun ? `Would import ${plural(imported.length, 'draft')} (dry run: nothing written):` : `Imported ${plural(imported.length, 'draft')}:`);
    for (const decision of imported) lines.push(`  ${decision.file}  ${quote(decision.title)}`);
  }
  if (duplicates.length) {
    lines.push('', `Skipped ${plural(duplicates.length, 'duplicate')}:`);
    for (const decision of duplicates) {
      if (decision.kind === 'duplicate') {
        lines.push(`  ${quote(decision.title)}: already have it as ${decision.match.slug} (${decision.match.file}), same ${decision.by === 'link' ? 'link' : 'GUID'}`);
      } else if (decision.kind === 'similar') {
        lines.push(`  ${quote(decision.title)}: near-duplicate of ${decision.match.slug} (${decision.match.file}), ${Math.floor(decision.similarity * 100)}% similar; --allow-similar imports it anyway`);
      }
    }
  }
  if (rejected.length) {
    lines.push('', `Rejected ${plural(rejected.length, 'item')}:`);
    for (const decision of rejected) if (decision.kind === 'rejected') lines.push(`  ${quote(decision.title)}: ${decision.reason}`);
  }
  lines.push('', `${imported.length} ${dryRun ? 'to import' : 'imported'}, ${duplicates.length} skipped as duplicates, ${rejected.length} rejected.`);
  if (imported.length && !dryRun) lines.push('Next: review and edit each draft, remove "draft: true" to publish it, then run npm run check:content.');
  console.log(lines.join('\n'));
}

process.exitCode = await main(process.argv.slice(2));
