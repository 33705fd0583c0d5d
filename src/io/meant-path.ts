/** "Did you mean …?" for a path typed with a slip (`content/artciles`, `feeed.xml`): the closest name beside it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { closestWord } from '../lib/text/suggest.ts';

/**
 * The path meant, written as `given` is (relative stays relative), or undefined when no name there is close. A
 * folder on the way that does not exist is corrected first (`Articles/story.md` → `articles/story.md`).
 */
export function meantPath(given: string, resolve: (given: string) => string): string | undefined {
  const typedFolder = dirname(given);
  const folder = typedFolder === given || existsSync(resolve(typedFolder)) ? typedFolder : meantPath(typedFolder, resolve);
  if (folder === undefined) return undefined;
  let names: string[];
  try {
    names = readdirSync(resolve(folder));
  } catch {
    return undefined;
  }
  const name = closestWord(basename(given), names.filter((entry) => !entry.startsWith('.')));
  return name === undefined ? undefined : join(folder, name);
}

/** ` (did you mean <path>?)`, to follow "does not exist" whatever ends the sentence, or nothing. */
export function didYouMean(given: string, resolve: (given: string) => string): string {
  const meant = meantPath(given, resolve);
  return meant === undefined ? '' : ` (did you mean ${meant}?)`;
}

/**
 * Why the folder given (`--dir`, NEWSDESK_CONTENT_DIR) cannot be used, starting with `what` ("The content folder"),
 * or undefined when it is a folder: a slip is answered with the folder meant, a file given for it is named a file.
 */
export function folderProblem(path: string, what: string, paths: { display(path: string): string; resolve(given: string): string }): string | undefined {
  const shown = paths.display(path);
  if (!existsSync(path)) return `${what} ${shown} does not exist${didYouMean(shown, paths.resolve)}`;
  return statSync(path).isDirectory() ? undefined : `${what} ${shown} is a file, not a folder`;
}
