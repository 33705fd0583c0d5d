/** Publish rules, in one place: drafts never appear; future-dated articles wait for a build after their instant. */
import { parseDate } from './parse-date.ts';

export interface Publishable {
  draft: boolean;
  publishedAt: Date;
}

/**
 * The instant a build publishes up to: NEWSDESK_NOW when given (previews and tests pretend it is later), else the
 * clock. A value that is not a date is an error, never a silent "publish nothing".
 */
export function publishInstant(value: string | undefined, clock: () => Date = () => new Date()): Date {
  if (value === undefined || value === '') return clock();
  // Read as front matter dates are: `new Date` would take "1" or "12" as a year (2001), and publish nothing written since.
  const instant = parseDate(value);
  if (!instant) throw new Error(`NEWSDESK_NOW="${value}" is not a date; use an ISO-8601 instant such as 2026-12-01T09:00:00Z`);
  return instant;
}

export function isPublished(article: Publishable, now: Date): boolean {
  return !article.draft && article.publishedAt.getTime() <= now.getTime();
}

/** Why an article is not on the site yet. */
export type UnpublishedReason = 'draft' | 'scheduled';

/** Why an article is not on the site, for messages to editors; undefined when it is published. */
export function unpublishedReason(article: Publishable, now: Date): UnpublishedReason | undefined {
  if (article.draft) return 'draft';
  if (article.publishedAt.getTime() > now.getTime()) return 'scheduled';
  return undefined;
}
