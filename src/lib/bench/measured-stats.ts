/** Summaries over repeated measurements: medians of times, maxima of peaks, and sequential steps taken as one. */
import { median } from './report.ts';
import type { Measured } from './results.ts';

export const medianOf = (values: ReadonlyArray<number | undefined>): number | undefined => {
  const known = values.filter((value): value is number => value !== undefined && Number.isFinite(value));
  return known.length === 0 ? undefined : median(known);
};

export const maxOf = (values: ReadonlyArray<number | undefined>): number | undefined => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
};

/** Steps run one after another, as one: their times add up, their peaks do not (the largest is the peak). */
export function inSequence(steps: readonly Measured[]): Measured {
  const peakByRole: Record<string, number> = {};
  for (const step of steps) for (const [role, peak] of Object.entries(step.peakByRole)) peakByRole[role] = Math.max(peakByRole[role] ?? 0, peak);
  const cpuByRole: Record<string, number> = {};
  for (const step of steps) for (const [role, cpuMs] of Object.entries(step.cpuByRole ?? {})) cpuByRole[role] = (cpuByRole[role] ?? 0) + cpuMs;
  return {
    wallMs: steps.reduce((sum, step) => sum + step.wallMs, 0),
    peakRss: maxOf(steps.map((step) => step.peakRss)),
    peakTogether: Math.max(0, ...steps.map((step) => step.peakTogether)),
    peakByRole,
    cpuByRole,
    lines: [],
    status: steps.find((step) => step.status !== 0)?.status ?? 0,
  };
}
