/**
 * The review queue: every draft and scheduled piece with its source, date and why it is not on the site, newest
 * first, for `npm run drafts`.
 */
import type { Source } from '../aggregation/registry.ts';
import { TODO_DEK } from '../checks/check-content.ts';
import type { ParseResult } from '../content/article.ts';
import { inertLine } from '../text/inert-line.ts';
import { parseDate } from '../content/parse-date.ts';
import { articleSchema } from '../content/schema.ts';
import { shownInstant } from '../content/iso-seconds.ts';
import type { DateFormatter } from '../site/dates.ts';
import { articleDate, isWrittenDay, type ArticleDate } from '../content/written-dates.ts';
import { createPaths } from '../site/paths.ts';
import { readableAddress } from '../site/readable-address.ts';

export interface DraftRow {
  file: string;
  title: string;
  /** The outlet's name, when the piece is aggregated or imported. */
  source?: string;
  publishedAt?: ArticleDate;
  /** False for a piece that is not a draft but waits for its publishedAt to come. */
  draft: boolean;
  /**
   * A file that cannot be read (not UTF-8, broken front matter): a file to fix, which may hold no draft line at all.
   * `draft` stays true for it, so that tools telling drafts from scheduled pieces by it read it as before.
   */
  unreadable?: true;
  /** Why it is not on the site, most telling first. */
  reasons: string[];
}

/**
 * `files` are the content folder's files as read (drafts and not): those with `draft: true` are listed, so are those
 * that cannot be read at all, which are on the site no more than a draft is and may well be one, and so are those
 * whose publishedAt is still to come, which a mistyped year would otherwise keep off the site without a word.
 */
export function listDrafts(files: Iterable<ParseResult>, sources: readonly Source[], now: Date): DraftRow[] {
  const byId = new Map(sources.map((source) => [source.id, source]));
  const rows: DraftRow[] = [];
  for (const file of files) {
    if (!file.ok) {
      const { file: path, line, message } = file.problem;
      rows.push({ file: path, title: '(cannot be read)', draft: true, unreadable: true, reasons: [`cannot be read${line ? ` (line ${line})` : ''}: ${message}; run npm run check:content`] });
      continue;
    }
    const { article } = file;
    const draft = article.data.draft === true;
    const result = articleSchema.safeParse(article.data);
    const raw = article.data as { title?: unknown; publishedAt?: unknown; source?: { id?: unknown; name?: unknown } };
    const rawDate = parseDate(raw.publishedAt);
    const publishedAt = result.success ? articleDate(result.data, 'publishedAt') : rawDate && { at: rawDate, dayAlone: isWrittenDay(raw.publishedAt) };
    const scheduled = publishedAt !== undefined && publishedAt.at.getTime() > now.getTime();
    if (!draft && !scheduled) continue;
    const sourceId = typeof raw.source?.id === 'string' ? raw.source.id : undefined;
    const registered = sourceId === undefined ? undefined : byId.get(sourceId);
    const sourceName = registered?.name ?? (typeof raw.source?.name === 'string' ? raw.source.name : undefined);

    const reasons: string[] = [];
    if (!draft) reasons.push(`scheduled for ${shownInstant(publishedAt!.at, publishedAt!.dayAlone)}: on the site from the first build after then`);
    else if (registered?.publish === 'review') reasons.push(`awaiting review: ${registered.name} is a publish: review source`);
    else if (sourceId !== undefined && !registered) reasons.push(`its source "${sourceId}" is not in the registry`);
    else if (sourceName !== undefined && sourceId === undefined) reasons.push(`coverage from ${sourceName}, awaiting review`);
    else reasons.push('marked draft: true');
    if (!result.success) reasons.push('has errors: run npm run check:content');
    else if (TODO_DEK.test(result.data.description)) reasons.push('the dek is still the placeholder');
    if (draft && scheduled) reasons.push(`scheduled for ${shownInstant(publishedAt.at, publishedAt.dayAlone)}`);

    rows.push({ file: article.file, title: typeof raw.title === 'string' && raw.title.trim() ? raw.title.trim() : '(untitled)', source: sourceName, publishedAt, draft, reasons });
  }
  // Newest first; undated ones (errors) last, then by file so the order never changes between runs.
  return rows.sort((a, b) => (b.publishedAt?.at.getTime() ?? -Infinity) - (a.publishedAt?.at.getTime() ?? -Infinity) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * `npm run drafts`' table: each piece's day as the site's pages will show it (in the site's zone: a piece for 00:30
 * in Tokyo is under the day it is there, not the day before as in UTC), its source and file, its headline and why it
 * waits. Headlines and outlets' names come from feeds, and files are named by whoever saved them: each line stays one
 * line, which no control character in them can break or turn into a command to the terminal or the CI runner.
 */
export function draftsTable(rows: readonly DraftRow[], dates: Pick<DateFormatter, 'isoDay'>): string {
  return rows
    .flatMap((row) => [`${row.publishedAt ? dates.isoDay(row.publishedAt) : 'no date   '}  ${row.source ?? '(own)'}  ${row.file}`, `            ${row.title}`, `            why: ${row.reasons.join('; ')}`])
    .map(inertLine)
    .join('\n');
}

/** Where `npm run dev` shows an unpublished article to editors: its page's address, under `basePath` (BASE_PATH). */
export function previewHint(basePath: string, slug?: string): string {
  const paths = createPaths(basePath);
  // Without a slug, the address's pattern, written out rather than escaped as a real one would be.
  return `Preview ${slug === undefined ? 'one' : 'it'} with npm run dev at ${slug === undefined ? `${paths.root}articles/<slug>/` : readableAddress(paths.article(slug))}.`;
}

/** The line under `npm run drafts`' list: how many of each, how to publish or fix one and where to see one first. */
export function draftsSummary(rows: readonly Pick<DraftRow, 'draft' | 'unreadable'>[], basePath: string): string {
  if (rows.length === 0) return 'No drafts, and nothing scheduled.';
  const unreadable = rows.filter((row) => row.unreadable).length;
  const drafts = rows.filter((row) => row.draft && !row.unreadable).length;
  const scheduled = rows.filter((row) => !row.draft).length;
  const counts = [drafts && `${drafts} draft${drafts === 1 ? '' : 's'}`, scheduled && `${scheduled} scheduled`, unreadable && `${unreadable} file${unreadable === 1 ? '' : 's'} to fix`].filter(
    (count): count is string => Boolean(count),
  );
  const listed = counts.length > 2 ? `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}` : counts.join(' and ');
  const publish = drafts ? ` To publish a draft, delete its "draft: true" line.` : '';
  const schedule = scheduled ? ` To publish a scheduled piece sooner, set its publishedAt to now.` : '';
  // Such a file is off the site for what is wrong in it, not for a draft line it may not have.
  const fix = unreadable ? ` To fix a file that cannot be read, run npm run check:content, which names its line and what to do.` : '';
  const preview = drafts || scheduled ? ` ${previewHint(basePath)}` : '';
  return `${listed}.${publish}${schedule}${fix}${preview}`;
}
