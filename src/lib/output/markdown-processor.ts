/** The site's Markdown processor, defined once for Astro's pages and for the search index: Sätteri with the safety plugin, which also puts tables in scrolling regions. */
import { satteri } from '@astrojs/markdown-satteri';
import { siteConfig } from '../../site.config.ts';
import { ARTICLE_PAGE_IDS } from '../site/page-ids.ts';
import { createMarkdownSafetyPlugin } from './markdown-safety.ts';
import { createTableRegions } from './scrolling-tables.ts';

/** Astro's defaults, stated so that MDX parsed for the search index reads the same: tables and curly quotes. */
export const MARKDOWN_FEATURES = { gfm: true, smartPunctuation: true } as const;

/** What Astro passes a processor's renderer from its `markdown` config (syntax highlighting, images). */
type MarkdownRenderOptions = Parameters<ReturnType<typeof satteri>['createRenderer']>[0];

type ShikiTransformer = NonNullable<NonNullable<MarkdownRenderOptions['shikiConfig']>['transformers']>[number];

/**
 * How long Shiki may spend on one line of code before leaving it uncoloured. Its default (half a second, wall
 * time) is reached on a busy machine, which would make the same article build differently from run to run and the
 * parts of a sharded build disagree; this limit is there only to stop a runaway grammar.
 */
const CODE_LINE_TIME_LIMIT_MS = 60_000;

/** Astro passes Shiki no tokenizing options; a transformer's preprocess step sees (and may set) them first. */
const codeLineTimeLimit: ShikiTransformer = {
  name: 'newsdesk:code-line-time-limit',
  preprocess(_code, options) {
    options.tokenizeTimeLimit = CODE_LINE_TIME_LIMIT_MS;
  },
};

/**
 * Shiki's theme for code blocks: every colour it gives code, comments included, meets WCAG's contrast for text on its
 * background, where Astro's default, github-dark, greys comments below it.
 */
export const CODE_THEME = 'catppuccin-mocha';

/**
 * Code blocks coloured by Shiki: stated so that astro.config.mjs (for Astro's own rendering) and bodies rendered
 * while their page is built (`createArticleBodyRenderer`) use the same. A fresh object each time: Astro fills in
 * its defaults on what it is given.
 */
export function markdownRenderOptions(): MarkdownRenderOptions {
  return { syntaxHighlight: 'shiki', shikiConfig: { theme: CODE_THEME, transformers: [codeLineTimeLimit] } };
}

/**
 * `site` is the site's address, base path included (SITE_URL + BASE_PATH): links to other origins are marked
 * external, and paths from the site's root are put under the base path.
 */
export function markdownProcessor(site: string) {
  return satteri({ hastPlugins: [createMarkdownSafetyPlugin({ site, pageIds: Object.values(ARTICLE_PAGE_IDS), language: siteConfig.lang, tableRegions: createTableRegions })], features: { ...MARKDOWN_FEATURES } });
}

/** The processor's renderer with these options, as a function from a body (and its file, for relative paths) to HTML. */
async function bodiesToHtml(site: string, options: MarkdownRenderOptions): Promise<(body: string, fileURL?: URL, lang?: string) => Promise<string>> {
  const renderer = await markdownProcessor(site).createRenderer(options);
  // The front matter's language, as Astro would hand it over: it names the body's tables in that language.
  return async (body, fileURL, lang) => (await renderer.render(body, { frontmatter: lang === undefined ? {} : { lang }, fileURL })).code;
}

/**
 * Markdown bodies to HTML exactly as Astro's Markdown entries render for the pages (astro's content-entry-type.js:
 * the processor's renderer with the config's options), for bodies kept out of Astro's data store. Only bodies
 * without pictures: Astro resolves those at render time from what its loader stored.
 */
export function createArticleBodyRenderer(site: string): Promise<(body: string, fileURL?: URL, lang?: string) => Promise<string>> {
  return bodiesToHtml(site, markdownRenderOptions());
}

/**
 * Markdown bodies to HTML as Astro renders them for the pages (same engine, features and plugins), minus syntax
 * highlighting: the search index needs a code block's words, not its colours. `lang`, the article's own language
 * (front matter), as on its page: quotation marks and tables' names follow it.
 */
export async function createMarkdownToHtml(site: string): Promise<(body: string, lang?: string) => Promise<string>> {
  const toHtml = await bodiesToHtml(site, { syntaxHighlight: false });
  return (body, lang) => toHtml(body, undefined, lang);
}
