/**
 * Astro's log destination for this site (astro.config.mjs `logger`): Astro's own, with its list of written pages
 * cut short on large archives (src/lib/build/page-lines.ts) and, under `npm run build`, naming the output folder
 * and leaving the last word to the build (src/lib/build/staged-lines.ts).
 */
import nodeDestination from 'astro/logger/node';
import { createPageLineFilter } from '../lib/build/page-lines.ts';
import { createStagedLineRewriter } from '../lib/build/staged-lines.ts';
import { inertLines } from '../lib/text/inert-line.ts';
import { settings } from '../settings.ts';

type Destination = ReturnType<typeof nodeDestination>;

/** Pages Astro lists one by one: all of a small site's, the first of a large one's. */
const LISTED_PAGES = 100;
/** Past those, a line for every this many pages. */
const PROGRESS_EVERY = 5_000;
/**
 * Astro warns, whenever a site has a CSP and Shiki, that Shiki colours code with inline styles a CSP refuses. This
 * site's CSP allows style attributes, Shiki's only kind (astro.config.mjs `security`), so every build and `astro dev`
 * would show a warning that does not apply; a warning an operator learns to ignore hides the next one.
 */
const SHIKI_CSP_WARNING = /^Shiki syntax highlighting uses inline styles/;

export default function astroLog(): Destination {
  // Which levels are shown is the logger's choice (`--verbose`, `--silent`): the destination writes whatever reaches it.
  const destination = nodeDestination({ level: 'debug' });
  type Event = Parameters<Destination['write']>[0];
  const pageLines = createPageLineFilter<Event>({ listedPages: LISTED_PAGES, progressEvery: PROGRESS_EVERY });
  const { swapInto } = settings;
  const staged = swapInto ? createStagedLineRewriter<Event>({ staging: settings.outDir, output: swapInto }) : (event: Event) => event;
  return {
    ...destination,
    write(event) {
      if (event.level === 'warn' && SHIKI_CSP_WARNING.test(event.message)) return;
      // Astro quotes file names and front matter in its messages: none of their lines may be read as a CI command.
      for (const kept of pageLines(staged(event))) destination.write({ ...kept, message: inertLines(kept.message) });
    },
  };
}
