/** A duration for people reading a command's output, as Astro's own lines give it: `16ms`, `4.2s`, `49s`, `2m 25s`. */
export function formatDuration(ms: number): string {
  // A step that found all its work cached ends in milliseconds, which `0.0s` would hide.
  if (ms < 100) return `${Math.round(ms)}ms`;
  const seconds = ms / 1000;
  if (seconds < 10) return `${(Math.floor(seconds * 10) / 10).toFixed(1)}s`;
  const whole = Math.floor(seconds);
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m ${whole % 60}s`;
}
