// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { createMarkdownSafetyPlugin } from './src/lib/markdown-safety.ts';

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
  // Sätteri stays the engine (unified() made large builds ~3x slower); the plugin sanitises editors' raw HTML and marks external links.
  markdown: { processor: satteri({ hastPlugins: [createMarkdownSafetyPlugin({ site })] }) },
  integrations: [mdx(), sitemap()],
});
