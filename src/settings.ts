/**
 * Every environment variable Newsdesk reads, with its default, read here once; folders are resolved against the
 * project root, whatever the working directory. README's Configuration table lists exactly these.
 * astro.config.mjs, content.config.ts, site.ts and the command-line tools import it; src/lib/ never reads the environment.
 */
import { join, resolve } from 'node:path';
import type { NpmScript } from './lib/command-folder.ts';
import { publishInstant } from './lib/content/publish.ts';
import { countSetting, type PartLimits } from './lib/search/index-parts.ts';
import { parseShard } from './lib/site/shards.ts';
import { siteConfig } from './site.config.ts';

/** Right wherever this file runs from the source tree; the site's pages, bundled into the build, use no folder from here. */
export const projectRoot = resolve(import.meta.dirname, '..');

const env = process.env;
const folder = (value: string | undefined, fallback: string) => resolve(projectRoot, value || fallback);

export const settings = {
  /** SITE_URL: the absolute origin the site is served from. */
  siteUrl: env.SITE_URL || 'http://localhost:4321',
  /** BASE_PATH: the path the site lives under. */
  basePath: env.BASE_PATH || '/',
  /** NEWSDESK_NOW as given; `publishNow()` reads it as an instant. */
  now: env.NEWSDESK_NOW,
  /** NEWSDESK_SEARCH_INDEX: "alongside", "after-cards", "after", or unset to choose by size and memory (src/lib/search/search-timing.ts). */
  searchIndex: env.NEWSDESK_SEARCH_INDEX,
  /** NEWSDESK_SEARCH_PART_ARTICLES as given: most articles per part of the search index, instead of siteConfig.searchPartArticles. */
  searchPartArticles: env.NEWSDESK_SEARCH_PART_ARTICLES || undefined,
  /** NEWSDESK_SEARCH_PART_WORDS as given: most words per part of the search index, instead of siteConfig.searchPartWords. */
  searchPartWords: env.NEWSDESK_SEARCH_PART_WORDS || undefined,
  /**
   * NEWSDESK_SEARCH_FULL_TEXT_ARTICLES as given: how many of the newest articles are searched by every word,
   * instead of siteConfig.searchFullTextArticles.
   */
  searchFullTextArticles: env.NEWSDESK_SEARCH_FULL_TEXT_ARTICLES || undefined,
  /**
   * NEWSDESK_SEARCH_CACHE: where the parts of the search index are kept between builds; else beside Astro's cache
   * when the build has one of its own (NEWSDESK_CACHE_DIR), else node_modules/.cache/newsdesk-search.
   */
  searchCacheDir: folder(env.NEWSDESK_SEARCH_CACHE, env.NEWSDESK_CACHE_DIR ? join(env.NEWSDESK_CACHE_DIR, 'newsdesk-search') : 'node_modules/.cache/newsdesk-search'),
  /** NEWSDESK_CONTENT_DIR: the articles folder. */
  contentDir: folder(env.NEWSDESK_CONTENT_DIR, 'content/articles'),
  /** NEWSDESK_SOURCES_FILE: the sources registry the build, the checker and the aggregation commands read. */
  sourcesFile: folder(env.NEWSDESK_SOURCES_FILE, 'content/sources.yaml'),
  /** NEWSDESK_DIST: where the finished site goes (`npm run build` points Astro at a staging folder through it). */
  outDir: folder(env.NEWSDESK_DIST, 'dist'),
  /** NEWSDESK_CACHE_DIR: Astro's cache, moved aside by builds that must not share it (tests, bench). */
  cacheDir: folder(env.NEWSDESK_CACHE_DIR, 'node_modules/.astro'),
  /**
   * NEWSDESK_CARD_CACHE: where social cards are kept between builds; else beside Astro's cache when the build has
   * one of its own (NEWSDESK_CACHE_DIR), else node_modules/.cache/newsdesk-cards.
   */
  cardCacheDir: folder(env.NEWSDESK_CARD_CACHE, env.NEWSDESK_CACHE_DIR ? join(env.NEWSDESK_CACHE_DIR, 'newsdesk-cards') : 'node_modules/.cache/newsdesk-cards'),
  /**
   * NEWSDESK_CHECK_CACHE: where the content check remembers the local pictures that decoded, by size and modification
   * time; else beside Astro's cache when the build has one of its own (NEWSDESK_CACHE_DIR), else
   * node_modules/.cache/newsdesk-check.
   */
  checkCacheDir: folder(env.NEWSDESK_CHECK_CACHE, env.NEWSDESK_CACHE_DIR ? join(env.NEWSDESK_CACHE_DIR, 'newsdesk-check') : 'node_modules/.cache/newsdesk-check'),
  /** NEWSDESK_TIMING: a file each build step appends its phase timings to, as JSON lines (`npm run bench` reads them). */
  timingFile: env.NEWSDESK_TIMING || undefined,
  /**
   * NEWSDESK_LISTING: set by `npm run build` for Astro, the archive listing its content check writes; Astro's site
   * index takes the stories and what it reads of each body from it instead of reading every article file again.
   */
  listingFile: env.NEWSDESK_LISTING || undefined,
  /**
   * NEWSDESK_SWAP_INTO: set by `npm run build` for Astro, which writes into a staging folder (NEWSDESK_DIST): the
   * folder the site is swapped into once every step is done, which Astro's lines name instead (src/io/astro-log.ts).
   */
  swapInto: env.NEWSDESK_SWAP_INTO ? folder(env.NEWSDESK_SWAP_INTO, '') : undefined,
  /** NEWSDESK_SHARD: "<part>/<parts>" while `npm run build -- --shard` makes one part of the site (src/lib/site/shards.ts). */
  shard: env.NEWSDESK_SHARD ? parseShard(env.NEWSDESK_SHARD) : undefined,
  /** NEWSDESK_AGGREGATE_MAX_NEW_ITEMS as given: the most new items `npm run aggregate` writes per source in one run. */
  aggregateMaxNewItems: env.NEWSDESK_AGGREGATE_MAX_NEW_ITEMS || undefined,
  /** GITHUB_STEP_SUMMARY: set by GitHub Actions; `npm run aggregate` appends its report to this file as Markdown. */
  stepSummary: env.GITHUB_STEP_SUMMARY || undefined,
  /** GITHUB_ACTIONS: "true" in GitHub Actions; `npm run aggregate` then prints a warning annotation per source that needs attention. */
  githubActions: env.GITHUB_ACTIONS === 'true',
  /**
   * INIT_CWD, npm_package_json and npm_lifecycle_script: set by npm for the script it runs, so that the command
   * reads the paths it is given from the folder they were typed in (src/lib/command-folder.ts).
   */
  npmScript: { initCwd: env.INIT_CWD, packageJson: env.npm_package_json, script: env.npm_lifecycle_script } satisfies NpmScript,
  /** NO_COLOR: no colours in the build's output even on a terminal. */
  noColor: Boolean(env.NO_COLOR),
  /** Builds of one checkout take this lock in turn: they share its `.astro/` folder. */
  buildLock: resolve(projectRoot, 'node_modules/.newsdesk-build.lock'),
} as const;

/** The instant the build publishes up to: NEWSDESK_NOW, else the clock; throws on a value that is not a date. */
export function publishNow(): Date {
  return publishInstant(settings.now);
}

/**
 * The search index's sizes, from the environment when set, else the site's settings: the most articles and words in
 * a part, and how many of the newest articles are searched by every word. Throws on a value that is not a count.
 */
export function searchIndexSizes(): { partLimits: PartLimits; fullTextArticles: number } {
  return {
    partLimits: {
      articles: countSetting('NEWSDESK_SEARCH_PART_ARTICLES', settings.searchPartArticles, siteConfig.searchPartArticles, 1),
      words: countSetting('NEWSDESK_SEARCH_PART_WORDS', settings.searchPartWords, siteConfig.searchPartWords, 1, 'words'),
    },
    fullTextArticles: countSetting('NEWSDESK_SEARCH_FULL_TEXT_ARTICLES', settings.searchFullTextArticles, siteConfig.searchFullTextArticles, 0),
  };
}

/**
 * The most new items `npm run aggregate` writes per source in one run: NEWSDESK_AGGREGATE_MAX_NEW_ITEMS, else 50, so a
 * first run on an archive feed of thousands does not write them all at once. Throws on a value that is not a count.
 */
export function aggregateMaxNewItems(): number {
  return countSetting('NEWSDESK_AGGREGATE_MAX_NEW_ITEMS', settings.aggregateMaxNewItems, 50, 1);
}
