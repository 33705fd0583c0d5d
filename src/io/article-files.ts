/** The article files on disk, found as Astro's glob loader finds them and read for the one parser (src/lib/content/article.ts). */
import { constants, readFileSync } from 'node:fs';
import { readArticle, type ArticleSource, type ParseResult } from '../lib/content/article.ts';
import { listArticleFiles } from './article-paths.ts';

/** A file's bytes; a file that cannot be opened comes back empty with the system's reason (`unreadable`), not as a throw. */
export function readArticleSource(absolutePath: string, file: string): ArticleSource {
  try {
    // Never through a symbolic link (ELOOP): see listArticleFiles (./article-paths.ts).
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
