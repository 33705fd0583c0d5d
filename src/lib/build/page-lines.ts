/**
 * Astro lists every page it writes on a line of its own: on a large archive, hundreds of thousands of lines that
 * bury the build's warnings and make CI logs slow to open. These keep the first pages, each on a line of its own,
 * then only a line every so many pages saying how many have been reached.
 */

/** What Astro's logger hands a log destination. */
export interface AstroLogEvent {
  label: string | null;
  level: string;
  message: string;
  newLine: boolean;
}

export interface PageLineOptions {
  /** Pages listed one by one, as Astro lists them, before the count takes over. */
  listedPages: number;
  /** After those, a line each time the count of pages reaches a multiple of this. */
  progressEvery: number;
}

/**
 * Astro writes a page as two events: `├─ <file>` without a line end when it starts the page, then what the page took
 * (`(+12ms)`) to end the line once written, or `(cached)` at once for a page it kept. Four pages are in flight at a
 * time, so an end seldom follows its own page: left as they come, several files share a line and the times name
 * the wrong pages. Here each listed page is a line of its own; a time, which cannot be told apart, is dropped.
 */
const PAGE_FILE = /^\s*(?:\u001b\[[\d;]*m)*\u251C\u2500/;
const PAGE_END = /^ (?:\u001b\[[\d;]*m)*\(/;
/** A page end that belongs to the page just started: Astro writes it at once, with no rendering between. */
const KEPT_PAGE = /\((?:cached|restored)\)/;
/** A page end that reports a problem (an empty response, no file written) rather than a time: always shown. */
const PAGE_PROBLEM = /not created/;

function isPageFile(event: AstroLogEvent): boolean {
  return event.label === null && !event.newLine && PAGE_FILE.test(event.message);
}

function isPageEnd(event: AstroLogEvent): boolean {
  return event.label === 'SKIP_FORMAT' && event.newLine && PAGE_END.test(event.message);
}

/**
 * A filter over Astro's log events: returns the events to write in place of each one. Everything that is not a
 * page line passes unchanged.
 */
export function createPageLineFilter<Event extends AstroLogEvent>({ listedPages, progressEvery }: PageLineOptions): (event: Event) => Event[] {
  let pages = 0;
  // The listed page last started, held until the next event says whether Astro kept it.
  let started: Event | undefined;
  return (event) => {
    const written: Event[] = [];
    if (started) {
      const kept = isPageEnd(event) && KEPT_PAGE.test(event.message);
      written.push({ ...started, message: kept ? started.message + event.message : started.message, newLine: true });
      started = undefined;
      if (kept) return written;
    }
    if (isPageFile(event)) {
      pages++;
      if (pages <= listedPages) started = event;
      else if (pages % progressEvery === 0) written.push({ ...event, message: `  \u251C\u2500 … ${pages.toLocaleString('en-US')} pages`, newLine: true });
    } else if (!isPageEnd(event) || PAGE_PROBLEM.test(event.message)) {
      written.push(event);
    }
    return written;
  };
}
