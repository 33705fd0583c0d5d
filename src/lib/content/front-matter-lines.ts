/**
 * Where each front-matter field sits in the file, so a message can say `foo.md:4: publishedAt: …`.
 * A line scanner over block-style YAML, not a parser: it only has to find keys and list items, and it
 * must stay cheap enough to run on every file of a large corpus.
 */
import { LINE_BREAK } from './line-of-offset.ts';

/** `key:` (bare, "double" or 'single' quoted) followed by a space, a comment or the end of the line. */
const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s"'#\-?:,[\]{}][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?=[ \t]|$)/;
const ITEM = /^-(?=[ \t]|$)/;
const BLOCK_SCALAR = /^[|>][-+\d]*[ \t]*(?:#.*)?$/;

interface Frame {
  indent: number;
  path: string;
  items: number;
  /** An item frame (`- x`) rather than a key frame. */
  item: boolean;
}

/**
 * Dotted field → 1-based file line, for keys (`source.url`) and block-list items (`tags.1`).
 * `firstLine` is the file line of the front matter's first line (2 when the file opens with `---`).
 * Flow collections (`tags: [a, b]`) map only their key: `lineOfField` falls back to it.
 */
export function fieldLines(frontMatter: string, firstLine: number): Map<string, number> {
  const lines = new Map<string, number>();
  const stack: Frame[] = [];
  const text = frontMatter.split(LINE_BREAK);
  let blockIndent = -1;
  // A top-level list (the sources registry) numbers its items like any other list.
  let topLevelItems = 0;

  for (let index = 0; index < text.length; index++) {
    const raw = text[index]!;
    const content = raw.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = raw.length - content.length;
    if (blockIndent >= 0) {
      if (indent > blockIndent) continue;
      blockIndent = -1;
    }
    scanLine(content, indent, firstLine + index);
  }
  return lines;

  function scanLine(content: string, indent: number, line: number): void {
    if (ITEM.test(content)) {
      // A list may sit at its key's own indent (`tags:\n- AI`): it then belongs to that key, not a sibling.
      while (stack.length && (stack.at(-1)!.indent > indent || (stack.at(-1)!.indent === indent && stack.at(-1)!.item))) stack.pop();
      const parent = stack.at(-1);
      const path = join(parent?.path ?? '', String(parent ? parent.items++ : topLevelItems++));
      lines.set(path, line);
      stack.push({ indent, path, items: 0, item: true });
      const rest = content.slice(1);
      const restContent = rest.trimStart();
      if (restContent) scanLine(restContent, indent + 1 + (rest.length - restContent.length), line);
      return;
    }
    const key = KEY.exec(content);
    if (!key) return;
    while (stack.length && stack.at(-1)!.indent >= indent) stack.pop();
    const name = key[1] ?? key[2]?.replace(/''/g, "'") ?? key[3]!;
    const path = join(stack.at(-1)?.path ?? '', name.trim());
    // A repeated key (which js-yaml refuses, so never in front matter the schema sees) is at its last line: the one to remove.
    lines.set(path, line);
    stack.push({ indent, path, items: 0, item: false });
    if (BLOCK_SCALAR.test(content.slice(key[0].length).trim())) blockIndent = indent;
  }
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

/** The line of a field, else of its nearest ancestor that has one (`tags.3` in a flow list → `tags`). */
export function lineOfField(lines: ReadonlyMap<string, number>, field: string): number | undefined {
  let path = field;
  for (;;) {
    const line = lines.get(path);
    if (line !== undefined) return line;
    const dot = path.lastIndexOf('.');
    if (dot === -1) return undefined;
    path = path.slice(0, dot);
  }
}
