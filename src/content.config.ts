import { defineCollection } from 'astro:content';
import { articleLoader } from './io/article-loader.ts';
import { collectionSchema } from './lib/content/schema.ts';
import { publishNow, settings } from './settings.ts';

export const collections = {
  articles: defineCollection({
    // Front matter only for most articles: bodies are rendered with their pages and read from the files by the site index.
    loader: articleLoader({ folder: settings.contentDir, now: publishNow, sourcesFile: settings.sourcesFile }),
    schema: collectionSchema(),
  }),
};
