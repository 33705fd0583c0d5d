/**
 * `npm run drafts [-- --json] [--dir folder] [--sources file]`: the drafts waiting for an editor, newest first,
 * with source, date, path and why each is a draft. Publishing one is deleting its `draft: true` line.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { listDrafts } from '../lib/authoring/drafts.ts';
import { listArticleFiles, parseArticle, readArticleSource } from '../lib/content/content-files.ts';
import { publishInstant } from '../lib/content/publish.ts';
import { DEFAULT_SOURCES_FILE, readSourcesFile } from '../io/read-sources.ts';
import { readCommandLine, usageError } from './command-line.ts';

const USAGE = `Usage: npm run drafts [-- [--json] [--dir <folder>] [--sources <file>]]

Lists the drafts in the content folder (NEWSDESK_CONTENT_DIR, default content/articles), newest first.
  --json      print them as a JSON array of {file, title, source, publishedAt, reasons}
  --dir       the content folder
  --sources   the sources registry (NEWSDESK_SOURCES_FILE, default ${DEFAULT_SOURCES_FILE})
To publish a draft, delete its "draft: true" line (then npm run check:content).`;

function main(argv: string[]): number {
  const args = readCommandLine(
    argv,
    { options: { json: { type: 'boolean', default: false }, dir: { type: 'string' }, sources: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } },
    USAGE,
  );
  if (typeof args === 'number') return args;
  const cwd = process.cwd();
  const display = (path: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
  };
  const folder = resolve(args.values.dir ?? process.env.NEWSDESK_CONTENT_DIR ?? 'content/articles');
  const registryPath = resolve(args.values.sources ?? process.env.NEWSDESK_SOURCES_FILE ?? DEFAULT_SOURCES_FILE);
  let files: string[];
  try {
    files = listArticleFiles(folder);
  } catch {
    return usageError(`The content folder ${folder} does not exist.`, USAGE);
  }
  // A broken registry only loses the review reasons; check:content reports it.
  const { sources } = readSourcesFile(registryPath, display(registryPath));
  const articles = files.flatMap((file) => {
    const parsed = parseArticle(readArticleSource(file, display(file)));
    return parsed.ok ? [parsed.article] : [];
  });
  const drafts = listDrafts(articles, sources, publishInstant(process.env.NEWSDESK_NOW));

  if (args.values.json) {
    console.log(JSON.stringify(drafts.map((draft) => ({ ...draft, source: draft.source ?? null, publishedAt: draft.publishedAt?.toISOString() ?? null })), null, 2));
    return 0;
  }
  for (const draft of drafts) {
    const date = draft.publishedAt?.toISOString().slice(0, 10) ?? 'no date   ';
    console.log(`${date}  ${draft.source ?? '(own)'}  ${draft.file}\n            ${draft.title}\n            why: ${draft.reasons.join('; ')}`);
  }
  console.log(drafts.length === 0 ? 'No drafts.' : `\n${drafts.length} draft${drafts.length === 1 ? '' : 's'}. To publish one, delete its "draft: true" line.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
