/**
 * The sources registry (`content/sources.yaml`): the outlets the desk follows, validated by one schema that the
 * aggregator, `npm run sources` and `npm run check:content` share, with the articles' `file:line: field: message; hint` errors.
 *
 * How aggregated items record where they came from, in their front matter:
 * ```yaml
 * source:
 *   id: chipwire          # the registry id; the site lists the item under /sources/chipwire/
 *   name: Chipwire        # shown in the attribution (a copy, so an article still reads well without the registry)
 *   url: https://chipwire.example.com/2026/05/story   # the original article; an excerpt's canonical URL
 *   excerpt: true         # only for `content: excerpt` sources: the body is the outlet's summary, not its story
 * ```
 * An item that names another outlet as its source (Google News's RSS `<source>`) credits that outlet by name, with no
 * `id` (draft.ts). `publish: review` items also carry `draft: true`; `publish: auto` items carry no `draft` line.
 * An excerpt item's body is the excerpt alone (about 60 words): its page adds the prominent "Read the full story at
 * <name>" link and the canonical link to `source.url`, so the body must not repeat that link.
 * The registry's path: `--sources <file>` where a command takes it, else NEWSDESK_SOURCES_FILE, else content/sources.yaml.
 */
import { z } from 'astro/zod';
import yaml from 'js-yaml';
import { hasCredentials } from '../authoring/import/urls.ts';
import { yamlHint, yamlReason } from '../content/yaml-problem.ts';
import { fieldLines, lineOfField } from '../content/front-matter-lines.ts';
import { LINE_BREAK } from '../content/line-of-offset.ts';
import { isWebUrl, listOf, requiredText, unknownKeyMessage } from '../content/schema.ts';
import { sourceIdField } from '../content/source-id.ts';
import { equivalentFeedProblems } from '../checks/equivalent-feeds.ts';
import { problemsFromIssues, type Problem } from '../checks/problems.ts';

/** Every field of a source, in the order `npm run sources` writes them; unknown ones are errors. */
const SOURCE_FIELDS = ['id', 'name', 'feed', 'site', 'tags', 'content', 'publish', 'include', 'exclude'] as const;

const webAddress = (what: string, example: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is missing; add ${what} such as ${example}` : `must be a web address; write ${what} such as ${example}`) })
    .trim()
    .refine((value) => isWebUrl(value), {
      error: (issue) => `${JSON.stringify(issue.input)} is not a web address; use a full http:// or https:// URL such as ${example}`,
    })
    // The message leaves the address out: it would print the password.
    .refine((value) => !hasCredentials(value), {
      error: `holds a user name or password, which the registry (committed, and shown on the site) would publish; ask the outlet for a public address such as ${example}`,
    });

const PATTERN_SYNTAX = /^\/(.*)\/([a-z]*)$/s;
const ALLOWED_FLAGS = /^[imsu]*$/;

/**
 * One include/exclude entry as a matcher: `/regex/flags` is a regular expression, anything else a word or phrase
 * matched case-insensitively as whole words. Throws SyntaxError for a regex that does not compile.
 */
export function toPattern(entry: string): RegExp {
  const regex = PATTERN_SYNTAX.exec(entry);
  if (regex) {
    if (!ALLOWED_FLAGS.test(regex[2]!)) throw new SyntaxError(`flag "${regex[2]}" is not one of i, m, s, u`);
    return new RegExp(regex[1]!, regex[2]);
  }
  const escaped = entry.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

/** True when any of the patterns matches the text (an item's title or summary). */
export function matchesAny(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

const patternEntry = requiredText('a word, or a regular expression between slashes such as /\\bRISC-V\\b/i').superRefine((value, ctx) => {
  try {
    toPattern(value);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(value)} is not a valid regular expression (${(error as Error).message}); fix it, or write a plain word without the slashes`,
    });
  }
});

const patternList = (field: string) => listOf(patternEntry, `${field}: ["RISC-V", "/\\bchips?\\b/i"]`).default([]);

const enumField = <Value extends string>(values: readonly [Value, ...Value[]], field: string) =>
  z.enum(values, {
    error: (issue) => `${JSON.stringify(issue.input)} is not one of ${values.join(', ')}; write ${field}: ${values[0]}`,
  });

/** One followed outlet. */
const sourceSchema = z.strictObject(
  {
    /** Unique; used in URLs (/sources/<id>/) and in each item's `source.id`. */
    id: sourceIdField,
    /** Shown in attributions. */
    name: requiredText("the outlet's name, e.g. name: Chipwire"),
    /** RSS 2.0, RSS 1.0, Atom or JSON Feed. */
    feed: webAddress('the feed address', 'https://chipwire.example.com/feed.xml'),
    /** The publisher's home page. */
    site: webAddress('the home page', 'https://chipwire.example.com/').optional(),
    /** Added to every item. */
    tags: listOf(requiredText('a tag name'), 'tags: ["Semiconductors"]').default([]),
    /** excerpt: the outlet's summary and a link to the story; full: the whole text, for feeds the desk may republish. */
    content: enumField(['excerpt', 'full'], 'content').default('excerpt'),
    /** review: items arrive as drafts; auto: published at once. */
    publish: enumField(['review', 'auto'], 'publish').default('review'),
    /** Keep only items whose title or summary matches one of these. */
    include: patternList('include'),
    /** Drop items whose title or summary matches one of these. */
    exclude: patternList('exclude'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => unknownSourceField(key)).join('. ')
        : 'is not a source; write the fields id, name and feed under a "- " line',
  },
);

export type Source = z.output<typeof sourceSchema>;

/** Whether the registry takes `name` as an outlet's name, as it is written. */
export function isSourceName(name: string): boolean {
  return sourceSchema.shape.name.safeParse(name).success;
}

/** What a source is set to do: every field but the outlet's identity and addresses. */
const sourceSettingsSchema = sourceSchema.omit({ id: true, name: true, feed: true, site: true });

export type SourceSettings = z.output<typeof sourceSettingsSchema>;

/** Settings from outside the registry (an OPML export), checked as the registry checks them; `problem` says what is wrong. */
export function parseSourceSettings(value: unknown): { settings: SourceSettings } | { problem: string } {
  const result = sourceSettingsSchema.safeParse(value);
  if (result.success) return { settings: result.data };
  return { problem: result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ') };
}

/** The whole file: a list of sources with unique ids. */
const sourcesFileSchema = z
  .array(sourceSchema, { error: 'the file is not a list of sources; start each source with "- id: …" at the beginning of a line' })
  .superRefine((sources, ctx) => {
    const seen = new Map<string, number>();
    sources.forEach((source, index) => {
      const first = seen.get(source.id);
      if (first === undefined) seen.set(source.id, index);
      else ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${source.id}" is already the id of source ${first + 1} (${sources[first]!.name}); give each source its own id` });
    });
  });

function unknownSourceField(key: string): string {
  return unknownKeyMessage(key, SOURCE_FIELDS, 'a source');
}

/** The key of a `name: value` line, in a list item or not. */
const REPEATED_KEY = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:/;

/**
 * Reads and validates the registry's text. `file` is the path shown in messages. Problems name the line and the
 * field; an error means `sources` should not be used, a warning (one feed listed twice) leaves them usable.
 */
export function parseSources(text: string, file: string): { sources: Source[]; problems: Problem[] } {
  let data: unknown;
  try {
    data = yaml.load(text);
  } catch (error) {
    const yamlError = error as { mark?: { line?: number }; reason?: string; message?: string };
    // A quote or bracket left open is found at the end of the stream, a line past the last when the file ends in a newline.
    const lastLine = Math.max(1, text.replace(/(?:\r\n|\r|\n)$/, '').split(LINE_BREAK).length);
    const line = typeof yamlError.mark?.line === 'number' ? Math.min(yamlError.mark.line + 1, lastLine) : undefined;
    // A field written twice in one source: its name, as a problem of a field gives it.
    const repeated = line !== undefined && /duplicated mapping key/.test(yamlError.reason ?? '') ? REPEATED_KEY.exec(text.split(LINE_BREAK)[line - 1] ?? '')?.[1] : undefined;
    const problem: Problem = repeated
      ? { file, line, field: repeated, severity: 'error', message: 'is written twice in this source', hint: 'keep the one you mean and delete the other' }
      : { file, line, severity: 'error', message: `the file is not valid YAML (${yamlReason(yamlError)})`, hint: yamlHint(yamlError.reason ?? yamlError.message ?? '') };
    return { sources: [], problems: [problem] };
  }
  // A file of comments only (or nothing) follows no sources yet.
  if (data === undefined || data === null) return { sources: [], problems: [] };
  const result = sourcesFileSchema.safeParse(data);
  const lines = fieldLines(text, 1);
  if (result.success) return { sources: result.data, problems: equivalentFeedProblems(result.data, file, (index) => lineOfField(lines, `${index}.feed`)) };
  const problems = problemsFromIssues(file, result.error.issues, (field) => lineOfField(lines, field), 1, unknownSourceField);
  // The line says which source; the field reads as the editor wrote it (`feed`, `tags.1`), not `3.feed`.
  return { sources: [], problems: problems.map((problem) => ({ ...problem, field: problem.field?.replace(/^\d+\.?/, '') || undefined })) };
}
