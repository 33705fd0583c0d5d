/** The `story` field checked against the other articles: it must name a published article that can lead a story. */
import { unpublishedReason } from '../content/publish.ts';
import { shownInstant } from '../content/iso-seconds.ts';
import type { CheckedArticle, Problem } from './cross-article.ts';

export function storyReferenceProblems(articles: readonly CheckedArticle[], bySlug: ReadonlyMap<string, readonly CheckedArticle[]>, now: Date): Problem[] {
  const problems: Problem[] = [];
  for (const article of articles) {
    const slug = article.data.story;
    if (typeof slug !== 'string') continue;
    const problem = (severity: Problem['severity'], message: string, hint: string) => problems.push({ file: article.file, field: 'story', severity, message, hint });
    const target = bySlug.get(slug)?.[0];
    if (!target) {
      problem('error', `no article has the slug "${slug}"`, 'name the article whose story this joins (its slug), or write story: false');
    } else if (target === article) {
      problem('error', `"${slug}" is this article itself`, 'name another article of the story, or remove the line');
    } else if (target.data.story === false) {
      problem('error', `"${slug}" (${target.file}) is kept out of every story with story: false`, 'remove story: false there, or name another article');
    } else if (typeof target.data.story === 'string') {
      problem('error', `"${slug}" (${target.file}) itself joins the story of "${target.data.story}"`, `write story: ${target.data.story}`);
    } else if (unpublishedReason(target.data, now) === 'draft') {
      problem('error', `"${slug}" (${target.file}) is a draft, so the story would never be shown`, 'publish it or name another article');
    } else if (unpublishedReason(target.data, now) === 'scheduled') {
      problem('warning', `"${slug}" (${target.file}) is scheduled for ${shownInstant(target.data.publishedAt, target.data.dayAlone?.publishedAt === true)}`, 'this article joins its story once it is published');
    }
  }
  return problems;
}
