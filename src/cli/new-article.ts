/**
 * `npm run new -- "Headline" --tags AI,Policy [--description …] [--author …] [--source-name … --source-url …] [--slug …]`:
 * writes a draft article with valid front matter into the content folder, never over an existing file or slug.
 */
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listArticleFiles, parseArticle, readArticleSource } from '../lib/content/content-files.ts';
import { scaffoldArticle, type ExistingArticle } from '../lib/authoring/scaffold.ts';
import { articleSlug } from '../lib/content/slug.ts';

const USAGE = `Usage: npm run new -- "Headline here" --tags AI,Policy [options]

  --tags          comma-separated tags (required; repeat the option or separate with commas)
  --description   the dek: one or two sentences (default: a TODO the checker warns about)
  --author        a byline; repeat for several authors
  --source-name   the original publisher, with --source-url
  --source-url    the original story's http(s) address
  --slug          the URL slug and file name (default: made from the headline)
  --dir           the content folder (default: NEWSDESK_CONTENT_DIR or content/articles)`;

function fail(lines: string[], usage = false): never {
  console.error(lines.map((line) => `npm run new: ${line}`).join('\n') + (usage ? `\n\n${USAGE}` : ''));
  process.exit(1);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      tags: { type: 'string', multiple: true },
      description: { type: 'string' },
      author: { type: 'string', multiple: true },
      'source-name': { type: 'string' },
      'source-url': { type: 'string' },
      slug: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  fail([(error as Error).message], true);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail([positionals.length === 0 ? 'give the headline, in quotes' : `give the headline as one quoted argument (got ${positionals.length} words: put it in quotes)`], true);
const tags = (values.tags ?? []).flatMap((value) => value.split(','));
if (tags.every((tag) => !tag.trim())) fail(['give at least one tag with --tags, e.g. --tags AI,Policy'], true);

const cwd = process.cwd();
const dir = resolve(cwd, values.dir ?? process.env.NEWSDESK_CONTENT_DIR ?? 'content/articles');
const display = (path: string) => (relative(cwd, path).startsWith('..') ? path : relative(cwd, path));

// Every existing slug counts, in any sub-folder, including files the checker would reject.
const existing: ExistingArticle[] = [];
if (existsSync(dir)) {
  for (const path of listArticleFiles(dir)) {
    const result = parseArticle(readArticleSource(path, display(path)));
    const data = result.ok ? result.article.data : {};
    existing.push({
      file: display(path),
      slug: articleSlug(basename(path), typeof data.slug === 'string' ? data.slug : undefined),
      tags: Array.isArray(data.tags) ? data.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    });
  }
}

const result = scaffoldArticle(
  {
    title: positionals[0]!,
    tags,
    description: values.description,
    authors: values.author,
    sourceName: values['source-name'],
    sourceUrl: values['source-url'],
    slug: values.slug,
    now: new Date(),
  },
  existing,
);
if (!result.ok) fail(result.errors);

const target = join(dir, result.fileName);
if (existsSync(target)) fail([`${display(target)} already exists; nothing was written`]);
mkdirSync(dir, { recursive: true });
// A dot-file is invisible to the checker and the build until it is complete; the hard link then creates the
// article in one step and fails, rather than overwrites, if the name was taken in the meantime.
const temp = join(dir, `.${result.fileName}.${process.pid}.tmp`);
writeFileSync(temp, result.text, { flag: 'wx' });
try {
  linkSync(temp, target);
  rmSync(temp, { force: true });
} catch (error) {
  // File systems without hard links: rename, having checked that the name is still free.
  if ((error as NodeJS.ErrnoException).code === 'EEXIST' || existsSync(target)) {
    rmSync(temp, { force: true });
    fail([`${display(target)} already exists; nothing was written`]);
  }
  renameSync(temp, target);
}
if (!statSync(target).isFile()) fail([`could not write ${display(target)}`]);

console.log(display(target));
console.error(
  `Created a draft. Next: write the description and the body, then set draft: false and check publishedAt to publish; run npm run check:content before committing.`,
);
