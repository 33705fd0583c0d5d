/**
 * The pictures a body writes in place (`![alt](./photo.jpg)`), found by the build's own Markdown parser (Sätteri):
 * the files the page will ask for, and only those. A picture in code, in an HTML comment or block, or escaped is
 * text; alt text with brackets in it and a path with parentheses in it are read whole.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';

export interface InPlaceImage {
  /** The destination as the build reads it: backslash escapes and entities resolved, %-escapes kept. */
  url: string;
  /** Line in the body, from 1. */
  line: number;
}

interface MdastNode {
  type: string;
  url?: unknown;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

/** Every picture `body` writes in place, in order; an MDX body that does not compile has none (the MDX check reports it). */
export function inPlaceImages(body: string, mdx: boolean): InPlaceImage[] {
  let tree: MdastNode;
  try {
    // Sätteri's default features, as the pages parse bodies with for pictures: GFM tables and footnotes can hold them.
    tree = (mdx ? mdxToMdast(body) : markdownToMdast(body)) as MdastNode;
  } catch {
    return [];
  }
  const images: InPlaceImage[] = [];
  // A stack, not recursion: a body may nest thousands of blockquotes deep.
  const pending = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'image' && typeof node.url === 'string') images.push({ url: node.url, line: node.position?.start.line ?? 1 });
    if (node.children) pending.push(...[...node.children].reverse());
  }
  return images;
}
