/** The synthetic corpus on disk: written out once per size, one file at a time, and one article edited for the warm rebuild. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeManyFiles } from '../io/many-files.ts';
import { corpusArticles, planCorpus, summarizeCorpus, type CorpusArticle, type CorpusSummary, type PlannedArticle } from '../lib/bench/corpus.ts';

export function writeCorpus(dir: string, articles: Iterable<CorpusArticle>): void {
  rmSync(dir, { recursive: true, force: true });
  writeManyFiles(Iterator.from(articles).map((article) => [join(dir, article.path), article.content] as const));
}

export interface WrittenCorpus {
  content: string;
  summary: CorpusSummary;
  /** The newest published article: the one the warm rebuild edits and the dev server is asked for. */
  sample: Pick<PlannedArticle, 'path' | 'slug' | 'title'>;
  /** Time to plan the corpus (bodies drawn once and dropped), then to draw them again and write every file. */
  planMs: number;
  writeMs: number;
}

/**
 * Writes a corpus of `count` articles into `content`, holding only their front matter in memory at any time;
 * `bodyScale` lengthens (or shortens) every body.
 */
export function writeSyntheticCorpus(content: string, count: number, seed: number, now: Date, bodyScale = 1): WrittenCorpus {
  const started = performance.now();
  const plan = planCorpus({ count, seed, now, bodyScale });
  const planned = performance.now();
  writeCorpus(content, corpusArticles(plan));
  const { path, slug, title } = plan.find((article) => article.status === 'published')!;
  return { content, summary: summarizeCorpus(plan), sample: { path, slug, title }, planMs: planned - started, writeMs: performance.now() - planned };
}

/** A visible edit to one article, as in an editor's commit; returns how to undo it. */
export function editOneArticle(content: string, path: string): () => void {
  const file = join(content, path);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\n\n## Update\n\nThis article was updated after publication with a correction from the desk.\n`);
  return () => writeFileSync(file, original);
}
