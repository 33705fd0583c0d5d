/**
 * The archive listing: what the build's steps after the content check (social cards, search index) need of each
 * valid article, so that the archive is read and parsed once, by the check, rather than once more by each step.
 * One JSON line per article: a step keeps only the lines it needs, never the files' text.
 */
import { storyBodyPart } from '../stories/features.ts';
import { slugOfArticle, type ParsedArticle } from './article.ts';
import type { ArticleData } from './schema.ts';

export interface ListedArticle {
  /** Where the file is, for a step that reads it again (the search index renders its body). */
  absolutePath: string;
  /** The path messages show. */
  file: string;
  slug: string;
  data: Pick<ArticleData, 'title' | 'description' | 'publishedAt' | 'authors' | 'tags' | 'draft' | 'source' | 'story'>;
  /** As much of the body as story grouping reads (storyBodyPart). */
  bodyStart: string;
}

/** An article that passed the schema (`data` is the schema's output), as the listing keeps it. */
export function listedArticle(article: ParsedArticle, absolutePath: string, data: ArticleData): ListedArticle {
  const { title, description, publishedAt, authors, tags, source, draft, story } = data;
  return {
    absolutePath,
    file: article.file,
    slug: slugOfArticle(article.file, article.data),
    data: { title, description, publishedAt, authors, tags, draft, ...(source ? { source } : {}), ...(story === undefined ? {} : { story }) },
    bodyStart: storyBodyPart(article.body),
  };
}

export function listingLine(article: ListedArticle): string {
  return `${JSON.stringify(article)}\n`;
}

export function parseListingLine(line: string): ListedArticle {
  const article = JSON.parse(line) as ListedArticle & { data: { publishedAt: string } };
  return { ...article, data: { ...article.data, publishedAt: new Date(article.data.publishedAt) } };
}
