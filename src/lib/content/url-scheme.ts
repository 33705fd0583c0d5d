/** Any URL scheme (`https:`, `mailto:`, `javascript:`): a value with one is a link, not a path next to the article. */
export const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** The first segment of an address written without its scheme: `example.com`, `www.bbc.co.uk`. */
export const HOST_NAME = /^(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}$/i;

/** The schemes a link on the site's pages may have: every other one (javascript:, data:, tel:…) is removed. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'];

/**
 * The schemes raw HTML's pictures and media may load from, by tag: every other is removed. A caption track must be
 * https:, since browsers load no http: track into an https page.
 */
export const MEDIA_SCHEMES_BY_TAG: Readonly<Record<'img' | 'source' | 'video' | 'audio' | 'track', string[]>> = {
  img: ['http', 'https'],
  source: ['http', 'https'],
  video: ['http', 'https'],
  audio: ['http', 'https'],
  track: ['https'],
};

/** Browsers ignore tabs and newlines inside a scheme and leading control characters or spaces ("java\nscript:"). */
const compacted = (url: string) => url.replace(/[\u0000-\u0020\u007f]/g, '');
const schemeOf = (url: string) => HAS_SCHEME.exec(url)?.[0].slice(0, -1).toLowerCase();

/** Relative URLs, fragments and http(s)/mailto; never javascript:, data:, vbscript: or anything else. */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(compacted(url));
  return scheme === undefined || LINK_SCHEMES.includes(scheme);
}

/**
 * Whether the sanitiser keeps `url` in raw HTML where `schemes` are allowed: as isSafeUrl, but an address without a
 * scheme whose host is named (`//cdn.example/a.png`, or with backslashes) is removed too.
 */
export function isKeptInRawHtml(url: string, schemes: readonly string[]): boolean {
  const compact = compacted(url);
  const scheme = schemeOf(compact);
  return scheme === undefined ? !isProtocolRelative(compact) : schemes.includes(scheme);
}

/** `//host/path` (or with backslashes, which browsers read as slashes): an address that takes the page's scheme. */
export const isProtocolRelative = (url: string) => /^[/\\]{2}/.test(compacted(url));
