// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dataStoreFromDisk } from './src/integrations/data-store-from-disk.ts';
import { earlyYearDates } from './src/integrations/early-year-dates.ts';
import { FRAME_SRC_DIRECTIVE } from './src/lib/output/embeds.ts';
import { markdownProcessor } from './src/lib/output/markdown-processor.ts';
import { sitemapOptions } from './src/lib/output/sitemap.ts';

/** Where the site is served from: an absolute origin and a path under it (GitHub Pages project sites use /<repo>/). */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';
// Build and test tooling point these elsewhere (staging folders, fixture corpora, separate caches).
const outDir = process.env.NEWSDESK_OUT_DIR || './dist';

/** A built page, or undefined. Synchronous: the sitemap awaits one page at a time (1.6 s -> 0.5 s for 6,000 pages). */
const readBuiltPage = async (/** @type {string} */ file) => {
  try {
    return readFileSync(resolve(outDir, file), 'utf8');
  } catch {
    return undefined;
  }
};

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir,
  cacheDir: process.env.NEWSDESK_CACHE_DIR || './node_modules/.astro',
  // Four pages in flight: rendering one page overlaps writing the others (a fifth of page generation was spent
  // waiting on the disk at 4,000 articles; `npm run bench`, BENCHMARKS.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Sätteri stays the engine (unified() made large builds ~3x slower); the plugin sanitises editors' raw HTML and marks external links.
  markdown: { processor: markdownProcessor(site) },
  // The sitemap's <lastmod> dates are read back from the built article pages (see src/lib/sitemap.ts).
  // dataStoreFromDisk: pages read Astro's content cache file instead of a 75 MB module at 10,000 articles.
  // earlyYearDates: front matter dates in the years 0000-0099 read as written (js-yaml takes them for 19xx).
  integrations: [earlyYearDates(), dataStoreFromDisk(), mdx(), sitemap(sitemapOptions({ base, readPage: readBuiltPage }))],
  // A CSP <meta> on every page: Astro hashes its own scripts and styles; Pagefind needs WebAssembly when it cannot
  // use its worker. Shiki colours code with style attributes, so those (and only those) may be inline.
  security: {
    csp: {
      // Frames only from the video players the Markdown sanitiser keeps (src/lib/output/embeds.ts).
      directives: ["default-src 'self'", "img-src 'self' https: data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'", FRAME_SRC_DIRECTIVE],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: [{ resource: "'self'", kind: 'element' }, { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
});
