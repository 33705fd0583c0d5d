/** Parts of the pipeline timed on their own: the content checker as a command, the related ranking in process. */
import { join } from 'node:path';
import { generateCorpus } from '../lib/bench/corpus.ts';
import { formatCount, median } from '../lib/bench/report.ts';
import { formatBytes } from '../lib/text/format-bytes.ts';
import type { ComponentTiming } from '../lib/bench/results.ts';
import { rankRelated } from '../lib/site/related/related.ts';
import { relatedCandidate } from '../lib/site/site-index.ts';
import type { BuildContext } from './builds.ts';
import { writeCorpus } from './corpus-files.ts';
import { measureProcess } from './measure-process.ts';

const CHECKED_ARTICLES = 1000;
/** The largest archive the ranking is timed on, whatever sizes were built. */
const RANKED_ARCHIVE = 10_000;

export async function componentTimings(context: BuildContext, sizes: readonly number[], seed: number, runs: number): Promise<ComponentTiming[]> {
  const timings: ComponentTiming[] = [];
  const checker = join(context.projectRoot, 'src/cli/check-content.ts');
  const corpus = generateCorpus({ count: CHECKED_ARTICLES, seed, now: context.now });
  const content = join(context.workDir, 'checker-content');
  writeCorpus(content, corpus);
  const walls: number[] = [];
  let peak = 0;
  let ok = true;
  for (let run = 1; run <= Math.max(3, runs); run++) {
    const env = { NEWSDESK_CONTENT_DIR: content, NEWSDESK_NOW: context.now.toISOString() };
    const measured = await measureProcess(context, `content checker ${CHECKED_ARTICLES} run ${run}`, process.execPath, [checker, content], env, join(context.workDir, 'checker.log'));
    ok &&= measured.status === 0;
    walls.push(measured.wallMs);
    peak = Math.max(peak, measured.peakRss ?? 0);
  }
  timings.push({ what: 'content checker (`npm run check:content`)', articles: CHECKED_ARTICLES, ms: median(walls), note: `${ok ? 'passed' : 'FAILED (see checker.log)'}; peak ${formatBytes(peak)}` });

  for (const size of [...new Set([...sizes, RANKED_ARCHIVE])].sort((a, b) => a - b)) {
    const published = generateCorpus({ count: size, seed, now: context.now }).filter((article) => article.status === 'published');
    // The same mapping the build ranks, so the two cannot drift apart.
    const candidates = published.map((article) => relatedCandidate({ slug: article.slug, body: article.body, data: article }));
    const rankWalls: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      rankRelated(candidates, { limit: 5 });
      rankWalls.push(performance.now() - started);
    }
    timings.push({ what: 'related ranking (`rankRelated`, in process)', articles: size, ms: median(rankWalls), note: `${formatCount(published.length)} published; median of 3` });
  }
  return timings;
}
