/** Where front-matter fields sit in article files: read only when a problem found from the fields alone names one. */
import { resolve } from 'node:path';
import { lineOfField } from '../lib/content/front-matter-lines.ts';
import type { ParsedArticle } from '../lib/content/article.ts';
import { loadArticle } from './article-files.ts';

/**
 * The line of a field in an article's file (a path from `folder`), or undefined when the file cannot be read or has
 * no such field. Each file is read once, however many of its fields are asked for.
 */
export function createFieldLines(folder = process.cwd()): (file: string, field: string) => number | undefined {
  const linesByFile = new Map<string, ParsedArticle['lines'] | undefined>();
  return (file, field) => {
    if (!linesByFile.has(file)) {
      const { result } = loadArticle(resolve(folder, file), file);
      linesByFile.set(file, result.ok ? result.article.lines : undefined);
    }
    const lines = linesByFile.get(file);
    return lines && lineOfField(lines, field);
  };
}
