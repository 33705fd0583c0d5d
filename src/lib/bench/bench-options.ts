/** `npm run bench` arguments, checked. */
import { parseArgs } from 'node:util';

export const BENCH_USAGE =
  'usage: npm run bench -- [--articles 1000,4000,10000] [--runs 3] [--seed N] [--skip-baseline] [--skip-warm] [--skip-extras] [--keep] [--cpu-prof] [--json FILE]';

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
}

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
    },
  });
  const sizes = values.articles.split(',').map((text) => Number(text.trim().replace(/_/g, '')));
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) throw new Error(BENCH_USAGE);
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
  };
}
