/**
 * Where each front-matter field sits in the file, so a message can say `foo.md:4: publishedAt: …`.
 * A line scanner over block-style YAML, not a parser: it only has to find keys and list items, and it
 * must stay cheap enough to run on every file of a large corpus. Front matter with flow collections a line
 * scanner cannot follow (`{title: …, publishedAt: …}`, or a `[…]` spread over lines) is read by the yaml package.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
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
 * A flow collection on its key's line (`tags: [a, b]`) maps only its key: `lineOfField` falls back to it.
 */
export function fieldLines(frontMatter: string, firstLine: number): Map<string, number> {
  const text = frontMatter.split(LINE_BREAK);
  if (hasFlowBeyondALine(text)) {
    const parsed = parsedFieldLines(frontMatter, firstLine);
    if (parsed) return parsed;
  }
  const lines = new Map<string, number>();
  const stack: Frame[] = [];
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

/** Quoted text and comments, whose brackets are not YAML's. */
const NOT_SYNTAX = /"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|(?:^|[ \t])#.*$/g;

/**
 * Whether a flow collection opens a line (a front matter that is one `{…}`) or is still open at a line's end: then
 * keys sit after `{` or `,`, where the scanner never looks. Cheap, as every file pays for it; a bracket in plain text
 * only costs the parser's reading, never a wrong line.
 */
const FLOW_OPENING = /[{[]/;

function hasFlowBeyondALine(text: readonly string[]): boolean {
  let depth = 0;
  for (const raw of text) {
    // Depth is back to 0 at each line's start (an open one returned), so a line without brackets changes nothing.
    if (!FLOW_OPENING.test(raw)) continue;
    const line = raw.replace(NOT_SYNTAX, '');
    if (/^[ \t]*[{[]/.test(line)) return true;
    for (const character of line) {
      if (character === '{' || character === '[') depth++;
      else if ((character === '}' || character === ']') && depth > 0) depth--;
    }
    if (depth > 0) return true;
  }
  return false;
}

/** Every key and list item's line, read by a YAML parser; undefined when it cannot read the text. */
function parsedFieldLines(frontMatter: string, firstLine: number): Map<string, number> | undefined {
  const lineCounter = new LineCounter();
  // As in front-matter-limits.ts: js-yaml breaks lines at a lone \r too (one character for one, so offsets hold).
  const document = parseDocument(frontMatter.replace(/\r(?!\n)/g, '\n'), { lineCounter, uniqueKeys: false, prettyErrors: false });
  if (document.errors.length || !(isMap(document.contents) || isSeq(document.contents))) return undefined;
  const lines = new Map<string, number>();
  const lineAt = (node: Node | null | undefined) => (node?.range ? firstLine + lineCounter.linePos(node.range[0]).line - 1 : undefined);
  const visit = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const child = join(path, String(pair.key.value).trim());
        const line = lineAt(pair.key);
        if (line !== undefined) lines.set(child, line);
        visit(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = join(path, String(index));
        const line = lineAt(item as Node);
        if (line !== undefined) lines.set(child, line);
        visit(item, child);
      });
    }
  };
  visit(document.contents, '');
  return lines;
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

/**
 * A plain (unquoted) value as it is written in the front matter, by its dotted field (`authors.0`): `0x1F`, `1.50` or
 * `.nan` where YAML made 31, 1.5 or NaN of it. Undefined for a quoted value, a collection, or text the parser cannot read.
 */
export function writtenPlainValue(frontMatter: string, field: string): string | undefined {
  const document = parseDocument(frontMatter.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, prettyErrors: false });
  if (document.errors.length) return undefined;
  const node = document.getIn(field.split('.'), true);
  return isScalar(node) && node.type === 'PLAIN' && node.range ? frontMatter.slice(node.range[0], node.range[1]) : undefined;
}
