/** Where a build's CPU time went over its course: CPU time by process role in fixed slices of wall time. */

/** Width of the slices the sampler fills; the report joins them into tenths of the build. */
export const CPU_SLICE_MS = 5000;

/** CPU milliseconds by role, one record per slice of CPU_SLICE_MS from the build's start (holes: nothing ran). */
export type CpuTimeline = Array<Record<string, number> | undefined>;

/** Adds CPU time a process of `role` used up to `atMs` after the start. */
export function addCpu(timeline: CpuTimeline, atMs: number, role: string, cpuMs: number): void {
  if (cpuMs <= 0) return;
  const slice = (timeline[Math.floor(atMs / CPU_SLICE_MS)] ??= {});
  slice[role] = (slice[role] ?? 0) + cpuMs;
}

export interface CpuPeriod {
  fromMs: number;
  toMs: number;
  /** Average cores each role kept busy over the period. */
  coresByRole: Record<string, number>;
  cores: number;
}

/** The timeline joined into `count` periods of about equal length (whole slices each), with cores busy in each. */
export function cpuPeriods(timeline: CpuTimeline, wallMs: number, count: number): CpuPeriod[] {
  const slices = Math.max(1, Math.ceil(wallMs / CPU_SLICE_MS));
  const periods: CpuPeriod[] = [];
  for (let period = 0; period < Math.min(count, slices); period++) {
    const first = Math.floor((period * slices) / Math.min(count, slices));
    const end = Math.floor(((period + 1) * slices) / Math.min(count, slices));
    const fromMs = first * CPU_SLICE_MS;
    const toMs = Math.min(wallMs, end * CPU_SLICE_MS);
    const cpuByRole: Record<string, number> = {};
    for (let slice = first; slice < end; slice++) for (const [role, ms] of Object.entries(timeline[slice] ?? {})) cpuByRole[role] = (cpuByRole[role] ?? 0) + ms;
    const length = Math.max(1, toMs - fromMs);
    const coresByRole = Object.fromEntries(Object.entries(cpuByRole).map(([role, ms]) => [role, ms / length]));
    periods.push({ fromMs, toMs, coresByRole, cores: Object.values(coresByRole).reduce((sum, cores) => sum + cores, 0) });
  }
  return periods;
}
