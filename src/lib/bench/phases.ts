/**
 * A build's phases, from two sources: the timings Newsdesk's own steps write (NEWSDESK_TIMING, one JSON line per
 * phase) and, for the phases inside Astro, Astro's own log lines, each stamped on arrival with milliseconds since
 * the build started.
 */

export interface LogLine {
  ms: number;
  text: string;
}

/** One line of the NEWSDESK_TIMING file. */
export interface PhaseTiming {
  phase:
    | 'check' // the content check, from the start of the build to its end
    | 'collection-load' // the first getCollection(), before the site index
    | 'site-index' // building the site index
    | 'search' // the search index (src/cli/search-index.ts, Pagefind included), by its own clock
    | 'search-wait'; // from Astro's end to the search index's
  ms: number;
}

export interface BuildPhases {
  /** The content checker the build script runs beside Astro: from the build's start to its end. */
  check?: number;
  /** Astro's content layer: reading, validating and rendering Markdown into the data store. */
  sync?: number;
  /** Vite bundling of the pages and components. */
  bundle?: number;
  /** The first getCollection(): Astro imports its data store back as one module, reported by src/site.ts. */
  load?: number;
  /** src/lib/site/site-index.ts: publish rules, tags, authors, reading times and related ranking (most of it). */
  index?: number;
  /** Generating static routes, without the two above. */
  render?: number;
  /** The search index (src/cli/search-index.ts, Pagefind included), which runs beside Astro: its own duration. */
  search?: number;
  /** How long the build still waited for the search index after Astro had finished. */
  searchWait?: number;
  /** How many times the site index was built: once per build is the design. */
  indexBuilds: number;
}

export function parsePhases(astroLines: readonly LogLine[], timings: readonly PhaseTiming[]): BuildPhases {
  const at = (pattern: RegExp, from = 0): number | undefined => {
    for (let i = from; i < astroLines.length; i++) if (pattern.test(astroLines[i]!.text)) return i;
    return undefined;
  };
  const span = (start: RegExp, end: RegExp): number | undefined => {
    const first = at(start);
    const last = first === undefined ? undefined : at(end, first + 1);
    return first === undefined || last === undefined ? undefined : astroLines[last]!.ms - astroLines[first]!.ms;
  };
  /** The sum of a phase's timings (a phase measured twice shows as more time), or undefined if never measured. */
  const total = (phase: PhaseTiming['phase']): number | undefined => {
    const found = timings.filter((timing) => timing.phase === phase);
    return found.length === 0 ? undefined : found.reduce((sum, timing) => sum + timing.ms, 0);
  };

  const load = total('collection-load');
  const index = total('site-index');
  const routes = span(/generating static routes/, /✓ Completed in/);
  return {
    check: total('check'),
    sync: span(/\[content\] Syncing content/, /\[content\] Synced content/),
    bundle: span(/Building static entrypoints/, /generating static routes/),
    load,
    index,
    render: routes === undefined ? undefined : routes - (index ?? 0) - (load ?? 0),
    search: total('search'),
    searchWait: total('search-wait'),
    indexBuilds: timings.filter((timing) => timing.phase === 'site-index').length,
  };
}
