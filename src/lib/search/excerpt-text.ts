/**
 * Text as the search index must hold it for Pagefind's result excerpts to read as the text itself. Pagefind builds
 * an excerpt as HTML from the text it indexed, escaping `<` and `>` but not `&`, so a character reference written in
 * an article (`&lt;script&gt;` shown as such) would be read by the browser as the character it names.
 */
import { characterEntitiesLegacy } from 'character-entities-legacy';

/**
 * What follows an `&` that HTML reads as the start of a character reference: a number (`&#60;`, `&#x3C;`), a name
 * closed by `;` (any name: escaping one that names nothing is harmless), or a legacy name, which HTML reads even
 * unclosed (`&copy`). Every other `&` stays as it is, so that words such as AT&T and R&D are indexed as typed.
 */
const REFERENCE_AFTER = `(?=#(?:\\d|[xX][\\da-fA-F])|[\\da-zA-Z]+;|${characterEntitiesLegacy.join('|')})`;
const REFERENCE_START = new RegExp(`&${REFERENCE_AFTER}`, 'g');
const ESCAPED_REFERENCE_START = new RegExp(`&(?:amp|AMP|#0*38|#[xX]0*26);${REFERENCE_AFTER}`, 'g');

/** `text` with each `&` that starts a character reference escaped, so that an excerpt of it shows that `&`. */
export function excerptSafeText(text: string): string {
  return text.replace(REFERENCE_START, '&amp;');
}

/**
 * HTML whose text is the excerpt-safe text of `html`'s, for HTML that writes each `&` of its text as a reference
 * (`&amp;`), as the Markdown renderer and its sanitiser do. A string operation: reading every body into a tree and
 * writing it out again would cost the search step more than rendering it.
 */
export function excerptSafeHtml(html: string): string {
  return html.replace(ESCAPED_REFERENCE_START, '&amp;amp;');
}
