/**
 * A `---` typed right under a line of text, meant as a rule between two parts of an article: Markdown reads it as
 * underlining the paragraph above, which becomes a heading (## …), so a sentence shows in large type and joins the
 * page's outline. A blank line above it makes it the rule it was meant to be.
 */

/** A line of dashes alone, as Markdown takes for a rule or, under text, a heading's underline. */
const DASHES = /^ {0,3}-{3,}[ \t]*$/;
/**
 * A line Markdown continues a paragraph with: not blank, and not a heading, list item, quote, table row, HTML,
 * indented code or a rule of its own (under any of which `---` is a rule).
 */
const PARAGRAPH_TEXT = /^ {0,3}(?![#>|<]|[-*+][ \t]|\d{1,9}[.)][ \t]|[-*_][ \t]*[-*_][ \t]*[-*_])\S/;

/** The offsets of the `---` lines of `body` that underline a paragraph; its code must already be blanked out. */
export function dashUnderlines(body: string): number[] {
  const found: number[] = [];
  let index = 0;
  let previous = '';
  for (const line of body.split('\n')) {
    if (DASHES.test(line) && PARAGRAPH_TEXT.test(previous)) found.push(index);
    previous = line;
    index += line.length + 1;
  }
  return found;
}
