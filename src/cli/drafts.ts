/**
 * `npm run drafts [-- --json] [--dir folder] [--sources file]`: the drafts waiting for an editor and the pieces
 * scheduled for later, newest first, with source, date, path and why each is not on the site. Publishing a draft is
 * deleting its `draft: true` line.
 */
import { existsSync } from 'node:fs';
import { loadArticles } from '../io/article-files.ts';
import { didYouMean, folderProblem } from '../io/meant-path.ts';
import { readSourcesFile } from '../io/read-sources.ts';
import { draftsSummary, draftsTable, listDrafts } from '../lib/authoring/drafts.ts';
import { formatProblem, hasErrors } from '../lib/checks/problems.ts';
import type { ParseResult } from '../lib/content/article.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { inertJson } from '../lib/text/inert-line.ts';
import { publishNow, settings } from '../settings.ts';
import { siteConfig } from '../site.config.ts';
import { commandPaths, readCommandLine, usageError } from './command-line.ts';

const USAGE = `Usage: npm run drafts [-- [--json] [--dir <folder>] [--sources <file>]]

Lists the drafts, the scheduled pieces (publishedAt still to come) and the files that cannot be read
in the content folder (NEWSDESK_CONTENT_DIR, default content/articles), newest first.
  --json      print them as a JSON array of {file, title, source, publishedAt, draft, reasons},
              with unreadable: true for a file that cannot be read (a file to fix)
  --dir       the content folder
  --sources   the sources registry (NEWSDESK_SOURCES_FILE, default content/sources.yaml)
To publish a draft, delete its "draft: true" line (then npm run check:content); npm run dev shows it first at /articles/<slug>/.`;

function main(argv: string[]): number {
  const args = readCommandLine(
    argv,
    { options: { json: { type: 'boolean', default: false }, dir: { type: 'string' }, sources: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const paths = commandPaths();
  const folder = args.values.dir === undefined ? settings.contentDir : paths.resolve(args.values.dir);
  const registryPath = args.values.sources === undefined ? settings.sourcesFile : paths.resolve(args.values.sources);
  const folderIssue = folderProblem(folder, 'The content folder', paths);
  if (folderIssue) return usageError(`${folderIssue}; give the folder, such as --dir content/articles.`, USAGE);
  // Read as no registry, a mistyped --sources would list every aggregated draft as from a source not in it.
  if (args.values.sources !== undefined && !existsSync(registryPath)) return usageError(`${args.values.sources} does not exist${didYouMean(args.values.sources, paths.resolve)}.`, USAGE);
  // A broken registry only loses the review reasons, but without a word every aggregated draft would read as
  // from a source not in the registry.
  const registryName = paths.display(registryPath);
  const { sources, problems } = readSourcesFile(registryPath, registryName);
  for (const problem of problems) console.error(formatProblem(problem));
  if (hasErrors(problems)) console.error(`Warning: ${registryName} cannot be used, so the drafts below are listed without their sources' settings; fix it (npm run check:content).\n`);
  const files = function* (): Generator<ParseResult> {
    for (const { result } of loadArticles(folder, paths.display)) yield result;
  };
  const drafts = listDrafts(files(), sources, publishNow());

  if (args.values.json) {
    console.log(inertJson(drafts.map((draft) => ({ ...draft, source: draft.source ?? null, publishedAt: draft.publishedAt?.at.toISOString() ?? null }))));
    return 0;
  }
  if (drafts.length > 0) console.log(draftsTable(drafts, createDateFormatter(siteConfig.locale, siteConfig.timeZone)));
  console.log(`${drafts.length === 0 ? '' : '\n'}${draftsSummary(drafts, settings.basePath)}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
