/** `npm run bench` arguments, checked. */
import { parseArgs } from 'node:util';
import { MAX_SHARDS } from '../site/shards.ts';
import { SAMPLE_EVERY_MS } from './results.ts';

export const BENCH_USAGE =
  'usage: npm run bench -- [--articles 1000,4000,10000] [--runs 3] [--seed N] [--skip-baseline] [--skip-warm] [--skip-extras] [--skip-peer]\n' +
  '                        [--body-scale X] [--newsdesk-only] [--shards K] [--dev | --dev-only] [--warm-cards] [--keep] [--cpu-prof] [--json FILE]\n' +
  '       npm run bench -- --cards [--cold 4000] [--warm 100000] [--skip-build] [--seed N] [--keep]';

/** `npm run bench -- --help`: every option, what it does. */
export const BENCH_HELP = `${BENCH_USAGE}

Builds deterministic synthetic archives and prints Markdown tables: wall time, memory of each process of the
build and of all of them at once (sampled every ${SAMPLE_EVERY_MS} ms), dist/ size, time by phase, memory growth between sizes
and the scale targets (4,000 articles against the baseline, 100,000 in 6 minutes and 6 GB, growth, the peer).

  --articles N,N,…   corpus sizes, in order (default 1000,4000; underscores allowed: 100_000)
  --runs N           cold builds per size; medians reported (default 1)
  --seed N           corpus seed (default 1)
  --body-scale X     every article body's length times X (default 1: about 780 words on average; 4 gives an
                     archive of long reads)
  --skip-baseline    no minimal Astro baseline (it cannot build very large archives)
  --skip-warm        no warm rebuild after one edited article
  --skip-extras      no content checker and related ranking timings
  --skip-peer        no Hugo + Pagefind CLI build, which otherwise runs at every size when \`hugo\` is on PATH
                     (never installed by the bench; Debian: sudo apt-get install hugo)
  --newsdesk-only    only Newsdesk's cold builds: the same as all four --skip options (for large archives)
  --shards K         build Newsdesk as K parts one after another (npm run build -- --shard i/K, each with its own
                     NEWSDESK_DIST and cache, the same NEWSDESK_NOW), then npm run build -- --merge <parts…>;
                     reports each part's and the merge's time and memory (no warm rebuild)
  --dev              also time \`astro dev\` on each corpus: until ready, and until the newest article's page
                     answers 200 with its headline; its memory; then it is stopped with all it started
  --dev-only         only that (no builds, baseline, peer or extras)
  --warm-cards       Newsdesk builds find their social cards in a warm card cache, as a deploy that keeps its
                     cache does (by default they draw every card, as a first build does)
  --keep             leave the temporary corpora, outputs and logs
  --cpu-prof         write V8 CPU profiles of the builds
  --json FILE        also write the raw results
  --cards            the social card benchmark instead (--cold N, --warm N, --skip-build, --seed N, --keep)`;

/** `--cards`: the social card benchmark instead of the build benchmark. */
export interface CardBenchOptions {
  /** Articles whose cards are made from a cold cache (and built with a cold and a warm card cache). */
  cold: number;
  /** Articles whose cards are all cached already; 0 skips that run. */
  warm: number;
  /** Leave out the two full builds. */
  skipBuild: boolean;
}

export interface BenchOptions {
  /** Corpus sizes to build, in order. */
  sizes: number[];
  /** Cold builds per size (medians are reported). */
  runs: number;
  seed: number;
  /** Every body's length times this (the corpus's `bodyScale`). */
  bodyScale: number;
  skipBaseline: boolean;
  skipWarm: boolean;
  /** Skip the checker and ranking timings. */
  skipExtras: boolean;
  /** Leave out Hugo + Pagefind's CLI, which otherwise run whenever a `hugo` binary is on PATH. */
  skipPeer: boolean;
  /** Build Newsdesk as this many parts one after another, then merge them, instead of in one build. */
  shards?: number;
  /** Run the Newsdesk (or sharded) build at each size; false with `--dev-only`. */
  builds: boolean;
  /** Measure `astro dev` on each size's corpus: time until ready and until an article page answers. */
  dev: boolean;
  /** Builds start with an empty social card cache instead of a warm one. */
  warmCards: boolean;
  /** Leave the temporary corpora and outputs behind. */
  keep: boolean;
  /** Write V8 CPU profiles of the builds. */
  cpuProf: boolean;
  /** Also write the raw results to this file. */
  json?: string;
  /** Set with `--cards`: measure the social cards instead of the builds. */
  cards?: CardBenchOptions;
}

const CARD_ONLY = ['cold', 'warm', 'skip-build'] as const;
const count = (text: string) => Number(text.trim().replace(/_/g, ''));

/** Throws an Error whose message is the usage line when the arguments make no sense. */
export function parseBenchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      articles: { type: 'string', default: '1000,4000' },
      runs: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      'body-scale': { type: 'string', default: '1' },
      'skip-baseline': { type: 'boolean', default: false },
      'skip-warm': { type: 'boolean', default: false },
      'skip-extras': { type: 'boolean', default: false },
      'skip-peer': { type: 'boolean', default: false },
      'newsdesk-only': { type: 'boolean', default: false },
      shards: { type: 'string' },
      dev: { type: 'boolean', default: false },
      'dev-only': { type: 'boolean', default: false },
      'warm-cards': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      json: { type: 'string' },
      cards: { type: 'boolean', default: false },
      cold: { type: 'string' },
      warm: { type: 'string' },
      'skip-build': { type: 'boolean' },
    },
  });
  const sizes = values.articles.split(',').map(count);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const bodyScale = Number(values['body-scale']);
  if (!Number.isFinite(bodyScale) || bodyScale <= 0 || bodyScale > 20) throw new Error(`--body-scale ${values['body-scale']}: a number above 0, at most 20\n${BENCH_USAGE}`);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) throw new Error(BENCH_USAGE);
  if (!values.cards && CARD_ONLY.some((name) => values[name] !== undefined)) throw new Error(BENCH_USAGE);
  const shards = values.shards === undefined ? undefined : Number(values.shards);
  if (shards !== undefined && (!Number.isInteger(shards) || shards < 2 || shards > MAX_SHARDS)) throw new Error(`--shards ${values.shards}: a whole number from 2 to ${MAX_SHARDS}\n${BENCH_USAGE}`);
  if (values['dev-only'] && shards !== undefined) throw new Error(`--dev-only builds nothing to shard\n${BENCH_USAGE}`);
  const cards = values.cards ? { cold: count(values.cold ?? '4000'), warm: count(values.warm ?? '100000'), skipBuild: values['skip-build'] ?? false } : undefined;
  if (cards && (!Number.isInteger(cards.cold) || cards.cold < 1 || !Number.isInteger(cards.warm) || cards.warm < 0)) throw new Error(BENCH_USAGE);
  return {
    sizes,
    runs,
    seed,
    bodyScale,
    // The smallest run at large sizes: only Newsdesk's own cold builds (or the dev server).
    skipBaseline: values['skip-baseline'] || values['newsdesk-only'] || values['dev-only'],
    // A warm rebuild reuses the cache of one whole build, which a sharded build does not leave.
    skipWarm: values['skip-warm'] || values['newsdesk-only'] || values['dev-only'] || shards !== undefined,
    skipExtras: values['skip-extras'] || values['newsdesk-only'] || values['dev-only'],
    skipPeer: values['skip-peer'] || values['newsdesk-only'] || values['dev-only'],
    ...(shards === undefined ? {} : { shards }),
    builds: !values['dev-only'],
    dev: values.dev || values['dev-only'],
    warmCards: values['warm-cards'],
    keep: values.keep,
    cpuProf: values['cpu-prof'],
    json: values.json,
    ...(cards ? { cards } : {}),
  };
}
