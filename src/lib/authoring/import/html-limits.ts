/**
 * Bounds on one piece of feed HTML, checked on the text as the feed sent it, before anything parses it in full:
 * the Markdown conversion walks the element tree recursively, and htmlparser2 (under sanitize-html and the text
 * extractor) spends time proportional to the depth on every tag, so a hostile item nested thousands deep would
 * overflow the stack or take minutes. Within these bounds every parse's time is bounded too. Real articles nest
 * a dozen deep and weigh kilobytes.
 */
import { Parser } from 'htmlparser2';

/** Elements open at once. */
export const MAX_HTML_DEPTH = 100;
/** Characters of HTML in one item. */
export const MAX_HTML_LENGTH = 2_000_000;

/** Feed HTML the importer will not read: too large or too deeply nested (the message says which). */
export class HtmlTooComplexError extends Error {}

/** Why this HTML is beyond what the importer reads, or undefined when it is within bounds. Linear in its length. */
export function htmlLimitProblem(html: string): string | undefined {
  if (html.length > MAX_HTML_LENGTH) {
    return `its HTML is ${(html.length / 1e6).toFixed(1)} million characters long, more than the ${MAX_HTML_LENGTH / 1e6} million an article can be`;
  }
  let depth = 0;
  let tooDeep = false;
  // htmlparser2's own rules (void elements, end tags it implies, such as an unclosed <p> before the next), so
  // the depth is the one the later parses see; stopping past the bound keeps each of its steps short.
  const parser = new Parser({
    onopentag() {
      if (++depth > MAX_HTML_DEPTH) {
        tooDeep = true;
        parser.pause();
      }
    },
    onclosetag() {
      depth--;
    },
  });
  parser.write(html);
  if (tooDeep) return `its HTML nests more than ${MAX_HTML_DEPTH} elements deep, deeper than any article needs`;
  parser.end();
  return undefined;
}

/** Throws HtmlTooComplexError when `html` is beyond the bounds; every parse of feed HTML starts here. */
export function assertHtmlWithinLimits(html: string): void {
  const problem = htmlLimitProblem(html);
  if (problem) throw new HtmlTooComplexError(problem);
}
