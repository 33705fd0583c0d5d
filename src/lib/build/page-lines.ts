/**
 * Astro lists every page it writes on a line of its own: on a large archive, hundreds of thousands of lines that
 * bury the build's warnings and make CI logs slow to open. These keep the first pages as Astro lists them, then
 * only a line every so many pages saying how many have been reached.
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
 * (`(+12ms)`, or `(cached)`) to end the line once written. Four pages are in flight at a time, so the two do not
 * always follow each other.
 */
const PAGE_FILE = /^\s*(?:\u001b\[[\d;]*m)*\u251C\u2500/;
const PAGE_END = /^ (?:\u001b\[[\d;]*m)*\(/;

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
  // Listed pages whose line is still open: as many line ends pass, every later one is dropped with its page.
  let openLines = 0;
  return (event) => {
    if (isPageFile(event)) {
      pages++;
      if (pages <= listedPages) {
        openLines++;
        return [event];
      }
      return pages % progressEvery === 0 ? [{ ...event, message: `  \u251C\u2500 … ${pages.toLocaleString('en-US')} pages`, newLine: true }] : [];
    }
    if (isPageEnd(event)) {
      if (openLines === 0) return [];
      openLines--;
    }
    return [event];
  };
}
