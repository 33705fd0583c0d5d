/** The one URL builder: every page, feed and sitemap link comes from here, so links cannot drift apart. */

export interface SitePaths {
  root: string;
  home(page?: number): string;
  article(slug: string): string;
  tags(): string;
  tag(slug: string, page?: number): string;
  tagFeed(slug: string): string;
  authors(): string;
  author(slug: string, page?: number): string;
  authorFeed(slug: string): string;
  /** The index of stories, newest first. */
  stories(page?: number): string;
  story(slug: string): string;
  storyFeed(slug: string): string;
  sources(): string;
  /** Every followed outlet's feed, as OPML for a feed reader. */
  followedFeeds(): string;
  /** A followed outlet's listing, by its registry id. */
  source(id: string, page?: number): string;
  sourceFeed(id: string): string;
  search(): string;
  rss(): string;
  jsonFeed(): string;
  /** An article's social card (src/cli/cards.ts writes it). */
  card(slug: string): string;
  /** A story's social card. */
  storyCard(slug: string): string;
  /** A file under public/, e.g. asset('favicon.svg'). */
  asset(path: string): string;
}

/** The `[...page]` route parameter for page n of a listing: page 1 lives at the listing's own URL. */
export function pageParam(page: number): string | undefined {
  return page === 1 ? undefined : `page/${page}`;
}

/** Reads a `[...page]` parameter back; undefined means page 1, anything malformed is NaN. */
export function pageFromParam(param: string | undefined): number {
  if (param === undefined || param === '') return 1;
  const match = /^page\/([1-9]\d*)$/.exec(param);
  return match ? Number(match[1]) : Number.NaN;
}

/** `base` is the deploy path ("/" or "/desk/"); every URL returned is absolute-path and ends in "/" or a file name. */
export function createPaths(base: string): SitePaths {
  const root = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const segment = (text: string) => encodeURIComponent(text);
  const listing = (prefix: string, page = 1) => (page === 1 ? prefix : `${prefix}page/${page}/`);
  return {
    root,
    home: (page = 1) => listing(root, page),
    article: (slug) => `${root}articles/${segment(slug)}/`,
    tags: () => `${root}tags/`,
    tag: (slug, page = 1) => listing(`${root}tags/${segment(slug)}/`, page),
    tagFeed: (slug) => `${root}tags/${segment(slug)}/rss.xml`,
    authors: () => `${root}authors/`,
    author: (slug, page = 1) => listing(`${root}authors/${segment(slug)}/`, page),
    authorFeed: (slug) => `${root}authors/${segment(slug)}/rss.xml`,
    stories: (page = 1) => listing(`${root}stories/`, page),
    story: (slug) => `${root}stories/${segment(slug)}/`,
    storyFeed: (slug) => `${root}stories/${segment(slug)}/rss.xml`,
    sources: () => `${root}sources/`,
    followedFeeds: () => `${root}sources/feeds.opml`,
    source: (id, page = 1) => listing(`${root}sources/${segment(id)}/`, page),
    sourceFeed: (id) => `${root}sources/${segment(id)}/rss.xml`,
    search: () => `${root}search/`,
    rss: () => `${root}rss.xml`,
    jsonFeed: () => `${root}feed.json`,
    card: (slug) => `${root}cards/${segment(slug)}.png`,
    storyCard: (slug) => `${root}cards/stories/${segment(slug)}.png`,
    asset: (path) => `${root}${path.replace(/^\/+/, '')}`,
  };
}

/** Absolute URL for feeds, canonical links and JSON-LD. `site` is the origin, e.g. https://news.example.org. */
export function absoluteUrl(site: string, path: string): string {
  return new URL(path, site).href;
}
