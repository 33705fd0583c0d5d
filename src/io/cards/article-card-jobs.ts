/**
 * The cards of a content folder's published articles, read from the article files themselves (no Astro needed).
 * What a card needs of each file is remembered in the card cache with the file's size and modification time, so
 * a rebuild reads and parses only the files that changed: on a large archive, reading every file would cost more
 * than everything else the card step does.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { articleCardJobs, type CardArticle, type CardSite } from '../../lib/cards/article-card.ts';
import type { CardJob } from '../../lib/cards/card-content.ts';
import { listArticleFiles, parseArticle, readArticleSource } from '../../lib/content/content-files.ts';
import { isPublished } from '../../lib/content/publish.ts';
import { articleSchema } from '../../lib/content/schema.ts';
import { articleSlug } from '../../lib/content/slug.ts';
import { buildFacetIndex } from '../../lib/site/facets.ts';

/** What a card needs of one file (dates as ISO strings), or null for a file the checker rejects. */
type Remembered = { size: number; mtimeMs: number; article: (Omit<CardArticle, 'data'> & { data: Omit<CardArticle['data'], 'publishedAt'> & { publishedAt: string; draft: boolean } }) | null };

/** Raised when the remembered shape changes, so an older file is ignored. */
const MEMORY_VERSION = 1;

function readMemory(path: string): Map<string, Remembered> {
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { version: number; files: Record<string, Remembered> };
    return saved.version === MEMORY_VERSION ? new Map(Object.entries(saved.files)) : new Map();
  } catch {
    return new Map();
  }
}

function remember(path: string, contentDir: string): Remembered['article'] {
  const parsed = parseArticle(readArticleSource(path, relative(contentDir, path)));
  if (!parsed.ok) return null;
  const result = articleSchema.safeParse(parsed.article.data);
  if (!result.success) return null;
  const { title, publishedAt, authors, tags, source, draft, slug } = result.data;
  return {
    slug: articleSlug(relative(contentDir, path), slug),
    file: relative(process.cwd(), path),
    data: { title, publishedAt: publishedAt.toISOString(), authors, tags, ...(source ? { source: { name: source.name } } : {}), draft },
  };
}

/** A file the checker rejects gives no card: the build stops on it anyway. `cacheDir` keeps what was read last time. */
export function loadArticleCardJobs(contentDir: string, now: Date, site: CardSite, cacheDir: string): CardJob[] {
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
    const temporary = `${memoryFile}.${randomUUID()}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: MEMORY_VERSION, files: Object.fromEntries(after) }));
    renameSync(temporary, memoryFile);
  }

  const articles: CardArticle[] = [];
  for (const { article } of after.values()) {
    if (!article) continue;
    const data = { ...article.data, publishedAt: new Date(article.data.publishedAt) };
    if (isPublished(data, now)) articles.push({ ...article, data });
  }
  // The kicker is the first tag as the site spells it, which depends on every published article's spelling.
  const tags = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.tags })), 'tag');
  return articleCardJobs(articles, tags, site);
}
