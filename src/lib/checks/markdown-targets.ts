/**
 * What a body's pictures and links point at, found by the build's own Markdown parser (Sätteri): a picture written
 * in place (`![alt](./photo.jpg)`) is a file the page will ask for, and a link is an address readers will follow.
 * Only those the page has count: not one in code, in an HTML comment or block, or escaped; alt text with brackets in
 * it and a path with parentheses in it are read whole.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';

export interface MarkdownTarget {
  /** The destination as the build reads it: backslash escapes and entities resolved, %-escapes kept. */
  url: string;
  /** Line in the body, from 1. */
  line: number;
}

/** Markup the page shows as it was typed, with the line it is on in the body, from 1. */
export interface MarkupAsText {
  /** What was typed, such as `![The plant](./Photo ONE.PNG)` or `[^2]`. */
  written: string;
  line: number;
}

export interface MarkdownTargets {
  /** Pictures written in place, in order. */
  images: MarkdownTarget[];
  /** Those of them with no description (`![](./chart.png)`): shown with an empty alt, which screen readers skip. */
  undescribedImages: MarkdownTarget[];
  /** Links, written in place or as a reference's definition (`[label]: ./page`), in order. */
  links: MarkdownTarget[];
  /** Text that reads as a picture but is none to Markdown (a space in its path, a bracket too many): shown as typed. */
  picturesAsText: MarkupAsText[];
  /** Footnote references no `[^label]: …` defines: shown as typed. */
  undefinedFootnotes: MarkupAsText[];
}

/** Outside code, HTML and escapes, as the parser's text nodes are: a picture's form (closed or not), and a footnote reference's. */
const PICTURE_FORM = /(?<!\\)!\[[^\]\n]*\]\([^)\n]*(?:\)|(?=\n|$))/g;
const FOOTNOTE_FORM = /(?<!\\)\[\^[^\]\s]+\](?!:)/g;

interface MdastNode {
  type: string;
  url?: unknown;
  alt?: unknown;
  value?: unknown;
  position?: { start: { line: number; offset?: number }; end?: { offset?: number } };
  children?: MdastNode[];
}

/** Every picture and link `body` has; an MDX body that does not compile has none (the MDX check reports it). */
export function markdownTargets(body: string, mdx: boolean): MarkdownTargets {
  const targets: MarkdownTargets = { images: [], undescribedImages: [], links: [], picturesAsText: [], undefinedFootnotes: [] };
  let tree: MdastNode;
  try {
    // Sätteri's default features, as the pages parse bodies with for these: GFM tables and footnotes can hold them.
    tree = (mdx ? mdxToMdast(body) : markdownToMdast(body)) as MdastNode;
  } catch {
    return targets;
  }
  // A stack, not recursion: a body may nest thousands of blockquotes deep.
  const pending = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const list = node.type === 'image' ? targets.images : node.type === 'link' || node.type === 'definition' ? targets.links : undefined;
    if (list && typeof node.url === 'string') list.push({ url: node.url, line: node.position?.start.line ?? 1 });
    if (node.type === 'image' && typeof node.url === 'string' && !(typeof node.alt === 'string' && node.alt.trim())) {
      targets.undescribedImages.push({ url: node.url, line: node.position?.start.line ?? 1 });
    }
    if (node.type === 'text') markupAsText(node, body, targets);
    if (node.children) pending.push(...[...node.children].reverse());
  }
  return targets;
}

/** The picture and footnote forms in a text node, read in the body as typed (the node's value has its escapes resolved). */
function markupAsText(node: MdastNode, body: string, targets: MarkdownTargets): void {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return;
  const typed = body.slice(start.offset, end.offset);
  if (!typed.includes('[')) return;
  const found = (list: MarkupAsText[], form: RegExp) => {
    for (const match of typed.matchAll(form)) list.push({ written: match[0], line: start.line + (typed.slice(0, match.index).match(/\n/g)?.length ?? 0) });
  };
  found(targets.picturesAsText, PICTURE_FORM);
  found(targets.undefinedFootnotes, FOOTNOTE_FORM);
}

/**
 * Where `body`'s Markdown code blocks are, as offsets: fenced and indented alike. Only the parser tells an indented
 * block of code from HTML indented inside a list item, which is rendered. A body that cannot be parsed has none.
 */
export function codeBlocks(body: string): Array<{ start: number; end: number }> {
  let tree: MdastNode;
  try {
    tree = markdownToMdast(body) as MdastNode;
  } catch {
    return [];
  }
  const blocks: Array<{ start: number; end: number }> = [];
  const pending = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { start, end } = node.position ?? {};
    if (node.type === 'code' && start?.offset !== undefined && end?.offset !== undefined) blocks.push({ start: start.offset, end: end.offset });
    if (node.children) pending.push(...[...node.children].reverse());
  }
  return blocks;
}
