/**
 * The one front-matter reader: every tool and the site cut an article file into front matter and body here.
 * gray-matter splits the file; the YAML goes to js-yaml 4, the parser Astro's loader uses, so the tools and the
 * build agree on every value (gray-matter's own js-yaml 3 accepts tab indentation that Astro rejects).
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { FrontMatterLimitError, frontMatterLimitProblem } from './front-matter-limits.ts';
import { ARTICLE_YAML_SCHEMA } from './yaml-timestamps.ts';

const refuseCode = () => {
  throw new Error('not YAML');
};

/**
 * The YAML is checked against the alias limits before js-yaml expands it, and read with early years as written.
 * gray-matter hands over the text from the end of the opening `---` on, so its line 1 is the opening line.
 */
function readYaml(text: string): object {
  const limit = frontMatterLimitProblem(text);
  if (limit) throw new FrontMatterLimitError(limit);
  return yaml.load(text, { schema: ARTICLE_YAML_SCHEMA }) as object;
}

/** gray-matter would evaluate `---js` front matter as code; articles are data, so those engines only throw. */
const YAML_ONLY = { engines: { yaml: readYaml, js: refuseCode, javascript: refuseCode } };
/** For callers that want only the body: the same cut, without parsing the YAML. */
const SPLIT_ONLY = { engines: { yaml: () => ({}), js: refuseCode, javascript: refuseCode } };

const OPENING = '---';
const CLOSING = '\n---';

type MatterOptions = typeof YAML_ONLY;

/**
 * gray-matter, handed only the text up to and with the closing `---`: before reading anything it looks its whole
 * input up in its cache (even with options, when it stores nothing) and copies it into a Buffer, which for a whole
 * file is most of its time. The body is cut here as gray-matter cuts it: after the first `\n---` past the opening,
 * less one `\r` and one `\n`.
 */
function matterUpToBody(text: string, options: MatterOptions): { data: unknown; content: string; matter?: string } {
  const closing = text.startsWith(OPENING) && text[OPENING.length] !== '-' ? text.indexOf(CLOSING, OPENING.length) : -1;
  if (closing === -1) return matter(text, options);
  const bodyStart = closing + CLOSING.length;
  const parsed = matter(text.slice(0, bodyStart), options) as { data: unknown; matter?: string };
  let content = text.slice(bodyStart);
  if (content[0] === '\r') content = content.slice(1);
  if (content[0] === '\n') content = content.slice(1);
  return { data: parsed.data, matter: parsed.matter, content };
}

/** Astro's front-matter pattern tolerates blank lines before the opening ---, so the reader does too. */
export function leadingBlankLines(text: string): string {
  return /^(?:[ \t]*\r?\n)*/.exec(text)![0];
}

export interface FrontMatter {
  /** What YAML made of the front matter (not necessarily an object). */
  data: unknown;
  /** The front matter's text, between the `---` lines. */
  frontMatter: string;
  /** Everything after the closing `---` line. */
  body: string;
}

/**
 * Reads text that starts at the opening `---` (after `leadingBlankLines`, without a byte-order mark).
 * Throws js-yaml's error, with its `mark` and `reason`, when the front matter is not valid YAML, and a
 * FrontMatterLimitError (lines counted from the opening `---` as line 1) when it expands beyond the limits.
 */
export function readFrontMatter(text: string): FrontMatter {
  // An options object also turns off gray-matter's cache, which would otherwise keep every file in memory.
  const parsed = matterUpToBody(text, YAML_ONLY);
  // A copy: the YAML parser's strings are slices of the file's text, and a tool that keeps an article's fields (the
  // card step, the sitemap, the search index's plan) would otherwise keep every file's whole text alive.
  return { data: structuredClone(parsed.data), frontMatter: parsed.matter ?? '', body: parsed.content };
}

/** The body of a whole article file, trimmed: front matter cut exactly as `readFrontMatter` cuts it, its YAML left unread. */
export function articleBody(fileText: string): string {
  const text = fileText.replace(/^\uFEFF/, '');
  const rest = text.slice(leadingBlankLines(text).length);
  if (!rest.startsWith(OPENING)) return text.trim();
  return matterUpToBody(rest, SPLIT_ONLY).content.trim();
}
