/** Publish rules, in one place: drafts never appear; future-dated articles wait for a build after their instant. */

export interface Publishable {
  draft: boolean;
  publishedAt: Date;
}

export function isPublished(article: Publishable, now: Date): boolean {
  return !article.draft && article.publishedAt.getTime() <= now.getTime();
}

/** Why an article is not on the site, for messages to editors; undefined when it is published. */
export function unpublishedReason(article: Publishable, now: Date): 'draft' | 'scheduled' | undefined {
  if (article.draft) return 'draft';
  if (article.publishedAt.getTime() > now.getTime()) return 'scheduled';
  return undefined;
}
