/**
 * Where the article files are, without reading them: light enough for the build's own process, which only counts
 * them before its steps start.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ARTICLE_LIKE_FILE } from '../lib/content/article-file-name.ts';

/**
 * Same selection as the collection's glob (`**\/*.{md,mdx}`): dot-files and dot-folders are skipped, as tinyglobby
 * does. Symbolic links that glob would follow (to an article or to a folder) are listed as they are, so that the
 * tools refuse them by name: an article must be a file in the content folder, never a pointer to one elsewhere.
 * So are files named as articles the build does not read (`story.MD`, `story.markdown`: see ARTICLE_LIKE_FILE).
 */
export function listArticleFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && ARTICLE_LIKE_FILE.test(entry.name)) found.push(path);
      else if (entry.isSymbolicLink() && (ARTICLE_LIKE_FILE.test(entry.name) || isFolder(path))) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/** Whether a path inside `dir` is one listArticleFiles leaves out: a file or folder on its way is named with a leading dot. */
export function isHiddenIn(dir: string, path: string): boolean {
  return relative(dir, path).split(sep).some((part) => part.startsWith('.'));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
