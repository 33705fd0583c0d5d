/** Stories as the site shows them: their articles resolved, newest story first, and each article's story at hand. */
import type { Story } from './find-stories.ts';
import type { Outlet } from './outlet.ts';

export interface SiteStory<Article> {
  slug: string;
  /** The article whose headline and dek the story shows. */
  lead: Article;
  /** Earliest first; the first one "first reported" the event. */
  articles: Article[];
  /** Every outlet, in order of its first article. */
  outlets: Outlet[];
  /** When its newest article was published: stories with fresh coverage come first. */
  updatedAt: Date;
}

export function siteStories<Article extends { data: { publishedAt: Date } }>(stories: readonly Story[], bySlug: ReadonlyMap<string, Article>): SiteStory<Article>[] {
  return stories
    .map((story) => {
      const articles = story.articles.map((slug) => bySlug.get(slug)!);
      return { slug: story.slug, lead: bySlug.get(story.lead)!, articles, outlets: story.outlets, updatedAt: articles[articles.length - 1]!.data.publishedAt };
    })
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Each article's story, by the article's slug. */
export function storiesByArticle<Article extends { slug: string }>(stories: readonly SiteStory<Article>[]): Map<string, SiteStory<Article>> {
  return new Map(stories.flatMap((story) => story.articles.map((article) => [article.slug, story] as const)));
}
