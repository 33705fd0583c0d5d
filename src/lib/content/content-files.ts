/**
 * Article files as the checker sees them: found on disk like Astro's glob loader finds them, decoded as strict
 * UTF-8, split into YAML front matter and body with gray-matter, and mapped field by field to their lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { fieldLines } from './front-matter-lines.ts';
import type { Problem } from '../checks/problems.ts';

export interface ArticleSource {
  /** Path shown in messages (project-relative when inside the project). */
  file: string;
  /** Where the file is, for resolving images next to it. */
  absolutePath: string;
  bytes: Uint8Array;
}

export interface ParsedArticle {
  file: string;
  absolutePath: string;
  /** The front matter as YAML parsed it, before the schema. */
  data: Record<string, unknown>;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
  /** File line of the opening `---`. */
  frontMatterLine: number;
  /** Dotted field → file line. */
  lines: Map<string, number>;
}

export type ParseResult = { ok: true; article: ParsedArticle } | { ok: false; problem: Problem };

/** Same selection as the collection's glob (`**\/*.{md,mdx}`): dot-files and dot-folders are skipped, as tinyglobby does. */
export function listArticleFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.mdx?$/.test(entry.name)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

export function readArticleSource(absolutePath: string, file: string): ArticleSource {
  return { file, absolutePath, bytes: readFileSync(absolutePath) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * gray-matter splits the file; the YAML itself goes to js-yaml 4, the parser Astro's loader uses, so the checker
 * and the build agree on every value (gray-matter's own js-yaml 3 accepts tab indentation that Astro rejects).
 * gray-matter would evaluate `---js` front matter as code; articles are data, so that engine only throws.
 */
const YAML_ONLY = {
  engines: {
    yaml: (text: string) => yaml.load(text) as object,
    js: () => {
      throw new Error('not YAML');
    },
    javascript: () => {
      throw new Error('not YAML');
    },
  },
};

function fail(file: string, line: number | undefined, message: string, hint: string): ParseResult {
  return { ok: false, problem: { file, line, message, hint, severity: 'error' } };
}

/** Decodes and splits one file; anything that stops the schema from even seeing fields is the one problem reported. */
export function parseArticle(source: ArticleSource): ParseResult {
  const { file, absolutePath, bytes } = source;
  if (bytes.length === 0) return fail(file, undefined, 'the file is empty', 'start it with front matter between --- lines, e.g. run npm run new -- "Headline" --tags AI');

  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const lenient = lenientUtf8.decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const line = at === -1 ? undefined : countLines(lenient, at);
    return fail(file, line, 'the file is not UTF-8 text', 'save it as UTF-8 in your editor (often "Save with encoding" or "Reopen with encoding", then save)');
  }
  if (text.trim() === '') return fail(file, undefined, 'the file is empty', 'start it with front matter between --- lines');

  // Astro's front-matter pattern tolerates blank lines before the opening ---, so the checker does too.
  const leading = /^(?:[ \t]*\r?\n)*/.exec(text)![0];
  const opening = leading.split('\n').length;
  const rest = text.slice(leading.length);
  const firstLine = /^[^\n]*/.exec(rest)![0].replace(/\r$/, '');
  if (firstLine.trimEnd() !== '---') {
    if (firstLine.startsWith('---')) {
      return fail(file, opening, `the front matter opens with "${firstLine}"`, 'the first line must be exactly --- (front matter is YAML)');
    }
    return fail(file, opening, 'the file has no front matter', 'begin it with a --- line, the fields (title, description, publishedAt, tags…), and another --- line');
  }
  if (!/\r?\n---/.test(rest.slice(3))) {
    return fail(file, opening, 'the front matter is never closed', 'add a line with just --- after the last field');
  }

  let parsed: { data: unknown; content: string; matter?: string };
  try {
    parsed = matter(rest, YAML_ONLY) as typeof parsed;
  } catch (error) {
    const yamlError = error as { mark?: { line?: number }; reason?: string; message?: string };
    const errorLine = typeof yamlError.mark?.line === 'number' ? yamlError.mark.line : 0;
    const frontMatterLines = rest.split('\n');
    // js-yaml notices an unclosed quote only lines later, where the string finally ends; the quote's own line helps more.
    const unclosed = frontMatterLines.slice(1, errorLine + 1).findIndex((line) => hasUnclosedQuote(line));
    if (unclosed !== -1) {
      const text = frontMatterLines[unclosed + 1]!;
      const key = /^\s*([\w-]+)\s*:/.exec(text)?.[1];
      return {
        ok: false,
        problem: {
          file,
          line: opening + unclosed + 1,
          field: key,
          severity: 'error',
          message: 'a quote is opened but not closed on this line',
          hint: 'add the closing quote at the end of the value (write \\" for a quote inside the text)',
        },
      };
    }
    const tab = frontMatterLines.slice(1, errorLine + 2).findIndex((line) => /^ *\t/.test(line));
    const line = opening + (tab !== -1 && /tab/i.test(yamlError.reason ?? '') ? tab + 1 : errorLine);
    return fail(file, line, `the front matter is not valid YAML (${yamlReason(yamlError)})`, yamlHint(yamlError.reason ?? yamlError.message ?? ''));
  }

  const frontMatter = parsed.matter ?? '';
  const data = parsed.data !== null && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : undefined;
  if (!data) return fail(file, opening, 'the front matter is not a set of fields', 'write one "field: value" per line between the --- lines');
  const body = parsed.content;
  return {
    ok: true,
    article: {
      file,
      absolutePath,
      data,
      body,
      bodyLine: countLines(text, text.length - body.length),
      frontMatterLine: opening,
      lines: fieldLines(frontMatter, opening),
    },
  };
}

/** A value that opens a double or single quote and never closes it on the line: `title: "Broken`. */
function hasUnclosedQuote(line: string): boolean {
  const value = /^\s*(?:-\s+)?[^\s#"'][^:#]*:\s+(["'])(.*)$/.exec(line) ?? /^\s*-\s+(["'])(.*)$/.exec(line);
  if (!value) return false;
  const [, quote, rest] = value;
  if (quote === '"') return !/^(?:[^"\\]|\\.)*"/.test(rest!);
  return !/^(?:[^']|'')*'(?!')/.test(rest!);
}

/** 1-based line of a character offset. */
function countLines(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

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
