/**
 * Markdown/MDX to plain-ish prose for statistics over words (related
 * articles, near-duplicates): syntax that would leak noise terms (link URLs,
 * code, HTML tags, entities) goes, the prose, link texts and image alt texts
 * stay. Cheap and deliberately approximate: not for rendering.
 */
import { fencedCodeTracker, mayHaveFencedCode } from './code-fences.ts';

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$(?![\s\S]))/g;
const INLINE_CODE = /(`+)[^`]*?\1/g;
// ![alt](url "title") and [text](url "title"): keep the visible text only.
const INLINE_LINK = /!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
// [text][ref] reference links: keep the text.
const REFERENCE_LINK = /!?\[([^\]\n]*)\]\[[^\]\n]*\]/g;
const HTML_TAG = /<\/?[A-Za-z][^<>]*>/g;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]*:|[^<>\s@]+@)[^<>\s]*>/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()\]]+/gi;
const HTML_ENTITY = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);/g;
// Line-level syntax, checked once per line in `stripBlocks`.
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
const MDX_IMPORT_EXPORT = /^(?:import|export)\s/;

/**
 * Remove Markdown/MDX syntax noise from `markdown`, returning plain-ish prose.
 * Code (fenced and inline), HTML comments and tags, MDX import/export lines,
 * link reference definitions, link URLs, bare URLs and HTML entities are
 * replaced by spaces; link texts and image alt texts are kept. Punctuation
 * such as `#`, `*` or `>` is left alone: `tokenize` ignores it anyway.
 */
export function stripMarkdown(markdown: string): string {
  let text = stripBlocks(markdown);
  if (text.includes('<')) {
    text = text.replace(HTML_COMMENT, ' ').replace(AUTOLINK, ' ').replace(HTML_TAG, ' ');
  }
  if (text.includes('`')) text = text.replace(INLINE_CODE, ' ');
  if (text.includes('[')) text = text.replace(INLINE_LINK, ' $1 ').replace(REFERENCE_LINK, ' $1 ');
  if (text.includes('http') || text.includes('www.')) text = text.replace(BARE_URL, ' ');
  if (text.includes('&')) text = text.replace(HTML_ENTITY, ' ');
  return text;
}

/**
 * Drop whole lines that are not prose: fenced code blocks (an unclosed fence
 * runs to the end, as in CommonMark), MDX `import`/`export` lines and link
 * reference definitions (`[label]: https://…`).
 */
function stripBlocks(text: string): string {
  const mdx =
    text.startsWith('import') || text.startsWith('export') || text.includes('\nimport') || text.includes('\nexport');
  if (!mdx && !mayHaveFencedCode(text) && !text.includes(']:')) return text;
  const inCode = fencedCodeTracker();
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    if (inCode(line)) continue;
    const first = line.charCodeAt(line.search(/\S|$/));
    if (first === 0x5b /* [ */ && LINK_DEFINITION.test(line)) continue;
    if ((first === 0x69 /* i */ || first === 0x65 /* e */) && MDX_IMPORT_EXPORT.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}
