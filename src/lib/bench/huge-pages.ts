/**
 * The kernel's transparent huge pages mode, from /sys/kernel/mm/transparent_hugepage/enabled, which lists every mode
 * and brackets the one in force ("always [madvise] never" → "madvise"); undefined for anything else. Pagefind, a
 * static binary that never asks for huge pages, gets them only in "always" (BENCHMARKS.md, "Huge pages for Pagefind").
 */
export function hugePageMode(setting: string): string | undefined {
  return /\[([a-z]+)\]/.exec(setting)?.[1];
}
