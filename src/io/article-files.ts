/** The article files on disk, found as Astro's glob loader finds them and read for the one parser (src/lib/content/article.ts). */
import { constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readArticle, type ArticleSource, type ParseResult } from '../lib/content/article.ts';

/**
 * Same selection as the collection's glob (`**\/*.{md,mdx}`): dot-files and dot-folders are skipped, as tinyglobby
 * does. Symbolic links that glob would follow (to an article or to a folder) are listed as they are, so that the
 * tools refuse them by name: an article must be a file in the content folder, never a pointer to one elsewhere.
 */
export function listArticleFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.mdx?$/.test(entry.name)) found.push(path);
      else if (entry.isSymbolicLink() && (/\.mdx?$/.test(entry.name) || isFolder(path))) found.push(path);
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

/** A file's bytes; a file that cannot be opened comes back empty with the system's reason (`unreadable`), not as a throw. */
export function readArticleSource(absolutePath: string, file: string): ArticleSource {
  try {
    // Never through a symbolic link (ELOOP): see listArticleFiles.
    return { file, absolutePath, bytes: readFileSync(absolutePath, { flag: constants.O_RDONLY | constants.O_NOFOLLOW }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    return { file, absolutePath, bytes: new Uint8Array(), unreadable: code };
  }
}

/** A file as read (the checker wants its bytes) and as the one parser makes it out. */
export interface LoadedArticle extends ArticleSource {
  result: ParseResult;
}

/**
 * Every article under `dir`, parsed, in path order; one at a time, so a large archive is never all in memory.
 * `name` turns an absolute path into the one messages show (project-relative, or relative to the folder).
 */
export function* loadArticles(dir: string, name: (absolutePath: string) => string = (path) => path): Generator<LoadedArticle> {
  for (const absolutePath of listArticleFiles(dir)) yield loadArticle(absolutePath, name(absolutePath));
}

/** One file, read and parsed; `file` is the path messages show. */
export function loadArticle(absolutePath: string, file: string): LoadedArticle {
  const source = readArticleSource(absolutePath, file);
  return { ...source, result: readArticle(source) };
}
