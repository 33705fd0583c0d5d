/** Writes a synthetic corpus (src/lib/bench/corpus.ts) into a content folder, as the benchmarks build it. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CorpusArticle } from '../../lib/bench/corpus.ts';

export function writeCorpus(dir: string, articles: readonly CorpusArticle[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const article of articles) {
    const path = join(dir, article.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, article.content);
  }
}
