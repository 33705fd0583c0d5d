/** The scale targets, checked against what one bench run measured (where it measured the sizes they name). */
import { formatBytes } from '../text/format-bytes.ts';
import { maxOf, medianOf, inSequence } from './measured-stats.ts';
import { GROWTH_GOAL_MB_PER_1K, growthBetween } from './memory-growth.ts';
import { formatRatio, formatSeconds } from './report.ts';
import type { BuildResult, PeerResult } from './results.ts';

export const TARGETS = {
  /** The small case: Newsdesk within this multiple of the minimal Astro baseline's wall time. */
  small: { articles: 4000, ratio: 1.3 },
  /** The large archive, cold, on 2 cores: wall time and every process of the build together. */
  large: { articles: 100_000, wallMs: 6 * 60_000, peakBytes: 6 * 2 ** 30 },
  /** Memory growth between these two sizes, in MB per 1,000 articles. */
  growth: { from: 40_000, to: 100_000, mbPerThousand: GROWTH_GOAL_MB_PER_1K },
  /** Ahead of Hugo + Pagefind's CLI: no more wall time, at most this share of their peak memory. */
  peer: { articles: 20_000, wallRatio: 1, peakRatio: 0.5 },
} as const;

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const coldBuild = (results: readonly BuildResult[], kind: BuildResult['kind'], articles: number) =>
  results.find((result) => result.kind === kind && result.articles === articles && result.measured.some((m) => m.status === 0));
const wallOf = (result: BuildResult) => medianOf(result.measured.filter((m) => m.status === 0).map((m) => m.wallMs))!;
const peakOf = (result: BuildResult) => maxOf(result.measured.map((m) => m.peakTogether))!;

/** Each target whose sizes this run built, met or not. */
export function checkTargets(results: readonly BuildResult[], peers: readonly PeerResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { small, large, growth, peer } = TARGETS;

  const smallBuild = coldBuild(results, 'newsdesk', small.articles);
  const baseline = coldBuild(results, 'baseline', small.articles);
  if (smallBuild && baseline) {
    const ratio = wallOf(smallBuild) / wallOf(baseline);
    checks.push({ target: `${small.articles.toLocaleString('en-US')} articles within ${small.ratio}× the minimal Astro baseline`, measured: formatRatio(ratio), met: ratio <= small.ratio });
  }

  const largeBuild = coldBuild(results, 'newsdesk', large.articles);
  if (largeBuild) {
    checks.push({ target: `${large.articles.toLocaleString('en-US')} articles in at most ${formatSeconds(large.wallMs)} cold`, measured: formatSeconds(wallOf(largeBuild)), met: wallOf(largeBuild) <= large.wallMs });
    checks.push({ target: `${large.articles.toLocaleString('en-US')} articles with all processes together under ${formatBytes(large.peakBytes)}`, measured: formatBytes(peakOf(largeBuild)), met: peakOf(largeBuild) < large.peakBytes });
  }

  const from = coldBuild(results, 'newsdesk', growth.from);
  const to = coldBuild(results, 'newsdesk', growth.to);
  if (from && to) {
    const slope = growthBetween({ articles: growth.from, peak: peakOf(from) }, { articles: growth.to, peak: peakOf(to) }).mbPerThousand;
    checks.push({ target: `memory growth from ${growth.from.toLocaleString('en-US')} to ${growth.to.toLocaleString('en-US')} articles under ${growth.mbPerThousand} MB per 1,000`, measured: `${slope.toFixed(1)} MB per 1,000`, met: slope < growth.mbPerThousand });
  }

  const ours = coldBuild(results, 'newsdesk', peer.articles);
  const theirs = peers.find((result) => result.articles === peer.articles && result.pagefind && result.hugo.status === 0 && result.pagefind.status === 0);
  if (ours && theirs) {
    const pair = inSequence([theirs.hugo, theirs.pagefind!]);
    const wallRatio = wallOf(ours) / pair.wallMs;
    const peakRatio = peakOf(ours) / pair.peakTogether;
    checks.push({ target: `${peer.articles.toLocaleString('en-US')} articles in no more wall time than Hugo + Pagefind’s CLI`, measured: `${formatSeconds(wallOf(ours))} against ${formatSeconds(pair.wallMs)} (${formatRatio(wallRatio)})`, met: wallRatio <= peer.wallRatio });
    checks.push({ target: `${peer.articles.toLocaleString('en-US')} articles in at most half their peak memory`, measured: `${formatBytes(peakOf(ours))} against ${formatBytes(pair.peakTogether)} (${formatRatio(peakRatio)})`, met: peakRatio <= peer.peakRatio });
  }
  return checks;
}
