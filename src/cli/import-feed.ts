/**
 * `npm run import -- <feed file or URL> [options]`: turns a publication's RSS, Atom or JSON feed into draft
 * articles under <content>/imported/, skipping coverage the site already has.
 * Exit code 1 when the feed itself cannot be fetched or read (nothing is written then), 2 on misuse.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadArticles } from '../io/article-files.ts';
import { inspectFile } from '../io/inspect-file.ts';
import { gateThroughChecker } from '../lib/authoring/import/checker-gate.ts';
import { toExistingArticles } from '../lib/authoring/import/existing-articles.ts';
import { DEFAULT_FETCH_LIMITS, FetchError, readFeedFile, withDecodingWarning } from '../io/fetch-feed.ts';
import { didYouMean, folderProblem } from '../io/meant-path.ts';
import { findFeed } from '../io/find-feed.ts';
import { FeedError, parseFeedText, type ParsedFeed } from '../lib/authoring/import/parse-feed.ts';
import { planImport } from '../lib/authoring/import/plan-import.ts';
import { wholeAddressAdvice } from '../lib/authoring/import/urls.ts';
import { importSummary } from '../lib/authoring/import/summary.ts';
import { parseTagList } from '../lib/authoring/import/tags.ts';
import { enclosingContentFolder } from '../lib/inside-folder.ts';
import { FolderLockError, lockFolder } from '../io/folder-lock.ts';
import { writeFailureReason } from '../io/file-errors.ts';
import { removeStaleTemporaryFiles, writeNewFile } from '../io/write-file.ts';
import { projectRoot, settings } from '../settings.ts';
import { inertLine } from '../lib/text/inert-line.ts';
import { siteConfig } from '../site.config.ts';
import { commandPaths, readCommandLine, usageError } from './command-line.ts';

const USAGE = `Usage: npm run import -- <feed file or http(s) URL> [options]

Writes one draft per new feed item to <content folder>/imported/<slug>.md.
  --source-name "…"   the publisher's name (default: the outlet an item names, else the feed's title)
  --tags a,b          tags added to every draft (feed categories are kept too)
  --limit N           only the first N items of the feed
  --dry-run           show what would be imported; write nothing
  --allow-similar     import items even when an article from the same outlet says nearly the same
  --content-dir DIR   the content folder (default: NEWSDESK_CONTENT_DIR, else content/articles)
  --timeout SECONDS   give up on a URL after this long (default ${DEFAULT_FETCH_LIMITS.timeoutMs / 1000})`;

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine(
    argv,
    {
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
    },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  if (positionals.length !== 1) return usageError(positionals.length ? 'Give exactly one feed.' : 'Which feed? Give a file or an http(s) URL.', USAGE);
  const [input] = positionals as [string];
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) return usageError(`--limit must be a whole number above 0, not "${values.limit}".`, USAGE);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) return usageError(`--timeout must be a number of seconds above 0, not "${values.timeout}".`, USAGE);

  const paths = commandPaths();
  const contentDir = values['content-dir'] === undefined ? settings.contentDir : paths.resolve(values['content-dir']);
  const folderIssue = folderProblem(contentDir, 'The content folder', paths);
  if (folderIssue) return usageError(`${folderIssue}; check --content-dir or NEWSDESK_CONTENT_DIR.`, USAGE);
  const importDir = resolve(contentDir, 'imported');
  // A sub-folder of the site's content folder shares its slugs, and its lock with `new` and `aggregate`.
  const contentFolder = enclosingContentFolder(contentDir, settings.contentDir);
  if (existsSync(importDir) && !statSync(importDir).isDirectory()) {
    console.error(`Import failed: ${paths.display(importDir)} is a file, where the folder of imported drafts goes; rename or move it.\nNothing was written.`);
    return 1;
  }

  let feed: ParsedFeed;
  let from: string;
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
  try {
    if (isUrl) {
      const found = await findFeed(input, { timeoutMs: timeout === undefined ? undefined : timeout * 1000 });
      feed = found.feed;
      from = `${found.servedFrom ?? found.address}${found.linkedFrom ? `, linked from ${found.linkedFrom}` : ''}`;
    } else {
      if (!existsSync(paths.resolve(input))) {
        const advice = wholeAddressAdvice(input);
        throw new FetchError(advice ? `there is no such file here; for the feed on the web, ${advice}` : `the file does not exist${didYouMean(input, paths.resolve)}`);
      }
      const document = await readFeedFile(paths.resolve(input));
      feed = withDecodingWarning(parseFeedText(document.text), document);
      from = paths.display(paths.resolve(input));
    }
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof FeedError)) throw error;
    console.error(`Import failed: ${inertLine(`${input}: ${error.message}`)}.\nNothing was written.`);
    return 1;
  }

  // Two imports at once would each miss the other's new drafts and write the same story twice. A dry run writes
  // nothing: it neither waits for another import nor needs a folder it may write to.
  const dryRun = values['dry-run'];
  let releaseContent = async () => {};
  if (!dryRun) {
    try {
      releaseContent = await lockFolder(contentFolder, { what: `the content folder ${paths.display(contentFolder)}`, onWait: (message) => console.error(message) });
    } catch (error) {
      if (!(error instanceof FolderLockError)) throw error;
      console.error(`Import failed: ${error.message}\nNothing was written.`);
      return 1;
    }
  }
  try {
    if (!dryRun) for (const path of await removeStaleTemporaryFiles(importDir)) console.error(`Removed ${paths.display(path)}, left by an import that was stopped.`);
    const existingArticles = [...loadArticles(contentFolder, paths.display)];
    for (const article of existingArticles) {
      if (article.unreadable) console.error(`Warning: ${inertLine(article.file)} cannot be read (${inertLine(article.unreadable)}), so an item it covers may be imported again.`);
    }
    const existing = toExistingArticles(existingArticles);
    // Any file already in the import folder keeps its name, whatever slug its front matter claims.
    const takenNames = existsSync(importDir) ? readdirSync(importDir).map((name) => name.replace(/\.[^.]*$/, '').toLowerCase()) : [];
    const now = new Date();
    const planned = planImport(feed, existing, {
      sourceName: values['source-name'],
      extraTags: parseTagList(values.tags),
      limit,
      allowSimilar: values['allow-similar'],
      folder: paths.display(importDir),
      now,
      siteLang: siteConfig.lang,
    }, takenNames);

    const decisions = gateThroughChecker(planned, existingArticles, { now, contentDir, projectRoot, inspectFile, absolutePathOf: paths.resolve });

    let writeFailed = false;
    if (!dryRun) {
      for (const [position, decision] of decisions.entries()) {
        if (decision.kind !== 'import') continue;
        try {
          await writeNewFile(paths.resolve(decision.file), decision.contents);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== 'EEXIST') writeFailed = true;
          decisions[position] = { kind: 'rejected', title: decision.title, reason: code === 'EEXIST' ? `${decision.file} appeared while importing; it was left alone` : `could not write ${decision.file}: ${writeFailureReason(error, decision.file)}` };
        }
      }
    }

    for (const warning of feed.warnings ?? []) console.error(`Warning: ${inertLine(`${from}: ${warning}`)}.`);
    console.log(importSummary(decisions, feed, from, dryRun));
    return writeFailed ? 1 : 0;
  } finally {
    await releaseContent();
  }
}

process.exitCode = await main(process.argv.slice(2));
