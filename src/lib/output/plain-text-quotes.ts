/**
 * Quotation marks and apostrophes in a line of plain text an editor typed (a headline, a dek) set as the body's are.
 * A body's straight quotes are curled by Markdown's smart punctuation and then put in its language's marks; a
 * headline is front matter, shown as typed, so `Q&A: "Why passkeys stall"` sat in straight quotes above a body of
 * curly ones. The same engine curls it here, with the same rules (an apostrophe inside a word, a quote opening
 * before a word), and the same passes put the language's marks in.
 */
import { decodeHTML } from 'entities';
import { markdownToHtml } from 'satteri';
import { proseRewrites } from './markdown-safety.ts';
import { readAlone } from './prose-text.ts';

const STRAIGHT_QUOTE = /["']/;
/** Every ASCII punctuation mark but the quotes, escaped so that Markdown reads the text as text and nothing else. */
const MARKDOWN_PUNCTUATION = /[!#$%&()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const PARAGRAPH = /^<p>([\s\S]*)<\/p>\n?$/;
/** Only the quotes: no link is made of an address (GFM's autolinks), no dash or ellipsis of what the editor typed. */
const QUOTES_ONLY = { features: { gfm: false, frontmatter: false, math: false, smartPunctuation: { quotes: true, dashes: false, ellipses: false } } } as const;

/** One line of `text`, its straight quotes curled by Markdown's smart punctuation and nothing else changed. */
function curlLine(line: string): string {
  if (!STRAIGHT_QUOTE.test(line) || line.trim() === '') return line;
  const { html } = markdownToHtml(line.replace(MARKDOWN_PUNCTUATION, '\\$&'), QUOTES_ONLY);
  const inner = PARAGRAPH.exec(html)?.[1];
  // Leading spaces and the like are not a paragraph's; such a line is left as it was typed rather than guessed at.
  return inner === undefined ? line : decodeHTML(inner);
}

/** `text` (plain text in `lang`, a canonical tag) with its straight quotes set as a body in `lang` sets them. */
export function typesetQuotes(text: string, lang: string): string {
  if (!STRAIGHT_QUOTE.test(text)) return text;
  const curled = text.split('\n').map(curlLine).join('\n');
  return readAlone(proseRewrites(text, lang), curled);
}
