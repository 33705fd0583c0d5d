/**
 * The cards of a content folder, read from the article files themselves (no Astro needed) through the one article
 * loader. What a card needs of each file is remembered in the card cache with the file's size and modification
 * time, so a rebuild reads and parses only the files that changed: on a large archive, reading every file would
 * cost more than everything else the card step does.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CardJob } from '../../lib/cards/card-content.ts';
import { siteCardJobs, type CardSiteOptions, type CardSourceArticle } from '../../lib/cards/site-card-jobs.ts';
import { slugOfArticle } from '../../lib/content/article.ts';
import { articleSchema } from '../../lib/content/schema.ts';
import { storyBodyPart } from '../../lib/stories/features.ts';
import { listArticleFiles, loadArticle } from '../article-files.ts';
import { displayPath } from '../display-path.ts';

/** What a card needs of one file (dates as ISO strings), or null for a file the checker rejects. */
type Remembered = { size: number; mtimeMs: number; article: (Omit<CardSourceArticle, 'data'> & { data: Omit<CardSourceArticle['data'], 'publishedAt'> & { publishedAt: string } }) | null };

/** Raised when the remembered shape changes, so an older file is ignored. */
const MEMORY_VERSION = 2;

function readMemory(path: string): Map<string, Remembered> {
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { version: number; files: Record<string, Remembered> };
    return saved.version === MEMORY_VERSION ? new Map(Object.entries(saved.files)) : new Map();
  } catch {
    return new Map();
  }
}

function remember(path: string, contentDir: string): Remembered['article'] {
  const { result: parsed } = loadArticle(path, relative(contentDir, path));
  if (!parsed.ok) return null;
  const result = articleSchema.safeParse(parsed.article.data);
  if (!result.success) return null;
  const { title, description, publishedAt, authors, tags, source, draft, story } = result.data;
  return {
    slug: slugOfArticle(parsed.article.file, parsed.article.data),
    file: displayPath(path),
    data: { title, description, publishedAt: publishedAt.toISOString(), authors, tags, ...(source ? { source } : {}), draft, ...(story === undefined ? {} : { story }) },
    bodyStart: storyBodyPart(parsed.article.body),
  };
}

/** Every article file as the card step knows it; `cacheDir` keeps what was read last time. */
function cardSourceArticles(contentDir: string, cacheDir: string): CardSourceArticle[] {
  const memoryFile = join(cacheDir, 'articles.json');
  const before = readMemory(memoryFile);
  const after = new Map<string, Remembered>();
  let changed = false;
  for (const path of listArticleFiles(contentDir)) {
    const { size, mtimeMs } = statSync(path);
    const known = before.get(path);
    if (known && known.size === size && known.mtimeMs === mtimeMs) {
      after.set(path, known);
    } else {
      after.set(path, { size, mtimeMs, article: remember(path, contentDir) });
      changed = true;
    }
  }
  if (changed || after.size !== before.size) {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${memoryFile}.${randomUUID()}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: MEMORY_VERSION, files: Object.fromEntries(after) }));
    renameSync(temporary, memoryFile);
  }
  return [...after.values()].flatMap(({ article }) => (article ? [{ ...article, data: { ...article.data, publishedAt: new Date(article.data.publishedAt) } }] : []));
}

/** The cards of the published articles and of their stories. A file the checker rejects gives no card: the build stops on it anyway. */
export function loadCardJobs(contentDir: string, now: Date, site: CardSiteOptions, cacheDir: string): CardJob[] {
  return siteCardJobs(cardSourceArticles(contentDir, cacheDir), now, site);
}
