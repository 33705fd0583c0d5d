/** Front matter that is not valid YAML, reported at the line and in the words that help an editor fix it. */
import type { Problem } from '../checks/problems.ts';

/**
 * `frontMatterText` starts at the opening `---`, which is file line `opening`; `error` is what js-yaml threw.
 */
export function yamlProblem(file: string, frontMatterText: string, opening: number, error: unknown): Problem {
  const yamlError = error as { mark?: { line?: number }; reason?: string; message?: string };
  const errorLine = typeof yamlError.mark?.line === 'number' ? yamlError.mark.line : 0;
  // Without a Windows line's \r, which the patterns below would take for part of the value.
  const lines = frontMatterText.split(/\r?\n/);
  // js-yaml notices an unclosed quote only lines later, where the string finally ends; the quote's own line helps more.
  const unclosed = lines.slice(1, errorLine + 1).findIndex((line) => hasUnclosedQuote(line));
  if (unclosed !== -1) {
    const key = /^\s*([\w-]+)\s*:/.exec(lines[unclosed + 1]!)?.[1];
    return {
      file,
      line: opening + unclosed + 1,
      field: key,
      severity: 'error',
      message: 'a quote is opened but not closed on this line',
      hint: 'add the closing quote at the end of the value (write \\" for a quote inside the text)',
    };
  }
  const tab = lines.slice(1, errorLine + 2).findIndex((line) => /^ *\t/.test(line));
  const line = opening + (tab !== -1 && /tab/i.test(yamlError.reason ?? '') ? tab + 1 : errorLine);
  return { file, line, message: `the front matter is not valid YAML (${yamlReason(yamlError)})`, hint: yamlHint(yamlError.reason ?? yamlError.message ?? ''), severity: 'error' };
}

/** A value that opens a double or single quote and never closes it on the line: `title: "Broken`. */
function hasUnclosedQuote(line: string): boolean {
  const value = /^\s*(?:-\s+)?[^\s#"'][^:#]*:\s+(["'])(.*)$/.exec(line) ?? /^\s*-\s+(["'])(.*)$/.exec(line);
  if (!value) return false;
  const [, quote, rest] = value;
  if (quote === '"') return !/^(?:[^"\\]|\\.)*"/.test(rest!);
  return !/^(?:[^']|'')*'(?!')/.test(rest!);
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
