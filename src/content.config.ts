import { defineCollection } from 'astro:content';
import { pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import { createArticleSchema } from './lib/content/schema.ts';
import { settings } from './settings.ts';

export const collections = {
  articles: defineCollection({
    // Ids are file paths, not slugs: duplicate slugs must reach the cross-article check, not overwrite each other.
    loader: glob({
      base: pathToFileURL(`${settings.contentDir}/`),
      pattern: '**/*.{md,mdx}',
      generateId: ({ entry }) => entry,
      // Raw bodies stay out of the data store (a large share of it), which every build serialises and loads back as
      // one module; the site index reads them from the files instead (src/site.ts).
      retainBody: false,
    }),
    schema: ({ image }) => createArticleSchema(image),
  }),
};
