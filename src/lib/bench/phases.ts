/** Reads build phases out of a build's log lines, each stamped on arrival with milliseconds since the build started. */

export interface LogLine {
  ms: number;
  text: string;
}

export interface BuildPhases {
  /** The content checker the build script runs before Astro: start to its "N files checked" line. */
  check?: number;
  /** Astro's content layer: reading, validating and rendering Markdown into the data store. */
  sync?: number;
  /** Vite bundling of the pages and components. */
  bundle?: number;
  /** The first getCollection(): Astro imports its data store back as one module, reported by src/site.ts. */
  load?: number;
  /** src/lib/site-index.ts: publish rules, tags, authors, reading times and related ranking (most of it). */
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

const SEARCH_LINE = /^Search index: \d+ articles in (\d+) ms/;
const INDEX_LINE = /\[newsdesk\] site index: \d+ articles in (\d+) ms after (\d+) ms loading the collection/;

export function parsePhases(lines: readonly LogLine[]): BuildPhases {
  const at = (pattern: RegExp, from = 0): number | undefined => {
    for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]!.text)) return i;
    return undefined;
  };
  const span = (start: RegExp, end: RegExp): number | undefined => {
    const first = at(start);
    const last = first === undefined ? undefined : at(end, first + 1);
    return first === undefined || last === undefined ? undefined : lines[last]!.ms - lines[first]!.ms;
  };

  let index: number | undefined;
  let load: number | undefined;
  let indexBuilds = 0;
  for (const line of lines) {
    const match = INDEX_LINE.exec(line.text);
    if (!match) continue;
    indexBuilds++;
    index = (index ?? 0) + Number(match[1]);
    load = (load ?? 0) + Number(match[2]);
  }
  const checked = at(/\bfiles? checked\b/);
  const searched = at(SEARCH_LINE);
  const routes = span(/generating static routes/, /✓ Completed in/);
  return {
    check: checked === undefined ? undefined : lines[checked]!.ms,
    sync: span(/\[content\] Syncing content/, /\[content\] Synced content/),
    bundle: span(/Building static entrypoints/, /generating static routes/),
    load,
    index,
    render: routes === undefined ? undefined : routes - (index ?? 0) - (load ?? 0),
    search: searched === undefined ? undefined : Number(SEARCH_LINE.exec(lines[searched]!.text)![1]),
    searchWait: span(/\[build\] Complete!/, /Site written to/),
    indexBuilds,
  };
}
