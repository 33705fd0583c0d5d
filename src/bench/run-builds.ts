/** The bench's builds: for each corpus size, cold Newsdesk builds, baseline builds and warm rebuilds, taking turns. */
import { join } from 'node:path';
import type { BenchOptions } from '../lib/bench/bench-options.ts';
import { generateCorpus, summarizeCorpus } from '../lib/bench/corpus.ts';
import { formatCount } from '../lib/bench/report.ts';
import type { BuildResult } from '../lib/bench/results.ts';
import { buildBaseline, buildNewsdesk, type BuildContext } from './builds.ts';
import { editOneArticle, writeCorpus } from './corpus-files.ts';
import { scanOutput } from './scan-output.ts';

export async function runBuilds(context: BuildContext, options: BenchOptions): Promise<BuildResult[]> {
  const results: BuildResult[] = [];
  for (const size of options.sizes) {
    const sizeDir = join(context.workDir, String(size));
    const corpus = generateCorpus({ count: size, seed: options.seed, now: context.now });
    const content = join(sizeDir, 'content');
    writeCorpus(content, corpus);
    const summary = summarizeCorpus(corpus);
    context.log(`${formatCount(size)} articles (${formatCount(summary.published)} published, ${summary.drafts} drafts, ${summary.scheduled} scheduled, ${Math.round(summary.meanWords)} words on average)`);

    const newsdesk: BuildResult = { kind: 'newsdesk', articles: size, measured: [], phases: [] };
    const baseline: BuildResult = { kind: 'baseline', articles: size, measured: [], phases: [] };
    const warm: BuildResult = { kind: 'newsdesk warm', articles: size, measured: [], phases: [] };
    // Every build writes to folders of its own and nothing is deleted until the end: a CI build starts from a
    // fresh checkout, and on ext4 creating thousands of files right after deleting thousands is slower.
    for (let run = 1; run <= options.runs; run++) {
      const folder = (name: string) => join(sizeDir, `${name}-${run}`);
      const cache = folder('cache');
      const cold = await buildNewsdesk(context, `newsdesk ${size} run ${run}`, { content, dist: folder('dist'), cache, logFile: join(sizeDir, `newsdesk-${run}.log`) });
      newsdesk.measured.push(cold.measured);
      newsdesk.phases.push(cold.phases);
      if (run === options.runs && cold.measured.status === 0) newsdesk.output = scanOutput(folder('dist'), 'articles');

      if (!options.skipBaseline) {
        const base = await buildBaseline(context, `baseline ${size} run ${run}`, { content, dist: folder('baseline-dist'), cache: folder('baseline-cache'), logFile: join(sizeDir, `baseline-${run}.log`) });
        baseline.measured.push(base.measured);
        baseline.phases.push(base.phases);
        if (run === options.runs && base.measured.status === 0) baseline.output = scanOutput(folder('baseline-dist'), 'articles');
      }

      if (!options.skipWarm) {
        // The cold build's caches are kept and one article changes, as in an editor's commit; then it is put back.
        const undo = editOneArticle(content, corpus);
        const rebuilt = await buildNewsdesk(context, `newsdesk ${size} warm ${run}`, { content, dist: folder('warm-dist'), cache, logFile: join(sizeDir, `newsdesk-warm-${run}.log`) });
        undo();
        warm.measured.push(rebuilt.measured);
        warm.phases.push(rebuilt.phases);
      }
    }
    results.push(newsdesk);
    if (!options.skipBaseline) results.push(baseline);
    if (!options.skipWarm) results.push(warm);
  }
  return results;
}
