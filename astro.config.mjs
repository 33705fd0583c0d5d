// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { loadArticlePages } from './src/io/article-dates.ts';
import { contentAfterRestart } from './src/integrations/content-after-restart.ts';
import { dataStoreFromDisk } from './src/integrations/data-store-from-disk.ts';
import { earlyYearDates } from './src/integrations/early-year-dates.ts';
import { digestsInThread } from './src/integrations/in-thread-digests.ts';
import { pagesWrittenInThread } from './src/integrations/in-thread-writes.ts';
import { picturesUnderEscapedBase } from './src/integrations/pictures-under-escaped-base.ts';
import { prerenderPackages } from './src/integrations/prerender-packages.ts';
import { sharingCollatorsWhenDone } from './src/integrations/shared-collators.ts';
import { siteUrlProblem } from './src/lib/build/site-address.ts';
import { FRAME_SRC_DIRECTIVE } from './src/lib/output/embeds.ts';
import { markdownProcessor, markdownRenderOptions } from './src/lib/output/markdown-processor.ts';
import { offeredArticlePages, sitemapOptions } from './src/lib/output/sitemap.ts';
import { absoluteUrl, astroBase, createPaths } from './src/lib/site/paths.ts';
import { publishNow, settings } from './src/settings.ts';
import { siteConfig } from './src/site.config.ts';

/** Where the site is served from: an absolute origin and a path under it (GitHub Pages project sites use /<repo>/). */
const { siteUrl: site, basePath: base } = settings;
// `npm run build` refuses it before starting Astro; `astro dev` and `astro build` alone say the same, not "Invalid URL".
const siteProblem = siteUrlProblem(site, base);
if (siteProblem) throw new Error(siteProblem);

export default defineConfig({
  site,
  // One slash between folders: Astro puts the base as given before its own assets (`//desk/_astro/…` is another host).
  base: astroBase(createPaths(base).root),
  trailingSlash: 'always',
  // Build and test tooling point these elsewhere (staging folders, separate caches).
  outDir: settings.outDir,
  cacheDir: settings.cacheDir,
  // Astro's log, with its list of written pages cut short on large archives (src/io/astro-log.ts).
  logger: { entrypoint: new URL('./src/io/astro-log.ts', import.meta.url) },
  // Four pages in flight: rendering one page overlaps writing the others (measured in BENCHMARKS.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Sätteri stays the engine (unified() made large builds several times slower); the plugin sanitises editors' raw HTML and marks external links.
  markdown: { processor: markdownProcessor(absoluteUrl(site, createPaths(base).root)), ...markdownRenderOptions() },
  // The sitemap's <lastmod> dates come from the articles' front matter, a story's from its articles' (src/lib/output/sitemap.ts).
  // contentAfterRestart: edits to articles keep reaching `astro dev`'s pages after it restarts for a saved config.
  // dataStoreFromDisk: pages read Astro's content cache file instead of a module that embeds it (large on big archives).
  // A shard knows only its own pages: `npm run build -- --merge` writes the whole site's sitemap (src/io/merge-sitemap.ts).
  // earlyYearDates: front matter dates before 1900 judged by the year written (js-yaml takes 0000-0099 for 19xx).
  // digestsInThread: the CSP's hashes of each page's inline styles and scripts are made without a thread-pool round trip.
  // pagesWrittenInThread: each page's folder and file are written by the thread that renders it, not handed to the thread pool.
  // prerenderPackages: Astro's page chunks find the project's packages whatever the output folder is named.
  // sharingCollatorsWhenDone: the sitemap sorts its URLs with one collator, not one per comparison (src/integrations/shared-collators.ts).
  // Pages are bundled away from src/, where settings.ts can no longer find the project: the registry's path comes from here.
  // The bundler warns about the directive Astro itself puts in every MDX article ("use astro:head-inject"), naming
  // the editor's file as if something in it were wrong; Astro handles that directive, so the warning is dropped.
  vite: {
    define: { 'import.meta.env.NEWSDESK_REGISTRY_PATH': JSON.stringify(settings.sourcesFile) },
    build: {
      rolldownOptions: {
        onLog(level, log, report) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          report(level, log);
        },
      },
    },
  },
  integrations: [contentAfterRestart(settings.contentDir), earlyYearDates(), picturesUnderEscapedBase(), dataStoreFromDisk(), prerenderPackages(), digestsInThread(), pagesWrittenInThread(), mdx(), ...(settings.shard ? [] : [sharingCollatorsWhenDone(sitemap(sitemapOptions({ base, articlePages: () => offeredArticlePages()?.() ?? loadArticlePages(settings.contentDir, base, { now: publishNow(), windowHours: siteConfig.storyWindowHours }) })))])],
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
