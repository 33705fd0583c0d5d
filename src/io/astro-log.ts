/**
 * Astro's log destination for this site (astro.config.mjs `logger`): Astro's own, with its list of written pages
 * cut short on large archives (src/lib/build/page-lines.ts).
 */
import nodeDestination from 'astro/logger/node';
import { createPageLineFilter } from '../lib/build/page-lines.ts';

type Destination = ReturnType<typeof nodeDestination>;

/** Pages Astro lists one by one: all of a small site's, the first of a large one's. */
const LISTED_PAGES = 100;
/** Past those, a line for every this many pages. */
const PROGRESS_EVERY = 5_000;

export default function astroLog(): Destination {
  // Which levels are shown is the logger's choice (`--verbose`, `--silent`): the destination writes whatever reaches it.
  const destination = nodeDestination({ level: 'debug' });
  const pageLines = createPageLineFilter<Parameters<Destination['write']>[0]>({ listedPages: LISTED_PAGES, progressEvery: PROGRESS_EVERY });
  return {
    ...destination,
    write(event) {
      for (const kept of pageLines(event)) destination.write(kept);
    },
  };
}
