/**
 * `npm run aggregate [-- options]`: fetches every source in content/sources.yaml and writes what is new.
 * Exit code 0 when the run completed (failed sources included, unless --strict), 1 when --strict and a source failed
 * (not a feed left unasked because of its host), 2 when it could not run at all (invalid registry or state file,
 * unwritable content folder, bad options), 3 when every source has been failing for an hour (the state and any items
 * are written all the same).
 */
import { appendFileSync, statSync } from 'node:fs';
import { DEFAULT_FETCH_LIMITS } from '../io/fetch-feed.ts';
import { DEFAULT_POLICY } from '../io/aggregation/fetch-sources.ts';
import { CannotRunError, runAggregation } from '../io/aggregation/run-aggregation.ts';
import { stateFileOf } from '../io/aggregation/state-file.ts';
import { annotation, formatAttentionAnnotations, formatReportMarkdown, formatReportText, STEP_SUMMARY_MAX_BYTES } from '../lib/aggregation/report.ts';
import { aggregatorUserAgent } from '../lib/aggregation/user-agent.ts';
import { enclosingContentFolder } from '../lib/inside-folder.ts';
import { inertJson } from '../lib/text/inert-line.ts';
import { aggregateMaxNewItems, settings } from '../settings.ts';
import { siteConfig } from '../site.config.ts';
import { commandPaths, readCommandLine, usageError } from './command-line.ts';

const USAGE = `Usage: npm run aggregate -- [options]

Fetches the feeds listed in the sources registry and writes their new items to
<content folder>/aggregated/<source id>/<slug>.md; the state goes to .aggregate-state.json beside the registry.
  --only a,b          only these source ids
  --dry-run           fetch and report what would be written; write nothing (state included)
  --refresh           ask feeds even while their last answer is fresh by its Cache-Control or Expires
  --sources FILE      the registry (default: NEWSDESK_SOURCES_FILE, else content/sources.yaml)
  --content-dir DIR   the articles folder (default: NEWSDESK_CONTENT_DIR, else content/articles)
  --strict            exit 1 when any source failed (a feed left unasked behind its host has not)
  --json              print the report as JSON
  --timeout SECONDS   give up on a feed after this long (default ${DEFAULT_FETCH_LIMITS.timeoutMs / 1000})`;

async function main(argv: string[]): Promise<number> {
  const args = readCommandLine(
    argv,
    {
      options: {
        only: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        refresh: { type: 'boolean', default: false },
        sources: { type: 'string' },
        'content-dir': { type: 'string' },
        strict: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const { values } = args;
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) return usageError(`--timeout must be a number of seconds above 0, not "${values.timeout}".`, USAGE);
  const only = values.only?.split(',').map((id) => id.trim()).filter(Boolean);
  if (only && !only.length) return usageError('--only needs at least one source id.', USAGE);

  let maxNewItems: number;
  try {
    maxNewItems = aggregateMaxNewItems();
  } catch (error) {
    console.error(`Aggregation stopped: ${(error as Error).message}`);
    return 2;
  }

  const paths = commandPaths();
  const sourcesFile = values.sources === undefined ? settings.sourcesFile : paths.resolve(values.sources);
  const contentDir = values['content-dir'] === undefined ? settings.contentDir : paths.resolve(values['content-dir']);
  let report;
  try {
    report = await runAggregation({
      cwd: paths.folder,
      sourcesFile,
      contentDir,
      enclosingContentDir: enclosingContentFolder(contentDir, settings.contentDir),
      stateFile: stateFileOf(sourcesFile),
      only,
      dryRun: values['dry-run'],
      refresh: values.refresh,
      now: new Date(),
      siteLang: siteConfig.lang,
      maxNewItems,
      policy: { ...DEFAULT_POLICY, userAgent: aggregatorUserAgent(siteConfig.name, settings.siteUrl), timeoutMs: timeout === undefined ? undefined : timeout * 1000 },
    });
  } catch (error) {
    if (!(error instanceof CannotRunError)) throw error;
    console.error(`Aggregation stopped: ${error.message}`);
    return 2;
  }

  console.log(values.json ? inertJson(report) : formatReportText(report));
  if (settings.stepSummary) {
    try {
      // GitHub's limit is on the step's whole summary file, so what an earlier command of the step wrote counts too.
      const written = statSync(settings.stepSummary, { throwIfNoEntry: false })?.size ?? 0;
      appendFileSync(settings.stepSummary, formatReportMarkdown(report, STEP_SUMMARY_MAX_BYTES - written));
    } catch (error) {
      // The run's work is done and recorded: a summary that cannot be written must not fail the job, nor hold back the
      // annotations.
      const message = `could not add the report to the step summary ${settings.stepSummary} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the report is in the log above`;
      console.error(settings.githubActions ? annotation('warning', 'Aggregation: no step summary', message) : `Aggregation: ${message}`);
    }
  }
  // Annotations, not a failed job: one dead feed must not wake anyone, but it should not go unseen for weeks either.
  // On stderr, which the runner reads for commands too, so that --json output stays one JSON document.
  if (settings.githubActions) for (const line of formatAttentionAnnotations(report)) console.error(line);
  // One outlet down keeps the job green; nothing answering for an hour is the run's own failure, and should be seen.
  if (report.allFailingSince) return 3;
  return values.strict && report.totals.failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
