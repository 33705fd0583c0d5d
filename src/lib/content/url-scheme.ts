/** Any URL scheme (`https:`, `mailto:`, `javascript:`): a value with one is a link, not a path next to the article. */
export const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** The schemes a link on the site's pages may have: every other one (javascript:, data:, tel:…) is removed. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'];

/** Relative URLs, fragments and http(s)/mailto; never javascript:, data:, vbscript: or anything else. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore tabs and newlines inside a scheme and leading control characters or spaces ("java\nscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = HAS_SCHEME.exec(compact)?.[0].slice(0, -1);
  return scheme === undefined || LINK_SCHEMES.includes(scheme.toLowerCase());
}
