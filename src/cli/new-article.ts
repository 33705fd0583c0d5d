/**
 * `npm run new -- "Headline" --tags AI,Policy [--description …] [--author …] [--source-name … --source-url …] [--slug …]`:
 * writes a draft article with valid front matter into the content folder (the sub-folder of it the command is typed
 * in, if any), never over an existing file or slug.
 */
import { join } from 'node:path';
import { loadArticles } from '../io/article-files.ts';
import { isHiddenIn } from '../io/article-paths.ts';
import { writeFailureReason } from '../io/file-errors.ts';
import { folderProblem } from '../io/meant-path.ts';
import { FolderLockError, lockFolder } from '../io/folder-lock.ts';
import { writeNewFile } from '../io/write-file.ts';
import { previewHint } from '../lib/authoring/drafts.ts';
import { existingForScaffold, scaffoldArticle } from '../lib/authoring/scaffold.ts';
import { enclosingContentFolder, isInsideFolder } from '../lib/inside-folder.ts';
import { inertLine } from '../lib/text/inert-line.ts';
import { settings } from '../settings.ts';
import { commandPaths, readCommandLine } from './command-line.ts';

const USAGE = `Usage: npm run new -- "Headline here" --tags AI,Policy [options]

  --tags          comma-separated tags (required; repeat the option or separate with commas)
  --description   the dek: one or two sentences (default: a TODO the checker warns about)
  --author        a byline; repeat for several authors
  --source-name   the original publisher, with --source-url
  --source-url    the original story's http(s) address
  --slug          the URL slug and file name (default: made from the headline)
  --dir           the content folder (default: NEWSDESK_CONTENT_DIR or content/articles)`;

/** With the usage, the command was misused; without, the article cannot be written. */
function report(lines: string[], usage = false): void {
  console.error(lines.map((line) => `npm run new: ${inertLine(line)}`).join('\n') + (usage ? `\n\n${USAGE}` : ''));
}

/** The command was misused (exit 2, as every command), found before any work has started. */
function misused(lines: string[]): never {
  report(lines, true);
  process.exit(2);
}

const args = readCommandLine(
  process.argv.slice(2),
  {
    allowPositionals: true,
    options: {
      tags: { type: 'string', multiple: true },
      description: { type: 'string' },
      author: { type: 'string', multiple: true },
      'source-name': { type: 'string' },
      'source-url': { type: 'string' },
      slug: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);
if (typeof args === 'number') process.exit(args);
const { values, positionals } = args;
if (positionals.length !== 1) misused([positionals.length === 0 ? 'give the headline, in quotes' : `give the headline as one quoted argument (got ${positionals.length} words: put it in quotes)`]);
if (!positionals[0]!.trim()) misused(['the headline is blank; give it in quotes']);
const tags = (values.tags ?? []).flatMap((value) => value.split(','));
if (tags.every((tag) => !tag.trim())) misused(['give at least one tag with --tags, e.g. --tags AI,Policy']);

const paths = commandPaths();
const dir = values.dir === undefined ? settings.contentDir : paths.resolve(values.dir);

// A mistyped folder would take the article where the build never looks, and hide every slug it must not repeat.
const dirProblem = folderProblem(dir, 'the content folder', paths);
if (dirProblem) misused([`${dirProblem}; check --dir or NEWSDESK_CONTENT_DIR`]);
// A --dir inside the content folder is one of its sub-folders: the slugs to avoid, and the lock, are the whole folder's.
const contentFolder = enclosingContentFolder(dir, settings.contentDir);

/** Writes the draft into place, holding the content folder's lock: the file written, or why it cannot be. */
async function writeDraft(): Promise<{ written: string; slug: string } | { problems: string[] }> {
  // An import (or another `new`) writing at the same moment could take the same slug in another sub-folder. The lock
  // is released when the process exits, however it exits.
  try {
    await lockFolder(contentFolder, { what: `the content folder ${paths.display(contentFolder)}`, onWait: (message) => console.error(`npm run new: ${message}`) });
  } catch (error) {
    if (!(error instanceof FolderLockError)) throw error;
    return { problems: [error.message] };
  }
  // Every existing slug counts, in any sub-folder, including files the checker would reject.
  const existing = existingForScaffold(loadArticles(contentFolder, paths.display));

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
  if (!result.ok) return { problems: result.errors };

  // Typed in a sub-folder of the content folder, the draft goes there: sub-folders are the editors' own filing.
  const typedInside = isInsideFolder(dir, paths.folder) && !isHiddenIn(dir, paths.folder);
  const target = join(typedInside ? paths.folder : dir, result.fileName);
  try {
    // A dot-file until it is complete and flushed; then linked into place, which fails rather than overwrites.
    await writeNewFile(target, result.text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { problems: [`${paths.display(target)} already exists, under another slug; nothing was written: choose another headline or pass --slug`] };
    return { problems: [`could not write ${paths.display(target)}: ${writeFailureReason(error, paths.display(target))}`] };
  }
  return { written: target, slug: result.slug };
}

const draft = await writeDraft();
if ('problems' in draft) {
  report(draft.problems);
  // Ended by the event loop, not process.exit, which can hang for good beside V8's background compilation (nodejs/node#54918).
  process.exitCode = 1;
} else {
  console.log(paths.display(draft.written));
  console.error(
    `Created a draft. Next: write the description and the body, then set draft: false and check publishedAt to publish; run npm run check:content before committing.\n${previewHint(settings.basePath, draft.slug)}`,
  );
}
