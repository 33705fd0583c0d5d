/** The article files on disk, found as Astro's glob loader finds them and read for the one parser (src/lib/content/article.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticle, type ArticleSource, type ParseResult } from '../lib/content/article.ts';

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
