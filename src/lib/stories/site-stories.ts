/** Stories as the site shows them: their articles resolved, newest story first, and each article's story at hand. */
import type { Story } from './find-stories.ts';
import { outletOf, type ArticleSource, type Outlet } from './outlet.ts';
import { articleDate, type ArticleDate, type DatedData } from '../content/written-dates.ts';

export interface SiteStory<Article> {
  slug: string;
  /** The article whose headline and dek the story shows. */
  lead: Article;
  /** Earliest first; the first one "first reported" the event. */
  articles: Article[];
  /** Every outlet, in order of its first article, named as that article's page credits it (the registry's name). */
  outlets: Outlet[];
  /** When its newest article was published: stories with fresh coverage come first. */
  updatedAt: ArticleDate;
}

type StoryMember = { data: DatedData & { source?: ArticleSource }; sourcePage?: { name: string } };

export function siteStories<Article extends StoryMember>(stories: readonly Story[], bySlug: ReadonlyMap<string, Article>): SiteStory<Article>[] {
  return stories
    .map((story) => {
      const articles = story.articles.map((slug) => bySlug.get(slug)!);
      return { slug: story.slug, lead: bySlug.get(story.lead)!, articles, outlets: creditedOutlets(story.outlets, articles), updatedAt: articleDate(articles[articles.length - 1]!.data, 'publishedAt') };
    })
    .sort((a, b) => b.updatedAt.at.getTime() - a.updatedAt.at.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Each article's story, by the article's slug. */
export function storiesByArticle<Article extends { slug: string }>(stories: readonly SiteStory<Article>[]): Map<string, SiteStory<Article>> {
  return new Map(stories.flatMap((story) => story.articles.map((article) => [article.slug, story] as const)));
}

/** The outlets with the name the site credits each by: the registry's, where its first article is listed under a source. */
function creditedOutlets(outlets: readonly Outlet[], articles: readonly StoryMember[]): Outlet[] {
  return outlets.map((outlet) => {
    const name = articles.find((article) => outletOf(article.data.source).key === outlet.key)?.sourcePage?.name;
    return name === undefined ? outlet : { ...outlet, name };
  });
}
