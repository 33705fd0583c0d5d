/**
 * Which articles get a social card of their own: the newest `limit` published ones. Drawing a card costs far more
 * than rendering its page, and links to an archive's old articles are rarely shared, so an archive of any size costs
 * a bounded number of cards; older articles fall back to their lead picture or the site's logo in link previews.
 */
export interface Dated {
  slug: string;
  data: { publishedAt: Date };
}

/** The slugs of the newest `limit` articles, latest first; equal dates go by slug, so every step picks the same ones. */
export function newestWithCards(articles: readonly Dated[], limit: number): Set<string> {
  if (articles.length <= limit) return new Set(articles.map((article) => article.slug));
  const newest = [...articles].sort((a, b) => b.data.publishedAt.getTime() - a.data.publishedAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return new Set(newest.slice(0, limit).map((article) => article.slug));
}
