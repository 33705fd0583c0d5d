/** The synthetic corpus on disk: written out once per size, and one article edited for the warm rebuild. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CorpusArticle } from '../lib/bench/corpus.ts';

export function writeCorpus(dir: string, articles: readonly CorpusArticle[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const article of articles) {
    const path = join(dir, article.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, article.content);
  }
}

/** A visible edit to one published article, as in an editor's commit; returns how to undo it. */
export function editOneArticle(content: string, articles: readonly CorpusArticle[]): () => void {
  const file = join(content, articles.find((article) => article.status === 'published')!.path);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\n\n## Update\n\nThis article was updated after publication with a correction from the desk.\n`);
  return () => writeFileSync(file, original);
}
