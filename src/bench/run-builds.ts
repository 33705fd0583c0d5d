/**
 * The bench's runs, size by size: the corpus written once, then cold Newsdesk builds (whole or sharded), baseline
 * builds and warm rebuilds taking turns, the Hugo + Pagefind peer, and the dev server.
 */
import { join } from 'node:path';
import type { BenchOptions } from '../lib/bench/bench-options.ts';
import { formatCount, formatSeconds } from '../lib/bench/report.ts';
import type { BuildResult, CorpusWrite, DevResult, PeerResult, ShardedResult } from '../lib/bench/results.ts';
import { buildBaseline, buildNewsdesk, type BuildContext } from './builds.ts';
import { editOneArticle, writeSyntheticCorpus } from './corpus-files.ts';
import { measureDev } from './dev-server.ts';
import { buildPeer } from './peer.ts';
import { scanOutput } from './scan-output.ts';
import { buildSharded } from './shards.ts';
import { warmCardCache } from './warm-card-cache.ts';

export interface BenchRuns {
  results: BuildResult[];
  corpora: CorpusWrite[];
  peers: PeerResult[];
  sharded: ShardedResult[];
  dev: DevResult[];
}

/** `hugo` is the peer's binary, when it is to be built. */
export async function runBuilds(context: BuildContext, options: BenchOptions, hugo: string | undefined): Promise<BenchRuns> {
  const runs: BenchRuns = { results: [], corpora: [], peers: [], sharded: [], dev: [] };
  for (const size of options.sizes) {
    const sizeDir = join(context.workDir, String(size));
    context.log(`${formatCount(size)} articles: writing the corpus`);
    const corpus = writeSyntheticCorpus(join(sizeDir, 'content'), size, options.seed, context.now, options.bodyScale);
    const { content, summary } = corpus;
    runs.corpora.push({ articles: size, published: summary.published, planMs: corpus.planMs, writeMs: corpus.writeMs });
    context.log(`${formatCount(size)} articles written in ${formatSeconds(corpus.planMs + corpus.writeMs)} (${formatCount(summary.published)} published, ${summary.drafts} drafts, ${summary.scheduled} scheduled, ${Math.round(summary.meanWords)} words on average)`);

    // Not timed, with --warm-cards: a deploy keeps its card cache between runs.
    const cardCache = async (folder: string): Promise<string | undefined> => {
      if (!options.warmCards) return undefined;
      const cache = join(folder, 'card-cache');
      const cards = await warmCardCache(content, cache, context.now);
      context.log(`${formatCount(cards)} social cards cached in ${cache}`);
      return cache;
    };

    if (options.builds && options.shards) {
      const sharded = await buildSharded(context, size, content, join(sizeDir, `shards-${options.shards}`), options.shards, cardCache);
      if (sharded.error) context.log(`sharded build of ${formatCount(size)}: ${sharded.error}`);
      runs.sharded.push(sharded);
    }

    const newsdesk: BuildResult = { kind: 'newsdesk', articles: size, measured: [], phases: [] };
    const baseline: BuildResult = { kind: 'baseline', articles: size, measured: [], phases: [] };
    const warm: BuildResult = { kind: 'newsdesk warm', articles: size, measured: [], phases: [] };
    const wholeBuilds = options.builds && !options.shards;
    const cards = wholeBuilds ? await cardCache(sizeDir) : undefined;
    // Every build writes to folders of its own and nothing is deleted until the end: a CI build starts from a
    // fresh checkout, and on ext4 creating thousands of files right after deleting thousands is slower.
    for (let run = 1; run <= options.runs; run++) {
      const folder = (name: string) => join(sizeDir, `${name}-${run}`);
      const cache = folder('cache');
      if (wholeBuilds) {
        const cold = await buildNewsdesk(context, `newsdesk ${size} run ${run}`, { content, dist: folder('dist'), cache, cardCache: cards, logFile: join(sizeDir, `newsdesk-${run}.log`) });
        newsdesk.measured.push(cold.measured);
        newsdesk.phases.push(cold.phases);
        if (run === options.runs && cold.measured.status === 0) newsdesk.output = scanOutput(folder('dist'), 'articles');
      }

      if (!options.skipBaseline) {
        const base = await buildBaseline(context, `baseline ${size} run ${run}`, { content, dist: folder('baseline-dist'), cache: folder('baseline-cache'), logFile: join(sizeDir, `baseline-${run}.log`) });
        baseline.measured.push(base.measured);
        baseline.phases.push(base.phases);
        if (run === options.runs && base.measured.status === 0) baseline.output = scanOutput(folder('baseline-dist'), 'articles');
      }

      if (wholeBuilds && !options.skipWarm) {
        // The cold build's caches are kept and one article changes, as in an editor's commit; then it is put back.
        const undo = editOneArticle(content, corpus.sample.path);
        const rebuilt = await buildNewsdesk(context, `newsdesk ${size} warm ${run}`, { content, dist: folder('warm-dist'), cache, cardCache: cards, logFile: join(sizeDir, `newsdesk-warm-${run}.log`) });
        undo();
        warm.measured.push(rebuilt.measured);
        warm.phases.push(rebuilt.phases);
      }
    }
    for (const result of [newsdesk, baseline, warm]) if (result.measured.length > 0) runs.results.push(result);

    if (hugo) runs.peers.push(await buildPeer(context, hugo, size, content, join(sizeDir, 'peer')));
    if (options.dev) {
      const dev = await measureDev(context, size, content, corpus.sample, join(sizeDir, 'dev'));
      if (dev.error) context.log(`dev server on ${formatCount(size)}: ${dev.error}`);
      runs.dev.push(dev);
    }
  }
  return runs;
}
