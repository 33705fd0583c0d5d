/** The site's Markdown processor, defined once for Astro's pages and for the search index: Sätteri with the safety plugin. */
import { satteri } from '@astrojs/markdown-satteri';
import { createMarkdownSafetyPlugin } from './markdown-safety.ts';

/** Astro's defaults, stated so that MDX parsed for the search index reads the same: tables and curly quotes. */
export const MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true } as const;

/** `site` is the deployment origin (SITE_URL): links elsewhere are marked external. */
export function markdownProcessor(site: string) {
  return satteri({ hastPlugins: [createMarkdownSafetyPlugin({ site })], features: { ...MARKDOWN_FEATURES } });
}

/**
 * Markdown bodies to HTML as Astro renders them for the pages (same engine, features and plugins), minus syntax
 * highlighting: the search index needs a code block's words, not its colours.
 */
export async function createMarkdownToHtml(site: string): Promise<(body: string) => Promise<string>> {
  const renderer = await markdownProcessor(site).createRenderer({ syntaxHighlight: false });
  return async (body) => (await renderer.render(body, { frontmatter: {} })).code;
}
