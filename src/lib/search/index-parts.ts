/**
 * The search index in parts: the published articles grouped by when they were published, each group small enough
 * (in articles, and in words: Pagefind's memory grows with the words it holds) for Pagefind to index in bounded
 * memory, and merged again in the reader's browser. Parts are filled from the oldest article forward, so new
 * articles only ever change the newest part: an older part keeps its articles, its name and its index from one
 * build to the next, and can be reused as it is.
 */

export interface PartArticle {
  slug: string;
  publishedAt: Date;
  /** The body's words, as reading time counts them (src/lib/site/reading-time.ts `countWords`). */
  words: number;
}

/** How large a part may grow: in articles, and in the words of their bodies, so that a part of long reads holds fewer. */
export interface PartLimits {
  articles: number;
  words: number;
}

export interface SearchPart<Article extends PartArticle> {
  /**
   * The period the part's articles were published in, by UTC month or day: "2026-03", "2026-01..2026-03",
   * "2026-03-14" or "2026-03-01..2026-03-09". Safe as a folder name and in a URL.
   */
  key: string;
  /** Oldest first, by publication instant then slug. */
  articles: Article[];
}

/** Articles of one calendar period, oldest first, and their words. */
interface Period<Article> {
  name: string;
  articles: Article[];
  words: number;
}

const oldestFirst = (a: PartArticle, b: PartArticle) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/**
 * The parts, oldest first. Consecutive months share a part while it stays within both limits; a month beyond them
 * is split the same way by day, and a day is never split, so a part can exceed a limit only by being one day.
 */
export function searchParts<Article extends PartArticle>(articles: readonly Article[], limits: PartLimits): SearchPart<Article>[] {
  if (!Number.isInteger(limits.articles) || limits.articles < 1) throw new Error(`The search part size must be a whole number of articles, 1 or more (got ${limits.articles})`);
  if (!Number.isInteger(limits.words) || limits.words < 1) throw new Error(`The search part's words must be a whole number, 1 or more (got ${limits.words})`);
  const parts: SearchPart<Article>[] = [];
  let months: Period<Article>[] = [];
  for (const month of periods([...articles].sort(oldestFirst), (day) => day.slice(0, 7))) {
    if (fits(month.articles.length, month.words, limits)) {
      months.push(month);
      continue;
    }
    parts.push(...joinPeriods(months, limits), ...joinPeriods(periods(month.articles, (day) => day), limits));
    months = [];
  }
  return [...parts, ...joinPeriods(months, limits)];
}

const fits = (articles: number, words: number, limits: PartLimits) => articles <= limits.articles && words <= limits.words;

/** The articles cut into runs by `name` of their UTC day ("2026-03-14"), in order. */
function periods<Article extends PartArticle>(sorted: readonly Article[], name: (day: string) => string): Period<Article>[] {
  const found: Period<Article>[] = [];
  for (const article of sorted) {
    const period = name(article.publishedAt.toISOString().slice(0, 10));
    const last = found.at(-1);
    if (last?.name === period) {
      last.articles.push(article);
      last.words += article.words;
    } else found.push({ name: period, articles: [article], words: article.words });
  }
  return found;
}

/** Consecutive periods gathered while the total stays within `limits`, each gathering named first..last. */
function joinPeriods<Article extends PartArticle>(list: readonly Period<Article>[], limits: PartLimits): SearchPart<Article>[] {
  const parts: Array<{ first: string; last: string; articles: Article[]; words: number }> = [];
  for (const period of list) {
    const open = parts.at(-1);
    if (open && fits(open.articles.length + period.articles.length, open.words + period.words, limits)) {
      open.last = period.name;
      open.articles.push(...period.articles);
      open.words += period.words;
    } else {
      parts.push({ first: period.name, last: period.name, articles: [...period.articles], words: period.words });
    }
  }
  return parts.map(({ first, last, articles }) => ({ key: first === last ? first : `${first}..${last}`, articles }));
}

/**
 * The parts searched by every word: the newest ones, whole, until they hold at least `articles` articles. Whole
 * parts, so that an older part's documents change only when the newer ones outgrow the count, not with each new
 * article; the rest are searched by their opening (search-documents.ts).
 */
export function fullTextParts<Article extends PartArticle>(parts: readonly SearchPart<Article>[], articles: number): Set<SearchPart<Article>> {
  const full = new Set<SearchPart<Article>>();
  let covered = 0;
  for (const part of parts.toReversed()) {
    if (covered >= articles) break;
    full.add(part);
    covered += part.articles.length;
  }
  return full;
}

/**
 * A count (of articles, unless `unit` says otherwise) set by the environment variable `variable` (`requested`, as
 * given) instead of the site setting (`configured`): a whole number, at least `least`.
 */
export function countSetting(variable: string, requested: string | undefined, configured: number, least: number, unit = 'articles'): number {
  if (requested === undefined) return configured;
  const count = Number(requested);
  if (!/^\d+$/.test(requested.trim()) || count < least) {
    throw new Error(`${variable}="${requested}" is not a number of ${unit}; use a whole number, ${least} or more, or leave it unset`);
  }
  // Beyond this a number is no longer the one written (and 400 nines are Infinity, which the steps refuse without naming the variable).
  if (!Number.isSafeInteger(count)) {
    throw new Error(`${variable}="${requested}" is more ${unit} than can be counted; use a whole number up to ${Number.MAX_SAFE_INTEGER}, or leave it unset`);
  }
  return count;
}
