/**
 * `node src/cli/cards.ts <output folder> [--articles <listing>]`: writes the social card (a 1200×630 PNG) of every
 * published article and every story into the folder, making only the cards the cache lacks, on worker threads.
 * `npm run build` runs it beside Astro, on the core Astro leaves idle, with the archive listing its content check
 * wrote (else the content folder is read here), and moves the folder into the site as cards/ once Astro has
 * finished. In a sharded build (NEWSDESK_SHARD) it writes only the shard's cards.
 */
import { resolve } from 'node:path';
import { missingTextWarning } from '../lib/cards/missing-text.ts';
import { formatDuration } from '../lib/text/format-duration.ts';
import { siteCardJobs } from '../lib/cards/site-card-jobs.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { listingOf } from '../io/article-listing.ts';
import { displayPath } from '../io/display-path.ts';
import { readSourcesFile } from '../io/read-sources.ts';
import { updateCards } from '../io/cards/card-cache.ts';
import { makeCardsInWorkers } from '../io/cards/card-pool.ts';
import { siteConfig } from '../site.config.ts';
import { publishNow, settings } from '../settings.ts';
import { readCommandLine, usageError } from './command-line.ts';

const USAGE = 'Usage: node src/cli/cards.ts <output folder> [--articles <listing>]';
const args = readCommandLine(process.argv.slice(2), { allowPositionals: true, options: { articles: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } }, USAGE);
if (typeof args === 'number') process.exit(args);
const { positionals, values } = args;
const [outputPath] = positionals;
if (!outputPath) process.exit(usageError('The output folder is missing.', USAGE));

const started = performance.now();
const { cardCacheDir: cacheDir } = settings;

const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
// A card that cannot be drawn or stored (a full disk, an unwritable cache folder) fails with one line, not a stack.
// The process then ends by its event loop, the worker threads gone, not by process.exit, which can hang for good
// beside V8's background compilation (nodejs/node#54918).
try {
  const listing = listingOf(values.articles, settings.contentDir, publishNow(), siteConfig.storyWindowHours);
  // The content check has passed on the same registry, so its problems are already reported.
  const { sources } = readSourcesFile(settings.sourcesFile, displayPath(settings.sourcesFile));
  const jobs = siteCardJobs(listing, sources, { siteName: siteConfig.name, formatDate: dates.date, cardArticles: siteConfig.cardArticles });
  const result = await updateCards(jobs, { cacheDir, outDir: resolve(outputPath), make: makeCardsInWorkers(), shard: settings.shard });
  for (const { source, text } of result.missing) console.warn(missingTextWarning(source, text));
  // `npm run bench` reads this line for the cards phase, which overlaps Astro's.
  console.log(`Social cards: ${result.cards} cards, ${result.made} made, in ${formatDuration(performance.now() - started)}`);
} catch (error) {
  console.error(`Social cards failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
