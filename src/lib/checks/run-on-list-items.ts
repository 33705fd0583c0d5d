/**
 * List items YAML reads as part of the item above them: `- AI` with `- Policy` indented deeper on the next line is
 * valid YAML for the one item "AI - Policy" (a plain value runs on into more-indented lines), where the editor meant two.
 */
import type { ParsedArticle } from '../content/article.ts';
import { LINE_BREAK } from '../content/line-of-offset.ts';
import { quoteValue } from '../content/quote-value.ts';
import type { Problem } from './problems.ts';

/** An item whose value is plain: a quoted value or a block scalar (| >) runs on because the editor wrote it so. */
const PLAIN_ITEM = /^( *)-[ \t]+[^\s"'|>#]/;
const ITEM = /^-(?=[ \t]|$)/;

export function runOnListItems({ file, data, frontMatter, frontMatterLine, lines }: ParsedArticle): Problem[] {
  const problems: Problem[] = [];
  const text = frontMatter.split(LINE_BREAK);
  for (let index = 0; index < text.length; index++) {
    const item = PLAIN_ITEM.exec(text[index]!);
    if (!item) continue;
    const itemLine = frontMatterLine + index;
    const runOn: Array<{ line: number; content: string }> = [];
    // Every line deeper than the item's `-`, up to a comment, is its value's: none is an item, however it looks.
    for (index++; index < text.length; index++) {
      const content = text[index]!.trim();
      if (content === '') continue;
      if (text[index]!.search(/\S/) <= item[1]!.length || content.startsWith('#')) break;
      if (ITEM.test(content)) runOn.push({ line: frontMatterLine + index, content });
    }
    index--;
    const found = runOn.length ? textItem(lines, data, itemLine) : undefined;
    if (!found) continue;
    for (const { line, content } of runOn) {
      problems.push({
        file,
        line,
        field: found.list,
        severity: 'error',
        message: `${quoteValue(content)} is read as part of the item above it, which YAML makes the one item ${quoteValue(found.value)}`,
        hint: "indent it like the item above, its - under that item's -",
      });
    }
  }
  return problems;
}

/**
 * The list and the text YAML made of the item on file line `line`, when that line is an item of a list whose value is
 * text: a line inside a quoted value (`description: "… - x`) only looks like one.
 */
function textItem(lines: ParsedArticle['lines'], data: ParsedArticle['data'], line: number): { list: string; value: string } | undefined {
  const path = [...lines].find(([path, at]) => at === line && /\.\d+$/.test(path))?.[0];
  if (path === undefined) return undefined;
  const dot = path.lastIndexOf('.');
  const list = path.slice(0, dot);
  const items = list.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), data);
  const value = Array.isArray(items) ? items[Number(path.slice(dot + 1))] : undefined;
  return typeof value === 'string' ? { list, value } : undefined;
}
