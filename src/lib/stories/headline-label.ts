/**
 * The label an outlet puts before a headline to say what kind of piece it is ("Analysis:", "BREAKING:", a wire's
 * "UPDATE 2-"): no part of what the headline tells, so grouping reads the headline without it.
 */

/** Labels, lower-cased, as outlets write them before a colon or, on the wires, in capitals before a hyphen. */
const LABELS: ReadonlySet<string> = new Set([
  'analysis', 'breaking', 'breaking news', 'exclusive', 'scoop', 'update', 'updated', 'updates', 'live', 'live updates', 'live blog',
  'developing', 'just in', 'correction', 'corrected', 'clarification', 'opinion', 'comment', 'editorial', 'explainer', 'explained',
  'fact check', 'factbox', 'q&a', 'interview', 'review', 'hands-on', 'first look', 'preview', 'watch', 'video', 'podcast', 'listen',
  'feature', 'deep dive', 'sponsored', 'refile', 'rpt', 'wrapup', 'insight',
]);

/** "Analysis: …", "Live updates: …" */
const BEFORE_COLON = /^\s*([^:]{1,20}?)\s*:\s+(?=\S)/u;
/** "UPDATE 2-…", "CORRECTED-…", "REFILE-UPDATE 1-…": the wires' labels, in capitals, perhaps numbered, one after another. */
const WIRE = /^\s*([A-Z][A-Z&]*(?: [A-Z][A-Z&]*)?)(?: \d+)?\s?-(?=\S)/u;

/** The headline without its labels; a headline that is only a label ("Live updates") is kept as it is. */
export function withoutHeadlineLabel(title: string): string {
  let rest = title;
  for (;;) {
    const match = BEFORE_COLON.exec(rest) ?? WIRE.exec(rest);
    if (!match || !LABELS.has(match[1]!.toLowerCase().replace(/\s+/g, ' '))) return rest;
    rest = rest.slice(match[0].length);
  }
}
