/**
 * Stories: one event covered by several outlets, found among the published articles. Deterministic: the same
 * articles give the same stories whatever their order. See README, "Stories", for the method and its thresholds.
 */
import { candidatePairs } from './candidates.ts';
import { clusterPairs, type ScoredPair } from './cluster.ts';
import { articleFeatures, FeatureIds, scanArchive, type StoryText } from './features.ts';
import { distinctOutlets, type ArticleSource, type Outlet } from './outlet.ts';
import { isRoundupHeadline } from './roundup.ts';
import { featureVectors, storySimilarity } from './similarity.ts';
import { STORY_TUNING, type StoryTuning } from './tuning.ts';

export interface StoryArticle extends StoryText {
  slug: string;
  publishedAt: Date;
  source?: ArticleSource;
  /** The editor's word: the slug of the article whose story this one joins, or false for no story at all. */
  story?: string | false;
}

export interface Story {
  /** The URL slug: the article's editors named with `story:`, else the earliest one's, so later coverage never changes it. */
  slug: string;
  /**
   * The article whose headline the story takes: the one editors named with `story:`, else the earliest whose headline
   * says more than "Live updates" (more than three words, or a name, place or figure), else the earliest.
   */
  lead: string;
  /** Every article's slug, earliest first. */
  articles: string[];
  /** The outlets, in order of their first article; own reporting has no name. */
  outlets: Outlet[];
}

export interface StoryOptions {
  /** Articles further apart than this are never one story (unless an editor says so). */
  windowHours: number;
  tuning?: StoryTuning;
}

const HOUR = 3_600_000;
const earliestFirst = (a: StoryArticle, b: StoryArticle) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** `articles` are the published ones only: a story never reaches into drafts or scheduled pieces. */
export function findStories(articles: readonly StoryArticle[], options: StoryOptions): Story[] {
  const tuning = options.tuning ?? STORY_TUNING;
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  // A round-up shares the names of every event of its week: only an editor's `story:` puts one in a story.
  const grouped = articles.filter((article) => article.story === undefined && !isRoundupHeadline(article.title)).sort(earliestFirst);
  const automatic = automaticGroups(grouped, options.windowHours, tuning);
  const groups = automatic.groups.map((group) => group.map((index) => grouped[index]!));
  const generic = new Set(automatic.genericHeadlines.map((index) => grouped[index]!));

  // Editors' choices: each named article leads the group it is in (or a new one), joined by the articles naming it.
  const groupOf = new Map<string, StoryArticle[]>();
  for (const group of groups) for (const article of group) groupOf.set(article.slug, group);
  const leads = new Map<StoryArticle[], StoryArticle>();
  for (const article of [...articles].sort(earliestFirst)) {
    if (typeof article.story !== 'string') continue;
    const lead = bySlug.get(article.story);
    // An article already placed, as the lead another names, joins nothing more and so leads nothing here either: a
    // line the check refuses (a chain of story: lines) must not make a story of one outlet's coverage.
    if (!lead || lead === article || groupOf.has(article.slug)) continue;
    let group = groupOf.get(lead.slug);
    if (!group) {
      group = [lead];
      groups.push(group);
      groupOf.set(lead.slug, group);
    }
    if (!leads.has(group)) leads.set(group, lead);
    group.push(article);
    groupOf.set(article.slug, group);
  }

  const stories = groups.flatMap((group): Story[] => {
    const members = [...group].sort(earliestFirst);
    const outlets = distinctOutlets(members.map((article) => article.source));
    if (members.length < 2 || (!leads.has(group) && outlets.length < 2)) return [];
    // The URL stays the earliest article's, while a headline that says nothing ("Live updates") leaves the story's
    // headline to the first that says what it is about.
    const editors = leads.get(group);
    const lead = editors ?? members.find((article) => !generic.has(article)) ?? members[0]!;
    return [{ slug: (editors ?? members[0]!).slug, lead: lead.slug, articles: members.map((article) => article.slug), outlets }];
  });
  return stories.sort((a, b) => earliestFirst(bySlug.get(a.articles[0]!)!, bySlug.get(b.articles[0]!)!));
}

/**
 * Groups of indexes into `articles` (earliest first) that tell one event, by the method in README, and the indexes of
 * the articles whose headlines say nothing of it.
 */
function automaticGroups(articles: readonly StoryArticle[], windowHours: number, tuning: StoryTuning): { groups: number[][]; genericHeadlines: number[] } {
  const featureIds = new FeatureIds();
  const { scanned, casing } = scanArchive(articles, tuning);
  const features = articles.map((article, index) => articleFeatures(article, featureIds, tuning, casing, scanned.article(index)));
  const times = Float64Array.from(articles, (article) => article.publishedAt.getTime());
  const windowMs = windowHours * HOUR;
  const vectors = featureVectors(features, featureIds.size, tuning, times, windowMs);
  const similarity = (a: number, b: number) => storySimilarity(vectors, a, b, (times[b]! - times[a]!) / HOUR, windowHours, tuning);
  const scored: ScoredPair[] = [];
  for (const [a, b] of candidatePairs(vectors, times, windowMs, tuning)) {
    const score = similarity(a, b);
    if (score >= tuning.support) scored.push({ a, b, score });
  }
  const genericHeadlines = features.flatMap((article, index) => (article.genericHeadline ? [index] : []));
  return { groups: clusterPairs(articles.length, scored, times, windowMs, tuning, similarity), genericHeadlines };
}
