/** A story page's social card: the lead article's headline, how many outlets report it (or the one), and its latest date. */
import type { Outlet } from '../stories/outlet.ts';
import type { CardSite } from './article-card.ts';
import type { CardContent } from './card-content.ts';
import type { ArticleDate } from '../content/written-dates.ts';

/** The kicker of every story card, as the story page's own kicker reads. */
const STORY_KICKER = 'Story';

export interface CardStory {
  /** The lead article's headline. */
  headline: string;
  /** Which way it runs, when the lead article's language says so (CardContent.headlineDirection). */
  headlineDirection?: 'ltr' | 'rtl';
  /** Every outlet, in order of its first article; own reporting has no name. */
  outlets: readonly Outlet[];
  /** When its newest article was published, as the story page dates it. */
  updatedAt: ArticleDate;
}

export function storyCardContent(story: CardStory, site: CardSite): CardContent {
  const [first] = story.outlets;
  const credit = story.outlets.length > 1 ? `${story.outlets.length} outlets` : first?.name && `via ${first.name}`;
  return { headline: story.headline, ...(story.headlineDirection && { headlineDirection: story.headlineDirection }), kicker: STORY_KICKER, credit: credit || undefined, date: site.formatDate(story.updatedAt), siteName: site.siteName };
}

/** The card file of a story, as paths.storyCard(slug) links it: a folder of its own beside the articles' cards. */
export function storyCardFile(slug: string): string {
  return `stories/${slug}.png`;
}
