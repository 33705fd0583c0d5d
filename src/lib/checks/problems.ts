/** Problems found in articles and how editors and tools see them: `path:line: field: message; hint`, or JSON. */
import { unknownFieldMessage } from '../content/schema.ts';
import { inertLine } from '../text/inert-line.ts';

export interface Problem {
  /** Path of the article file, as the editor knows it (relative to the project). */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** Front-matter field, dotted for nested ones (source.url, related.1). */
  field?: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  hint?: string;
  severity: 'error' | 'warning';
}

/** The shape of a zod issue that matters here (zod's own type is wider and version-specific). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** Schema messages read "what is wrong; what to do": the first "; " separates the hint. */
export function splitHint(text: string): { message: string; hint?: string } {
  const at = text.indexOf('; ');
  return at === -1 ? { message: text } : { message: text.slice(0, at), hint: text.slice(at + 2) };
}

/**
 * One problem per issue, and one per unknown key (zod groups them), each on the line of its own field.
 * `lineOf` maps a dotted field to its line; fields that are missing altogether point at the front matter's first line.
 */
export function problemsFromIssues(
  file: string,
  issues: readonly SchemaIssue[],
  lineOf: (field: string) => number | undefined,
  firstLine = 1,
  unknownField: (key: string, parent: string) => string = unknownFieldMessage,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        const field = [...path, key].join('.');
        problems.push({ file, line: lineOf(field) ?? firstLine, field, severity: 'error', ...splitHint(unknownField(key, path.join('.'))) });
      }
      continue;
    }
    const field = path.join('.') || undefined;
    problems.push({ file, line: (field && lineOf(field)) || firstLine, field, severity: 'error', ...splitHint(issue.message) });
  }
  return problems;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}:` : `${problem.file}:`;
  const level = problem.severity === 'warning' ? ' warning:' : '';
  const field = problem.field ? ` ${problem.field}:` : '';
  // A file or field name an editor typed (a YAML key may hold any character) stays on the problem's one line.
  return inertLine(`${where}${level}${field} ${problem.message}${problem.hint ? `; ${problem.hint}` : ''}`);
}

/** Whether any of the problems stops a tool; warnings only inform. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** Files as an editor's file browser lists them: "a.md" beside "A.md", "9.md" before "10.md"; the same on every machine. */
const fileOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** File by file, top to bottom, so the output reads like the files. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      fileOrder.compare(a.file, b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.field ?? '').localeCompare(b.field ?? ''),
  );
}

export interface ProblemJson {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
  severity: 'error' | 'warning';
  hint?: string;
}

/** The `--json` shape: every key present (null when unknown) so tools need no guards. */
export function problemToJson(problem: Problem): ProblemJson {
  return {
    file: problem.file,
    line: problem.line ?? null,
    field: problem.field ?? null,
    message: problem.message,
    severity: problem.severity,
    ...(problem.hint ? { hint: problem.hint } : {}),
  };
}

// A regex, not toLocaleString: loading ICU's number formatting costs the checker more than the check itself.
const plural = (count: number, word: string) => `${String(count).replace(/\B(?=(\d{3})+$)/g, ',')} ${word}${count === 1 ? '' : 's'}`;

/** "2 errors and 1 warning in 14 files", or "14 files, no problems". */
export function summarizeProblems(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return `${plural(fileCount, 'file')} checked, no problems`;
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')} checked`;
}
