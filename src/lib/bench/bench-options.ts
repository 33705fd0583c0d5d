/** `npm run bench` arguments, checked. */
import { parseArgs } from 'node:util';

export const BENCH_USAGE =
  'usage: npm run bench -- [--articles 1000,4000,10000] [--runs 3] [--seed N] [--skip-baseline] [--skip-warm] [--skip-extras] [--keep] [--cpu-prof] [--json FILE]\n' +
  '       npm run bench -- --cards [--cold 4000] [--warm 100000] [--skip-build] [--seed N] [--keep]';

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
  skipBaseline: boolean;
  skipWarm: boolean;
  /** Skip the checker and ranking timings. */
  skipExtras: boolean;
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
      'skip-baseline': { type: 'boolean', default: false },
      'skip-warm': { type: 'boolean', default: false },
      'skip-extras': { type: 'boolean', default: false },
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
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) throw new Error(BENCH_USAGE);
  if (!values.cards && CARD_ONLY.some((name) => values[name] !== undefined)) throw new Error(BENCH_USAGE);
  const cards = values.cards ? { cold: count(values.cold ?? '4000'), warm: count(values.warm ?? '100000'), skipBuild: values['skip-build'] ?? false } : undefined;
  if (cards && (!Number.isInteger(cards.cold) || cards.cold < 1 || !Number.isInteger(cards.warm) || cards.warm < 0)) throw new Error(BENCH_USAGE);
  return {
    sizes,
    runs,
    seed,
    skipBaseline: values['skip-baseline'],
    skipWarm: values['skip-warm'],
    skipExtras: values['skip-extras'],
    keep: values.keep,
    cpuProf: values['cpu-prof'],
    json: values.json,
    ...(cards ? { cards } : {}),
  };
}
