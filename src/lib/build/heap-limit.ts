/**
 * Node's default V8 heap is a quarter of the machine's memory (at most about 4 GB): on a 7 GB runner Astro would
 * stop near 1.8 GB while most of the machine stays free. The build gives Astro a fixed share of the memory instead.
 */
const ASTRO_SHARE = 0.6;
const MEGABYTE = 2 ** 20;

/** `--max-old-space-size` for Astro on a machine with `totalMemory` bytes, unless NODE_OPTIONS already sets one. */
export function astroHeapOption(totalMemory: number, nodeOptions: string | undefined): string | undefined {
  if (nodeOptions?.includes('--max-old-space-size')) return undefined;
  return `--max-old-space-size=${Math.floor((totalMemory * ASTRO_SHARE) / MEGABYTE)}`;
}

/** The heap limit an option string sets, in bytes (for messages), or undefined when it sets none. */
export function heapLimitOf(nodeOptions: string | undefined): number | undefined {
  const match = /--max-old-space-size[= ](\d+)/.exec(nodeOptions ?? '');
  return match ? Number(match[1]) * MEGABYTE : undefined;
}
