// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';

/** Where the site is served from: an absolute origin and a path under it (GitHub Pages project sites use /<repo>/). */
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Build and test tooling point these elsewhere (staging folders, fixture corpora, separate caches).
  outDir: process.env.NEWSDESK_OUT_DIR || './dist',
  cacheDir: process.env.NEWSDESK_CACHE_DIR || './node_modules/.astro',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), sitemap()],
});
