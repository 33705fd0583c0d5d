/**
 * A deterministic synthetic archive for the benchmark and scale tests: technology-news articles of realistic
 * length and Markdown shape, long-tailed tags and authors, curated related lists, drafts and scheduled pieces.
 */
import { slugify } from '../content/slug.ts';
import { AUTHORS, CORPUS_TAGS, PUBLISHERS } from './corpus-vocabulary.ts';
import { createProseWriter } from './prose-writer.ts';
import { createRandom, createZipf, distinct, type Random } from './random.ts';

export { CORPUS_TAGS };

/** What the scale test and the bench need to know about a generated article without re-parsing it. */
export interface CorpusArticle {
  /** Relative to the content directory, e.g. "2026/05/banks-rethink-fraud-3k.md". */
  path: string;
  slug: string;
  status: 'published' | 'draft' | 'scheduled';
  title: string;
  description: string;
  tags: string[];
  authors: string[];
  publishedAt: Date;
  related: string[];
  /** Words of prose written into the body. */
  words: number;
  /** The Markdown after the front matter. */
  body: string;
  /** The whole file: front matter and Markdown body. */
  content: string;
}

export interface CorpusOptions {
  count: number;
  /** Same seed, same corpus. Default 1. */
  seed?: number;
  /** The build's clock: published articles lie before it, scheduled ones after. */
  now: Date;
  /** Articles per day of archive, which sets how far back dates go. Default 12. */
  perDay?: number;
  /** Each body's drawn length times this: 4 gives an archive of long reads. Default 1. */
  bodyScale?: number;
}

/** Shares of the corpus that are not on the site. */
export const DRAFT_SHARE = 0.02;
export const SCHEDULED_SHARE = 0.01;
/** Share of published articles with an editor-curated related list. */
export const CURATED_SHARE = 0.03;

const DAY = 86_400_000;

/**
 * An article without its body: what a large corpus keeps in memory while it is written out. The body is drawn
 * again from the random state it was first drawn from, so the files are the same as if it had been kept.
 */
export interface PlannedArticle extends Omit<CorpusArticle, 'body' | 'content'> {
  updatedAt?: Date;
  /** The outlet credited in `source`, on about half the articles. */
  sourceName?: string;
  tagIndexes: number[];
  targetWords: number;
  bodyState: number;
}

/**
 * Every article of the corpus but its body. Bodies are drawn here too (the draws after them depend on how many
 * they took) and dropped, so a corpus of any size can be written one file at a time (`corpusArticles`).
 */
export function planCorpus(options: CorpusOptions): PlannedArticle[] {
  const random = createRandom(options.seed ?? 1);
  const perDay = options.perDay ?? 12;
  const tagSampler = createZipf(CORPUS_TAGS.length, 1);
  const authorSampler = createZipf(AUTHORS.length, 0.9);
  const writer = createProseWriter(random);

  const articles: PlannedArticle[] = [];
  for (let index = 0; index < options.count; index++) {
    const tagIndexes = distinct(random, tagSampler, random.int(2, 5));
    const authorCount = random.chance(0.03) ? 0 : random.chance(0.2) ? 2 : 1;
    const authors = distinct(random, authorSampler, authorCount).map((a) => AUTHORS[a]!);
    const status = random.chance(DRAFT_SHARE) ? 'draft' : random.chance(SCHEDULED_SHARE / (1 - DRAFT_SHARE)) ? 'scheduled' : 'published';
    const publishedAt =
      status === 'scheduled'
        ? new Date(options.now.getTime() + random.int(1, 30) * DAY + random.int(0, 23) * 3_600_000)
        : new Date(options.now.getTime() - (index / perDay) * DAY - random.int(1, 600) * 60_000);
    publishedAt.setUTCSeconds(0, 0);
    const topic = writer.topicWords(tagIndexes);
    const title = writer.headline(topic);
    const description = writer.dek(topic);
    const slug = `${slugify(title).split('-').slice(0, 7).join('-')}-${index.toString(36)}`;
    const month = String(publishedAt.getUTCMonth() + 1).padStart(2, '0');
    // Beta(2, 3) over 280-1,380 words, plus the last section's overrun (about 60 words): 300-1,500 words,
    // mean about 780, most articles 500-1,000, a few long reads (each times `bodyScale`).
    const targetWords = Math.round((280 + 1100 * betaTwoThree(random)) * (options.bodyScale ?? 1));
    const bodyState = random.state();
    const { words } = writer.body(topic, targetWords);
    articles.push({
      path: `${publishedAt.getUTCFullYear()}/${month}/${slug}.md`,
      slug,
      status,
      title,
      description,
      tags: tagIndexes.map((t) => CORPUS_TAGS[t]!),
      authors,
      publishedAt,
      related: [],
      words,
      tagIndexes,
      targetWords,
      bodyState,
    });
  }

  // Curated lists point back at older published pieces, as editors link to earlier coverage.
  const published = articles.filter((article) => article.status === 'published');
  published.forEach((article, position) => {
    const older = published.length - position - 1;
    if (older < 3 || !random.chance(CURATED_SHARE)) return;
    const picks = distinct(random, (r) => position + 1 + Math.floor(r.next() * older), random.int(1, 3));
    article.related = picks.map((p) => published[p]!.slug);
  });

  for (const article of articles) {
    // An update is never later than the corpus's present, as the content check requires.
    if (article.status === 'published' && random.chance(0.15)) article.updatedAt = new Date(Math.min(article.publishedAt.getTime() + random.int(1, 72) * 3_600_000, options.now.getTime()));
    if (random.chance(0.5)) article.sourceName = random.pick(PUBLISHERS);
  }
  return articles;
}

/** The planned articles with their bodies and whole files, one at a time. */
export function* corpusArticles(plan: Iterable<PlannedArticle>): Generator<CorpusArticle> {
  const random = createRandom(0);
  const writer = createProseWriter(random);
  for (const { updatedAt, sourceName, tagIndexes, targetWords, bodyState, ...article } of plan) {
    random.restore(bodyState);
    const body = writer.body(writer.topicWords(tagIndexes), targetWords).markdown;
    yield { ...article, body, content: frontMatter(article, updatedAt, sourceName) + body };
  }
}

export function generateCorpus(options: CorpusOptions): CorpusArticle[] {
  return [...corpusArticles(planCorpus(options))];
}

/** Counts the scale test and the bench report need. */
export interface CorpusSummary {
  published: number;
  drafts: number;
  scheduled: number;
  meanWords: number;
  /** Published articles per tag, most used first. */
  tagCounts: Array<[string, number]>;
  /** Published articles per author, most used first. */
  authorCounts: Array<[string, number]>;
}

/** What a summary reads of each article: planned articles will do. */
export type SummarizedArticle = Pick<CorpusArticle, 'status' | 'words' | 'tags' | 'authors'>;

export function summarizeCorpus(articles: readonly SummarizedArticle[]): CorpusSummary {
  const published = articles.filter((article) => article.status === 'published');
  const count = (names: (article: SummarizedArticle) => string[]) => {
    const counts = new Map<string, number>();
    for (const article of published) for (const name of names(article)) counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  return {
    published: published.length,
    drafts: articles.filter((article) => article.status === 'draft').length,
    scheduled: articles.filter((article) => article.status === 'scheduled').length,
    meanWords: articles.length === 0 ? 0 : articles.reduce((sum, article) => sum + article.words, 0) / articles.length,
    tagCounts: count((article) => article.tags),
    authorCounts: count((article) => article.authors),
  };
}

function betaTwoThree(random: Random): number {
  // The 2nd smallest of 4 uniforms is Beta(2, 3).
  const draws = [random.next(), random.next(), random.next(), random.next()].sort((a, b) => a - b);
  return draws[1]!;
}

function frontMatter(article: Omit<CorpusArticle, 'body' | 'content'>, updatedAt: Date | undefined, sourceName: string | undefined): string {
  const lines = ['---', `title: ${JSON.stringify(article.title)}`];
  lines.push(`description: ${JSON.stringify(article.description)}`);
  lines.push(`publishedAt: ${article.publishedAt.toISOString().replace('.000Z', 'Z')}`);
  if (updatedAt) lines.push(`updatedAt: ${updatedAt.toISOString().replace('.000Z', 'Z')}`);
  if (article.authors.length > 0) lines.push(`authors: ${JSON.stringify(article.authors)}`);
  lines.push(`tags: ${JSON.stringify(article.tags)}`);
  if (sourceName) lines.push('source:', `  name: ${JSON.stringify(sourceName)}`, `  url: "https://news.example.com/${article.slug}"`);
  if (article.related.length > 0) lines.push('related:', ...article.related.map((slug) => `  - ${slug}`));
  if (article.status === 'draft') lines.push('draft: true');
  lines.push('---', '', '');
  return lines.join('\n');
}
