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

/**
 * A folder name a link may hold as written: URL path characters, and letters of any script, as typed or %-escaped
 * (browsers escape them themselves). Spaces, `?`, `#` and `\` would be read as something else than a folder, an
 * escaped `/` or `\` is one folder to some servers and two to others, and Astro builds no pages under a folder with
 * another escaped ASCII character (`100%25`, a folder named `100%`).
 */
const BASE_SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[89a-f][0-9a-f]|[^\p{C}\p{Z}\x00-\x7f])+$/iu;

/** Whether the %-escapes in `text` are UTF-8, as the sitemap reads them (`%C3` alone is half a letter). */
function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why BASE_PATH cannot be the folder the site is served from, or undefined when it can. Missing and repeated slashes
 * are fine (createPaths drops them); `.` and `..`, escaped or not, are not, as browsers resolve them away.
 */
export function basePathProblem(basePath: string): string | undefined {
  const folder = basePath.split('/').find((segment) => segment !== '' && (!BASE_SEGMENT.test(segment) || /^\.{1,2}$/.test(segment) || !decodes(segment)));
  if (folder === undefined) return undefined;
  return `BASE_PATH="${basePath}" has the folder "${folder}", which cannot be part of the site's address; set BASE_PATH to the path the site is served from, such as /desk/ (letters of any script, as typed or %-escaped, digits and - . _ ~, no spaces, ? or #), or to / for the root`;
}

/**
 * The base path as Astro is given it: an escaped letter beyond ASCII written as the letter (`/d%C3%A9sk/` is
 * `/désk/`), as Astro matches each page's address with the base taken off it as given, after decoding the address.
 * `base` is one basePathProblem accepts, whose only escapes are of such letters.
 */
export function astroBase(base: string): string {
  return decodeURI(base);
}

/**
 * `base` is the deploy path ("/" or "/desk/"), one basePathProblem accepts; every URL returned is absolute-path and
 * ends in "/" or a file name. The base's slashes are made one before, between and after each folder, as Astro is given it too.
 */
export function createPaths(base: string): SitePaths {
  const folders = base.split('/').filter((segment) => segment !== '');
  const root = folders.length === 0 ? '/' : `/${folders.join('/')}/`;
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
