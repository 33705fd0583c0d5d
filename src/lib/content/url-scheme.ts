/** Any URL scheme (`https:`, `mailto:`, `javascript:`): a value with one is a link, not a path next to the article. */
export const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
