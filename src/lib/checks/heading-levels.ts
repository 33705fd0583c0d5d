/**
 * Body headings that skip a level. The page's headline is its one h1 and a body's `#` is shown as h2, so the body's
 * headings start at ## and go down one level at a time; screen-reader users move through a page by its levels, and a
 * jump from h1 to h3 reads as a missing section.
 */

/** A Markdown heading (`### Title`) whose level is more than one below the heading before it. */
export interface SkippedHeadingLevel {
  /** Offset of the heading's line in the body. */
  index: number;
  /** The level as written (3 for ###). */
  level: number;
  /** The deepest level it may have there. */
  deepestAllowed: number;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/gm;
const DEEP_HEADING = /^ {0,3}#{3,6}(?:[ \t]|$)/m;

/**
 * Whether `body` has a heading of level 3 or deeper, the only kind that can skip one: most bodies need no closer look.
 * The pattern, anchored at line starts, is tried only on a body that has `###`.
 */
export function mayHaveSkippedHeadingLevels(body: string): boolean {
  return body.includes('###') && DEEP_HEADING.test(body);
}

/** The skipped levels in `body`, whose code must already be blanked out (a `#` in code is no heading). */
export function skippedHeadingLevels(body: string): SkippedHeadingLevel[] {
  const skipped: SkippedHeadingLevel[] = [];
  // The headline, as the body's headings see it: a body h1 is shown as h2.
  let previous = 1;
  for (const match of body.matchAll(ATX_HEADING)) {
    const level = match[1]!.length;
    const shown = Math.max(level, 2);
    if (shown > previous + 1) skipped.push({ index: match.index, level, deepestAllowed: previous + 1 });
    previous = shown;
  }
  return skipped;
}
