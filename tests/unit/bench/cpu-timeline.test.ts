import { describe, expect, it } from 'vitest';
import { addCpu, cpuPeriods, CPU_SLICE_MS, type CpuTimeline } from '../../../src/lib/bench/cpu-timeline.ts';

describe('the CPU timeline of a build', () => {
  it('adds each sample’s CPU time to the slice of wall time it was taken in, by role', () => {
    const timeline: CpuTimeline = [];
    addCpu(timeline, 100, 'astro', 90);
    addCpu(timeline, 4_900, 'astro', 10);
    addCpu(timeline, 5_000, 'astro', 40);
    addCpu(timeline, 12_000, 'pagefind', 30);
    addCpu(timeline, 12_100, 'astro', 0);
    expect(timeline).toEqual([{ astro: 100 }, { astro: 40 }, { pagefind: 30 }]);
  });

  it('joins slices into periods and gives the cores each role kept busy, with idle slices counted as idle', () => {
    const timeline: CpuTimeline = [];
    // Four slices: astro on one core throughout, pagefind on a second core in the last slice only; slice 3 is empty for pagefind.
    for (let slice = 0; slice < 4; slice++) addCpu(timeline, slice * CPU_SLICE_MS, 'astro', CPU_SLICE_MS);
    addCpu(timeline, 3 * CPU_SLICE_MS, 'pagefind', CPU_SLICE_MS);
    const periods = cpuPeriods(timeline, 4 * CPU_SLICE_MS, 2);
    expect(periods.map((period) => [period.fromMs, period.toMs, period.cores])).toEqual([
      [0, 2 * CPU_SLICE_MS, 1],
      [2 * CPU_SLICE_MS, 4 * CPU_SLICE_MS, 1.5],
    ]);
    expect(periods[1]!.coresByRole).toEqual({ astro: 1, pagefind: 0.5 });
  });

  it('makes no more periods than there are slices, and ends the last at the end of the build', () => {
    const timeline: CpuTimeline = [];
    addCpu(timeline, 0, 'astro', 1_000);
    addCpu(timeline, 6_000, 'astro', 1_000);
    const periods = cpuPeriods(timeline, 7_000, 10);
    expect(periods.map((period) => [period.fromMs, period.toMs])).toEqual([[0, 5_000], [5_000, 7_000]]);
    expect(periods[1]!.cores).toBe(0.5);
  });
});
