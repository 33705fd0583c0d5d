/**
 * One article file, parsed the same way for every tool: decoded as strict UTF-8, split by the one front-matter
 * reader, and mapped field by field to its lines. Pure: the files come in as bytes or text (src/io/article-files.ts).
 */
import { misnamedExtension } from './article-file-name.ts';
import { fieldLines } from './front-matter-lines.ts';
import { leadingBlankLines, readFrontMatter } from './front-matter.ts';
import { FrontMatterLimitError } from './front-matter-limits.ts';
import { lineOfOffset } from './line-of-offset.ts';
import { yamlProblem } from './yaml-problem.ts';
import { SLUG_PATTERN } from './schema.ts';
import { utf8Text } from './utf8-text.ts';
import { articleSlug } from './slug.ts';
import { withDatesAsWritten } from './written-dates.ts';
import type { Problem } from '../checks/problems.ts';

export interface ArticleSource {
  /** Path shown in messages (project-relative when inside the project). */
  file: string;
  /** Where the file is, for resolving images next to it. */
  absolutePath: string;
  bytes: Uint8Array;
  /** Why the file could not be read (`EACCES`…), when it could not: the tools name it instead of showing a stack. */
  unreadable?: string;
}

export interface ParsedArticle {
  file: string;
  /** The front matter as YAML parsed it, before the schema; a date written as a day alone is its text (written-dates.ts). */
  data: Record<string, unknown>;
  /** The front matter's text, from the end of the opening `---`: its first line is file line `frontMatterLine`. */
  frontMatter: string;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
  /** File line of the opening `---`. */
  frontMatterLine: number;
  /** Dotted field → file line. */
  lines: Map<string, number>;
}

export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; problem: Problem };

function fail(file: string, line: number | undefined, message: string, hint: string): ParseResult {
  return { ok: false, problem: { file, line, message, hint, severity: 'error' } };
}

/** What an editor can do about a file the system would not let the tools read. */
function unreadableProblem(file: string, code: string): ParseResult {
  if (code === 'EACCES' || code === 'EPERM') return fail(file, undefined, 'the file cannot be read (permission denied)', 'give the account that runs the build read access to it, e.g. chmod a+r');
  if (code === 'ELOOP') return fail(file, undefined, 'is a symbolic link; articles must be files inside the content folder', 'move or copy the article (or folder) itself here instead of linking to it');
  return fail(file, undefined, `the file cannot be read (${code})`, 'check that it is a regular file that exists and can be opened');
}

/** A file's bytes as the build reads them: strict UTF-8 (a byte-order mark dropped), else the one problem reported. */
export function readArticle(source: ArticleSource): ParseResult {
  const { file, bytes } = source;
  if (source.unreadable) return unreadableProblem(file, source.unreadable);
  const misnamed = misnamedExtension(file);
  if (misnamed) return fail(file, undefined, `the file name ends in "${misnamed.extension}", which the build does not read as an article`, `rename it to end in ${misnamed.use}`);
  if (bytes.length === 0) return parseArticle(file, '');
  const decoded = utf8Text(file, bytes);
  return decoded.ok ? parseArticle(file, decoded.text) : decoded;
}

/** Splits one file's text; anything that stops the schema from even seeing fields is the one problem reported. */
export function parseArticle(file: string, fileText: string): ParseResult {
  if (fileText === '') return fail(file, undefined, 'the file is empty', 'start it with front matter between --- lines, e.g. run npm run new -- "Headline" --tags AI');
  const text = fileText.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail(file, undefined, 'the file is empty', 'start it with front matter between --- lines');
  // Markdown passes a NUL into the page as it is, where a browser shows a box or nothing at all.
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return fail(file, lineOfOffset(text, nul), 'the file contains an invisible NUL character (U+0000)', 'delete it (it comes with text pasted from a binary file, or with a file saved as UTF-16), and save the file as UTF-8 text');
  }

  const leading = leadingBlankLines(text);
  const opening = leading.split('\n').length;
  const rest = text.slice(leading.length);
  const firstLine = /^[^\n]*/.exec(rest)![0].replace(/\r$/, '');
  if (firstLine.trimEnd() !== '---') {
    // Astro splits front matter at \n only: a file saved with bare \r line endings is one long first line to it.
    if (firstLine.includes('\r')) {
      return fail(file, opening, 'the lines end in a carriage return alone (classic Mac line endings), which the build does not take for line breaks', 'save the file with LF (Unix) or CRLF (Windows) line endings');
    }
    // Astro would read it, but the checker, the tools and the schema's messages all work on YAML.
    if (firstLine.trimEnd() === '+++') {
      return fail(file, opening, 'the front matter is TOML (between +++ lines), which the site does not read', 'write it as YAML between --- lines: title: "Headline" for title = "Headline"');
    }
    // Spaces (or an invisible character) before the dashes, from a paste: YAML then sees no front matter at all.
    if (/^[\s\u200b]+---\s*$/.test(firstLine)) {
      return fail(file, opening, 'the front matter\'s opening --- has spaces or invisible characters before it, so the file has no front matter', 'delete everything before the dashes, so that the first line is exactly ---');
    }
    if (firstLine.startsWith('---')) {
      return fail(file, opening, `the front matter opens with "${firstLine}"`, 'the first line must be exactly --- (front matter is YAML)');
    }
    return fail(file, opening, 'the file has no front matter', 'begin it with a --- line, the fields (title, description, publishedAt, tags…), and another --- line');
  }
  const closing = rest.indexOf('\n---', 3);
  if (closing === -1) {
    return fail(file, opening, 'the front matter is never closed', 'add a line with just --- after the last field');
  }
  // The reader ends the front matter at the first line starting with ---: whatever follows the dashes on it
  // would begin the body (`----` an empty bullet at the article's top).
  const closingLine = /^[^\n]*/.exec(rest.slice(closing + 1))![0].replace(/\r$/, '');
  if (closingLine.trimEnd() !== '---') {
    return fail(file, lineOfOffset(text, leading.length + closing + 1), `the front matter closes with "${closingLine}"`, 'the closing line must be exactly ---');
  }

  let parsed: ReturnType<typeof readFrontMatter>;
  try {
    parsed = readFrontMatter(rest);
  } catch (error) {
    if (error instanceof FrontMatterLimitError) {
      const { line, field, message, hint } = error.problem;
      return { ok: false, problem: { file, line: opening + line - 1, field, severity: 'error', message, hint } };
    }
    return { ok: false, problem: yamlProblem(file, rest, opening, error) };
  }
  const { data, frontMatter, body } = parsed;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(file, opening, 'the front matter is not a set of fields', 'write one "field: value" per line between the --- lines');
  }
  return {
    ok: true,
    article: {
      file,
      data: withDatesAsWritten(data as Record<string, unknown>, frontMatter),
      frontMatter,
      body,
      bodyLine: lineOfOffset(text, text.length - body.length),
      frontMatterLine: opening,
      lines: fieldLines(frontMatter, opening),
    },
  };
}

/** The `slug` field when it is one the schema accepts (trimmed and composed, as the schema gives it), else undefined: the file name then gives the slug. */
export function slugField(data: Record<string, unknown>): string | undefined {
  const value = typeof data.slug === 'string' ? data.slug.trim().normalize('NFC') : undefined;
  return value && SLUG_PATTERN.test(value) ? value : undefined;
}

/** The slug a parsed file claims, valid or not: every tool reserves, checks and links articles by this. */
export function slugOfArticle(file: string, data: Record<string, unknown>): string {
  return articleSlug(file, slugField(data));
}
