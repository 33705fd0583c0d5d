/**
 * Bounds on one feed item's HTML before it is turned into Markdown: the conversion walks the element tree
 * recursively, so a hostile item nested a few thousand deep would overflow the stack and stop the whole import.
 * Within these bounds the conversion's time is bounded too. Real articles nest a dozen deep and weigh kilobytes.
 */
import { Parser } from 'htmlparser2';

/** Elements open at once. */
export const MAX_HTML_DEPTH = 100;
/** Characters of HTML in one item. */
export const MAX_HTML_LENGTH = 2_000_000;

/** Why this HTML is beyond what the importer converts, or undefined when it is within bounds. */
export function htmlLimitProblem(html: string): string | undefined {
  if (html.length > MAX_HTML_LENGTH) {
    return `its HTML is ${(html.length / 1e6).toFixed(1)} million characters long, more than the ${MAX_HTML_LENGTH / 1e6} million an article can be`;
  }
  let depth = 0;
  let deepest = 0;
  // htmlparser2 reads as a stream and reports implied end tags, so its own depth never costs stack.
  const parser = new Parser({
    onopentag() {
      deepest = Math.max(deepest, ++depth);
    },
    onclosetag() {
      depth--;
    },
  });
  parser.write(html);
  parser.end();
  return deepest > MAX_HTML_DEPTH ? `its HTML nests ${deepest} elements deep, more than the ${MAX_HTML_DEPTH} any article needs` : undefined;
}
