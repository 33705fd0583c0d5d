/**
 * `npm run check:content [-- paths…] [--json] [--dir folder] [--sources file] [--skip-near-duplicates]`: validates articles without starting Astro.
 * Exit code 1 when any error is found (warnings alone pass), 2 when the command itself is misused. `npm run build`
 * also gives `--write-listing <file>`: the archive listing (published articles and their stories, and beside it the
 * start of each published body) its later steps read instead of every file again, put in place only when the check
 * passes.
 */
import { existsSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { loadArticle, loadArticles } from '../io/article-files.ts';
import { isHiddenIn, listArticleFiles } from '../io/article-paths.ts';
import { writeListing, type ListingWriter } from '../io/article-listing.ts';
import { damagedPictureProblems } from '../io/decode-pictures.ts';
import { inspectFile } from '../io/inspect-file.ts';
import { checkArticles } from '../lib/checks/check-content.ts';
import { ARTICLE_LIKE_FILE } from '../lib/content/article-file-name.ts';
import { formatProblem, hasErrors, problemToJson, sortProblems, summarizeProblems, type Problem } from '../lib/checks/problems.ts';
import { didYouMean, folderProblem, meantPath } from '../io/meant-path.ts';
import { readSourcesFile } from '../io/read-sources.ts';
import { formatDuration } from '../lib/text/format-duration.ts';
import { inertJson } from '../lib/text/inert-line.ts';
import { siteConfig } from '../site.config.ts';
import { projectRoot, publishNow, settings } from '../settings.ts';
import { commandPaths, readCommandLine, usageError } from './command-line.ts';

const USAGE = `Usage: npm run check:content [-- [paths…] [--json] [--dir <folder>] [--sources <file>] [--skip-near-duplicates]]

Checks every article under the content folder (NEWSDESK_CONTENT_DIR, default content/articles), and the
sources registry (NEWSDESK_SOURCES_FILE, default content/sources.yaml) that articles' source.id must name.
  paths       only report on these files or folders; inside the content folder they are still
              checked against all its articles (duplicate slugs, related links). A folder outside
              it is checked as a corpus of its own; a file outside it as if it were added to it.
  --json      print the problems as a JSON array of {file, line, field, message, severity, hint}
  --dir       the content folder to check against
  --sources   the sources registry to check and to check against
  --skip-near-duplicates
              leave out the near-duplicate report (warnings only; most of the time on a large archive)
  --write-listing <file>
              when the check passes, write the archive listing (the published articles and their
              stories, as the build's later steps need them) to this file, and the start of each
              published body, for Astro's site index, to <file>.bodies`;

function fail(message: string): never {
  process.exit(usageError(message, USAGE));
}

const args = readCommandLine(
  process.argv.slice(2),
  {
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, dir: { type: 'string' }, sources: { type: 'string' }, 'skip-near-duplicates': { type: 'boolean', default: false }, 'write-listing': { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  },
  USAGE,
);
if (typeof args === 'number') process.exit(args);

const paths = commandPaths();
const root = args.values.dir === undefined ? settings.contentDir : paths.resolve(args.values.dir);
let now: Date;
try {
  now = publishNow();
} catch (error) {
  fail((error as Error).message);
}
const rootProblem = folderProblem(root, 'The content folder', paths);
if (rootProblem) fail(`${rootProblem}.`);
const listingPath = args.values['write-listing'];
if (listingPath !== undefined && args.positionals.length > 0) fail('--write-listing lists the whole content folder: give it without paths.');

const inside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

interface Run {
  folder: string;
  extraFiles: string[];
  /** Absolute paths to report on; undefined reports everything. */
  only?: Set<string>;
}
const main: Run = { folder: root, extraFiles: [] };
/** Files named inside the content folder that it hides with a leading dot. */
const hidden = new Set<string>();
const runs: Run[] = [];
if (args.positionals.length === 0) runs.push(main);
for (const given of args.positionals) {
  const path = paths.resolve(given);
  if (!existsSync(path)) {
    // An article is named by its file, extension and all; the slug alone is how the site names it.
    const meant = ['.md', '.mdx'].map((extension) => given + extension).find((name) => existsSync(paths.resolve(name))) ?? meantPath(given, paths.resolve);
    fail(meant ? `${given} does not exist; did you mean ${meant}?` : `${given} does not exist in ${paths.folder}; check the path, which is read from the folder the command is typed in.`);
  }
  const isFolder = statSync(path).isDirectory();
  if (!isFolder && !ARTICLE_LIKE_FILE.test(path)) fail(`${given} is not an article (.md or .mdx file).`);
  if (isFolder && !inside(path, root)) {
    runs.push({ folder: path, extraFiles: [] });
    continue;
  }
  if (!runs.includes(main)) runs.push(main);
  main.only ??= new Set();
  if (!isFolder && !inside(path, root)) main.extraFiles.push(path);
  for (const file of isFolder ? listArticleFiles(path) : [path]) {
    main.only.add(file);
    // Named, so checked as if added; but the folder's listing, like the site, leaves it out.
    if (inside(file, root) && isHiddenIn(root, file)) hidden.add(file);
  }
}
main.extraFiles.push(...hidden);

const started = performance.now();
const problems: Problem[] = [];
let fileCount = 0;
const sourcesPath = args.values.sources === undefined ? settings.sourcesFile : paths.resolve(args.values.sources);
const registryFile = readSourcesFile(sourcesPath, paths.display(sourcesPath));
if (args.values.sources && !registryFile.exists) fail(`${args.values.sources} does not exist${didYouMean(args.values.sources, paths.resolve)}.`);
// Checked with the whole content folder, or when named; `paths` alone report on those articles only.
if (args.positionals.length === 0 || args.values.sources) problems.push(...registryFile.problems);
// A registry with errors lists no sources: checking ids against it would blame every aggregated article.
const registry = !hasErrors(registryFile.problems) ? { file: paths.display(sourcesPath), ids: new Set(registryFile.sources.map((source) => source.id)) } : undefined;
for (const file of hidden) {
  problems.push({ file: paths.display(file), severity: 'warning', message: 'is not on the site, which leaves out files and folders whose names start with a dot', hint: 'remove the dot to publish it' });
}
const listing: ListingWriter | undefined = listingPath === undefined ? undefined : writeListing(paths.resolve(listingPath), now, siteConfig.storyWindowHours);
for (const run of runs) {
  // Files named outside the content folder join it as if added to it.
  // A generator: each file is read when the check comes to it, and let go once checked.
  const articles = (function* () {
    yield* loadArticles(run.folder, paths.display);
    for (const file of new Set(run.extraFiles)) yield loadArticle(file, paths.display(file));
  })();
  const only = run.only && new Set([...run.only].map(paths.display));
  const result = checkArticles(articles, { now, contentDir: run.folder, projectRoot, inspectFile, only, nearDuplicates: !args.values['skip-near-duplicates'], registry, onValidArticle: listing?.add });
  // Pictures are decoded once every file is read, many at a time; their problems take their places among the others.
  const damaged = await damagedPictureProblems(result.pictures, { cacheFolder: settings.checkCacheDir, contentFolder: run.folder, complete: !run.only && run.extraFiles.length === 0 });
  problems.push(...(damaged.length ? sortProblems([...result.problems, ...damaged]) : result.problems));
  fileCount += result.fileCount;
}
const elapsed = performance.now() - started;

if (args.values.json) {
  console.log(inertJson(problems.map(problemToJson)));
} else {
  for (const problem of problems) console.log(formatProblem(problem));
  console.log(`${problems.length > 0 ? '\n' : ''}${summarizeProblems(problems, fileCount)} (${formatDuration(elapsed)})`);
}
const passed = !hasErrors(problems);
if (passed) listing?.commit();
else listing?.discard();
process.exitCode = passed ? 0 : 1;
