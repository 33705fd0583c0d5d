/** Which files are articles: one rule for the listing, the parser and the checker's command line. */

/**
 * A file named as an article: `.md` or `.mdx`, and those spelt in capitals or as `.markdown` (Jekyll's), which the
 * build does not read but lists all the same, so that the tools refuse them by name instead of leaving them off the site.
 */
export const ARTICLE_LIKE_FILE = /\.(?:mdx?|markdown)$/i;

/** For a file named as an article the build does not read, its extension and the one to rename it to. */
export function misnamedExtension(file: string): { extension: string; use: '.md' | '.mdx' } | undefined {
  const extension = ARTICLE_LIKE_FILE.exec(file)?.[0];
  if (!extension || /^\.mdx?$/.test(extension)) return undefined;
  return { extension, use: /^\.mdx$/i.test(extension) ? '.mdx' : '.md' };
}
