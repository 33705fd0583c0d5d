/** Front matter that is not valid YAML, reported at the line and in the words that help an editor fix it. */
import type { Problem } from '../checks/problems.ts';
import { fieldLines } from './front-matter-lines.ts';
import { LINE_BREAK } from './line-of-offset.ts';

/**
 * `frontMatterText` starts at the opening `---`, which is file line `opening`; `error` is what js-yaml threw.
 */
export function yamlProblem(file: string, frontMatterText: string, opening: number, error: unknown): Problem {
  const yamlError = error as { mark?: { line?: number }; reason?: string; message?: string };
  const errorLine = typeof yamlError.mark?.line === 'number' ? yamlError.mark.line : 0;
  const reason = yamlError.reason ?? '';
  // Cut where js-yaml counts its lines, \r alone included, and without a Windows line's \r, which the patterns below
  // would take for part of the value.
  const lines = frontMatterText.split(LINE_BREAK);
  const at = (index: number, message: string, hint: string): Problem => ({ file, line: opening + index, field: fieldOnLine(lines, index, opening), severity: 'error', message, hint });
  // js-yaml notices an unclosed quote only lines later, where the string finally ends; the quote's own line helps more.
  const unclosed = lines.slice(1, errorLine + 1).findIndex((line) => afterClosingQuote(line) === null);
  if (unclosed !== -1) return at(unclosed + 1, 'a quote is opened but not closed on this line', 'add the closing quote at the end of the value (write \\" for a quote inside the text)');
  // `"He said "hi""` or `'It's'`: js-yaml stops on the line itself, but its words (bad indentation) do not say why.
  if (errorLine > 0 && TEXT_AFTER_QUOTE.test(afterClosingQuote(lines[errorLine] ?? '') ?? '')) {
    return at(errorLine, 'the quoted value ends before the text that follows its closing quote', 'write \\" for a double quote inside "…" and \'\' for an apostrophe inside \'…\', or quote the value with the other kind of quote');
  }
  // A list or mapping left open runs on into the fields below it, and js-yaml gives up there or at the closing ---.
  const unclosedBracket = /flow collection/.test(reason) ? firstUnclosedBracket(lines) : undefined;
  if (unclosedBracket) {
    const { index, bracket } = unclosedBracket;
    return at(index, `a ${bracket} is opened on this line and never closed`, `add the closing ${bracket === '[' ? ']' : '}'} after the last item (items are separated by commas)`);
  }
  // A line a tab indents where nothing may be indented (`\ttitle: …`): js-yaml's words there do not mention the tab,
  // and the line's field cannot be told from an indentation YAML does not read.
  if (errorLine > 0 && !/tab/i.test(reason) && /^ *\t/.test(lines[errorLine] ?? '')) {
    return { file, line: opening + errorLine, severity: 'error', message: 'the front matter is not valid YAML (tab characters indent this line)', hint: yamlHint('tab') };
  }
  // Spaces pasted from a web page or a word processor look like spaces, but YAML indents with U+0020 alone and reads
  // the others as text, so its words (a missing colon, a multiline key) point elsewhere.
  const oddlyIndented = lines.slice(1, errorLine + 1).findIndex((line) => ODD_INDENT.test(line));
  if (oddlyIndented !== -1) {
    const space = ODD_INDENT.exec(lines[oddlyIndented + 1]!)![1]!;
    const name = space === '\u00a0' ? 'a no-break space' : 'a space of another kind';
    return { file, line: opening + oddlyIndented + 1, severity: 'error', message: `this line is indented with ${name} (U+${space.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}), which YAML does not read as indentation`, hint: 'delete the spaces at the start of the line and type them again as ordinary spaces' };
  }
  // `description:"D"` or `tags [AI]` reads as the start of a key running on into the next line, where js-yaml stops.
  if (/multiline key|colon is missed|document separator is expected/.test(reason)) {
    const lastFieldLine = (end: number) => lines.slice(0, end).findLastIndex((line, index) => index > 0 && line.trim() !== '' && !/^\s*(?:#|---)/.test(line));
    const last = lastFieldLine(errorLine + 1);
    const culprit = last > 0 && NAME_VALUE.test(lines[last]!) ? lastFieldLine(last) : last;
    const name = culprit > 0 && !NAME_VALUE.test(lines[culprit]!) ? /^(\s*(?:-\s+)?)([A-Za-z][\w-]*)/.exec(lines[culprit]!) : null;
    if (name) {
      // Named as the field would be with its colon.
      const field = fieldOnLine([...lines.slice(0, culprit), `${name[1]}${name[2]}:`], culprit, opening);
      return { file, line: opening + culprit, field, severity: 'error', message: 'the field\'s name is not followed by ": "', hint: 'write a colon and a space between the name and the value, e.g. title: "Headline"' };
    }
  }
  if (/duplicated mapping key/.test(reason)) {
    const field = fieldOnLine(lines, errorLine, opening);
    const first = field === undefined ? undefined : fieldLines(lines.slice(0, errorLine).join('\n'), opening).get(field);
    if (first === undefined) return at(errorLine, 'the front matter is not valid YAML (duplicated mapping key)', yamlHint(reason));
    return at(errorLine, `is written twice, on line ${first} and on this line, and YAML refuses the whole front matter for it`, `keep the one you mean and delete the other`);
  }
  const tab = lines.slice(1, errorLine + 2).findIndex((line) => /^ *\t/.test(line));
  const tabbed = tab !== -1 && /tab/i.test(reason);
  const index = tabbed ? tab + 1 : errorLine;
  // The field whose value YAML stopped at (`title: *nowhere`), when its key is on that line; a tabbed line's cannot be told.
  const field = tabbed || index === 0 ? undefined : fieldOnLine(lines, index, opening);
  return { file, line: opening + index, ...(field && { field }), message: `the front matter is not valid YAML (${yamlReason(yamlError)})`, hint: yamlHint(yamlError.reason ?? yamlError.message ?? ''), severity: 'error' };
}

/** The dotted field whose key is on line `index` (0 is the opening ---); the field lines keep a repeated key's last line. */
function fieldOnLine(lines: readonly string[], index: number, opening: number): string | undefined {
  const fields = fieldLines(lines.slice(0, index + 1).join('\n'), opening);
  return [...fields].findLast(([, line]) => line === opening + index)?.[0];
}

/**
 * What follows the closing quote of a value written in quotes (`title: "Broken`): null when the quote is never closed
 * on its line, undefined when the value is not quoted.
 */
function afterClosingQuote(line: string): string | null | undefined {
  const value = /^\s*(?:-\s+)?[^\s#"'][^:#]*:\s+(["'])(.*)$/.exec(line) ?? /^\s*-\s+(["'])(.*)$/.exec(line);
  if (!value) return undefined;
  const [, quote, rest] = value;
  const closed = (quote === '"' ? /^(?:[^"\\]|\\.)*"/ : /^(?:[^']|'')*'(?!')/).exec(rest!);
  return closed ? rest!.slice(closed[0].length) : null;
}

/** A line indented, in whole or in part, with a space other than U+0020 (tabs have their own message). */
const ODD_INDENT = /^[ \t]*([\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])/;

/** `name: value`, `name:` or `- name: value`, the key bare or quoted. */
const NAME_VALUE = /^\s*(?:-\s+)?(?:"[^"]*"|'[^']*'|[^\s#"'][^:#]*?)\s*:(?:\s|$)/;

/** Text after a closing quote that YAML cannot take: neither a comment nor the comma or bracket of a list or mapping. */
const TEXT_AFTER_QUOTE = /^(?!\s*(?:[,\]}]|$)|\s+#)/;

/** The first `[` or `{` of the front matter (up to its closing ---) that is never closed, outside quotes and comments. */
function firstUnclosedBracket(lines: readonly string[]): { index: number; bracket: string } | undefined {
  const open: Array<{ index: number; bracket: string }> = [];
  const closing = lines.findIndex((line, index) => index > 0 && line.startsWith('---'));
  for (const [index, line] of lines.slice(0, closing === -1 ? undefined : closing).entries()) {
    for (const [character] of line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|(?:^|\s)#.*/g, '').matchAll(/[[\]{}]/g)) {
      if (character === '[' || character === '{') open.push({ index, bracket: character });
      else if (open.at(-1)?.bracket === (character === ']' ? '[' : '{')) open.pop();
    }
  }
  return open[0];
}

/** js-yaml's reason for an error, on one line. */
export function yamlReason(error: { reason?: string; message?: string }): string {
  return (error.reason ?? error.message?.split('\n')[0] ?? 'unreadable').replace(/\s+/g, ' ').trim();
}

/** The YAML mistakes editors actually make, in their words. */
export function yamlHint(reason: string): string {
  if (/tab/i.test(reason)) return 'indent with spaces, not tabs';
  if (/quot|unexpected end of the stream/i.test(reason)) return 'check that every quote you open is closed on the same line';
  if (/duplicated mapping key/i.test(reason)) return 'a field appears twice; keep one';
  if (/indentation|mapping entry|block mapping/i.test(reason)) return 'check the indentation and that every field is written "name: value"; quote values that contain ": " or start with a special character';
  return 'check the quoting and indentation around this line';
}

/**
 * The hint for a field the schema found empty whose line gives it a value starting with `#` (`title: #1 in AI`):
 * YAML reads that as a comment, so the field is empty though the editor wrote something. Undefined for any other line.
 */
export function commentedValueHint(line: string): string | undefined {
  // `key: #…` or a list item `- #…`.
  const value = /^(\s*(?:-\s+)?[^\s#"'-][^:#]*:|\s*-)\s+(#.*?)\s*$/.exec(line.replace(/\r$/, ''));
  if (!value) return undefined;
  const [, lead, comment] = value;
  return `YAML reads a value starting with # as a comment: to keep it, quote it (${lead!.trim()} "${comment!.replace(/["\\]/g, '\\$&')}")`;
}
