/**
 * `npm run sources -- add <address>` adds the feed at an address (or the one a web page there links to) to the
 * sources registry; `npm run sources -- import-opml <file>` adds the feeds of an OPML file, skipping ones already
 * listed; `npm run sources -- export-opml [--output file]` writes the registry as OPML; `npm run sources -- status`
 * prints each source's health as the aggregation state has it, fetching and writing nothing.
 * Exit code 1 when the registry, the OPML file or the state cannot be used (nothing is written then), or with
 * `status --strict` when a source needs attention; 2 on misuse.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { feedsFromOpml, planOpmlImport, sourcesToOpml, type ImportPlan } from '../lib/aggregation/opml.ts';
import { parseSources } from '../lib/aggregation/registry.ts';
import { appendSources } from '../lib/aggregation/registry-edit.ts';
import { formatSourcesStatus, sourcesStatus } from '../lib/aggregation/source-status.ts';
import { StateError } from '../lib/aggregation/state.ts';
import { formatProblem, hasErrors } from '../lib/checks/problems.ts';
import { FeedError } from '../lib/authoring/import/parse-feed.ts';
import { urlKey } from '../lib/authoring/import/urls.ts';
import { feedHeadline } from '../lib/authoring/import/summary.ts';
import { aggregatorUserAgent } from '../lib/aggregation/user-agent.ts';
import { decodeFeedBytes, FetchError } from '../io/fetch-feed.ts';
import { findFeed, type FoundFeed } from '../io/find-feed.ts';
import { readStateFile, stateFileOf } from '../io/aggregation/state-file.ts';
import { FolderLockError, lockFolder } from '../io/folder-lock.ts';
import { readFailureReason, writeFailureReason } from '../io/file-errors.ts';
import { didYouMean } from '../io/meant-path.ts';
import { readSourcesFile } from '../io/read-sources.ts';
import { removeStaleTemporaryFiles, replaceFile } from '../io/write-file.ts';
import { settings } from '../settings.ts';
import { siteConfig } from '../site.config.ts';
import { inertJson, inertLine } from '../lib/text/inert-line.ts';
import { commandPaths, readCommandLine, usageError } from './command-line.ts';

const USAGE = `Usage: npm run sources -- <command> [options]

Commands:
  add <address>        add the feed at this address, or the first feed the web page there links to; named by
                       the feed's title (or --name), with content: excerpt and publish: review
  import-opml <file>   add the feeds of an OPML file (exported by any feed reader) to the registry;
                       feeds already listed are skipped, new ones get content: excerpt and publish: review
                       (a Newsdesk export's ids and settings are kept)
  export-opml          write the registry as OPML, to stdout or to --output
  status               each source's health, from the state npm run aggregate keeps beside the registry:
                       last read, failing, backing off, moved, nothing new… (fetches and writes nothing)
Options:
  --sources <file>     the registry (default: NEWSDESK_SOURCES_FILE, else content/sources.yaml)
  --name "…"           add: the outlet's name, instead of the feed's title
  --output <file>      export-opml: write to this file instead of stdout
  --dry-run            add, import-opml: show what would be added; write nothing
  --strict             status: exit 1 when any source needs attention, or every source is failing
  --json               status: print it as JSON`;

/** A line of the report, which holds feeds' titles, outlets' names and servers' answers: one line, inert, whatever they hold. */
const say = (line: string) => console.log(inertLine(line));

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      allowPositionals: true,
      options: {
        sources: { type: 'string' },
        output: { type: 'string' },
        name: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const [command, ...rest] = positionals;
  const paths = commandPaths();
  const registryPath = values.sources === undefined ? settings.sourcesFile : paths.resolve(values.sources);
  const registryName = paths.display(registryPath);
  // Misuse is answered before the registry is read: a registry with errors must not hide a mistyped command.
  const misuse = misuseOf(command, rest, values, registryPath, paths.resolve);
  if (misuse) return usageError(misuse, USAGE);
  // Two imports at once would each add to the registry as they read it, and the later write would drop the
  // other's sources; so an import reads and writes the registry holding its lock.
  let release: (() => Promise<void>) | undefined;
  if ((command === 'import-opml' || command === 'add') && !values['dry-run']) {
    try {
      release = await lockFolder(registryPath, { what: `the sources registry ${registryName}`, onWait: (message) => console.error(message) });
    } catch (error) {
      if (!(error instanceof FolderLockError)) throw error;
      console.error(`${error.message}\nNothing was written to ${registryName}.`);
      return 1;
    }
  }
  try {
    // Only under the lock: another import's temporary file may be a write in progress.
    if (release) {
      for (const path of await removeStaleTemporaryFiles(dirname(registryPath), { of: basename(registryPath) })) console.error(`Removed ${paths.display(path)}, left by an import that was stopped.`);
    }
    return await run(command, rest, values, registryPath, registryName);
  } finally {
    await release?.();
  }
}

type Options = { output?: string; name?: string; 'dry-run': boolean; strict: boolean; json: boolean };

/** What is wrong with the command and its arguments, if anything. */
function misuseOf(command: string | undefined, rest: string[], values: Options, registryPath: string, resolve: (given: string) => string): string | undefined {
  if (command === 'export-opml') {
    if (rest.length > 0) return `export-opml takes no file; use --output ${rest[0]}`;
    if (values.output !== undefined && resolve(values.output) === registryPath) {
      return `--output ${values.output} is the registry itself; the OPML would replace it. Write it to another file, such as --output sources.opml`;
    }
    return undefined;
  }
  if (command === 'status') return rest.length ? `status takes no arguments, not "${rest[0]}".` : undefined;
  if (command === 'import-opml') return rest.length === 1 ? undefined : 'import-opml needs one OPML file.';
  if (command === 'add') {
    if (rest.length !== 1) return 'add needs one address: a feed, or a web page that links to its feed.';
    if (values.name !== undefined && !values.name.trim()) return '--name needs the outlet\'s name.';
    return undefined;
  }
  return command ? `Unknown command "${command}".` : 'Which command?';
}

async function run(command: string | undefined, rest: string[], values: Options, registryPath: string, registryName: string): Promise<number> {
  const paths = commandPaths();
  const registry = readSourcesFile(registryPath, registryName);
  for (const problem of registry.problems) console.error(formatProblem(problem));
  if (hasErrors(registry.problems)) {
    console.error(`\nFix ${registryName} first (npm run check:content shows the same problems).`);
    return 1;
  }

  if (command === 'status') return printStatus(registry, values, registryPath, registryName);

  if (command === 'export-opml') {
    if (registry.sources.length === 0) {
      console.error(`${registryName} lists no sources; there is nothing to export.`);
      return 1;
    }
    const opml = sourcesToOpml(registry.sources, 'Newsdesk sources');
    if (values.output) {
      try {
        await replaceFile(paths.resolve(values.output), `${opml}\n`);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === undefined) throw error;
        const reason = code === 'EISDIR' ? `it is a folder; give a file name, such as ${join(values.output, 'sources.opml')}` : writeFailureReason(error, values.output);
        console.error(`Cannot write ${values.output}: ${reason}.`);
        return 1;
      }
      console.error(`Wrote ${registry.sources.length} sources to ${values.output}.`);
    } else {
      process.stdout.write(`${opml}\n`);
    }
    return 0;
  }

  if (command === 'import-opml') {
    let feeds;
    try {
      // Older readers write Latin-1 or UTF-16, saying so in the XML declaration or a byte order mark, as feeds do.
      feeds = feedsFromOpml(decodeFeedBytes(readFileSync(paths.resolve(rest[0]!))).text);
    } catch (error) {
      const meant = (error as NodeJS.ErrnoException).code === 'ENOENT' ? didYouMean(rest[0]!, paths.resolve) : '';
      console.error(`Cannot import ${inertLine(`${rest[0]}: ${readFailureReason(error)}${meant}`)}.\nNothing was written to ${registryName}.`);
      return 1;
    }
    return addToRegistry(planOpmlImport(registry.sources, feeds), registry, values, registryPath, registryName);
  }

  // add: the one command misuseOf lets through besides the two above.
  let found: FoundFeed;
  try {
    found = await findFeed(rest[0]!, { userAgent: aggregatorUserAgent(siteConfig.name, settings.siteUrl) });
  } catch (error) {
    if (!(error instanceof FetchError || error instanceof FeedError)) throw error;
    console.error(`Cannot add ${inertLine(`${rest[0]}: ${error.message}`)}.\nNothing was written to ${registryName}.`);
    return 1;
  }
  say(`${feedHeadline(found.feed, found.address)}${found.linkedFrom ? `, linked from ${found.linkedFrom}` : ''}`);
  // A feed moved for good is added at its new address, which the aggregator would otherwise ask to be written in.
  if (found.servedFrom && found.movedPermanently) say(`It has moved for good to ${found.servedFrom} (a permanent redirect), the address added.`);
  for (const warning of found.feed.warnings ?? []) say(`Warning: ${warning}.`);
  console.log('');
  const name = values.name?.trim() ?? found.feed.title ?? '';
  // An address that redirects to a feed already listed is that feed: planned as it, it is skipped as listed.
  const listed = new Set(registry.sources.map((source) => urlKey(source.feed)));
  const feed = found.servedFrom && (found.movedPermanently || listed.has(urlKey(found.servedFrom))) ? found.servedFrom : found.address;
  return addToRegistry(planOpmlImport(registry.sources, [{ name, feed, site: found.feed.homeUrl }]), registry, values, registryPath, registryName);
}

/** Prints each source's health from the state beside the registry; 1 with --strict when one needs attention, or all fail. */
async function printStatus(registry: ReturnType<typeof readSourcesFile>, values: Options, registryPath: string, registryName: string): Promise<number> {
  // A mistyped --sources would otherwise show no sources, all well.
  if (!registry.exists) {
    console.error(`${registryName} does not exist; list the sources to follow there (see README: Sources).`);
    return 1;
  }
  const stateFile = stateFileOf(registryPath);
  let state;
  try {
    ({ state } = await readStateFile(stateFile, commandPaths().display(stateFile)));
  } catch (error) {
    if (!(error instanceof StateError)) throw error;
    console.error(error.message);
    return 1;
  }
  const status = sourcesStatus(registry.sources, state, new Date());
  console.log(values.json ? inertJson(status) : formatSourcesStatus(status));
  return values.strict && (status.totals['needs-attention'] || status.allFailingSince) ? 1 : 0;
}

/** Prints what the plan adds and skips and, unless it is a dry run, appends the new sources to the registry in one step. */
async function addToRegistry(plan: ImportPlan, registry: ReturnType<typeof readSourcesFile>, values: Options, registryPath: string, registryName: string): Promise<number> {
  for (const source of plan.added) say(`added    ${source.id}: ${source.name} <${source.feed}>`);
  for (const { name, feed, reason } of plan.skipped) say(`skipped  ${name || '(untitled)'}${feed ? ` <${feed}>` : ''}: ${reason}`);
  for (const { id, note } of plan.notes) say(`note     ${id}: ${note}`);
  if (plan.added.length > 0 && !values['dry-run']) {
    let text;
    try {
      text = appendSources(registry.text, plan.added);
    } catch (error) {
      console.error(`Cannot add to ${inertLine(`${registryName}: ${(error as Error).message}`)}.\nNothing was written to ${registryName}.`);
      return 1;
    }
    // Never write a registry the checker would reject.
    const check = parseSources(text, registryName);
    if (hasErrors(check.problems)) throw new Error(`the updated registry would not be valid:\n${check.problems.map(formatProblem).join('\n')}`);
    await replaceFile(registryPath, text);
  }
  const verb = values['dry-run'] ? 'would add' : 'added';
  // Sources from a Newsdesk export carry their own publish setting; the default holds only when none does.
  const allTakeDefaults = plan.added.every((source) => source.publish === undefined);
  const review = allTakeDefaults ? ' New sources arrive as drafts for review (publish: review).' : '';
  // A mistyped --sources names no registry; the sources must not vanish into a new file unremarked.
  const created = registry.exists || plan.added.length === 0 ? '' : values['dry-run'] ? '; it does not exist, so it would be created' : '; it did not exist, so it was created';
  console.log(`\n${registryName}: ${verb} ${plan.added.length}, skipped ${plan.skipped.length}${created}.${review}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
