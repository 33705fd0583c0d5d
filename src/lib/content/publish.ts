/** Publish rules, in one place: drafts never appear; future-dated articles wait for a build after their instant. */

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
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new Error(`NEWSDESK_NOW="${value}" is not a date; use an ISO-8601 instant such as 2026-12-01T09:00:00Z`);
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
