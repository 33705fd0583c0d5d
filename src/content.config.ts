import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createArticleSchema } from './lib/schema.ts';

export const collections = {
  articles: defineCollection({
    // Ids are file paths, not slugs: duplicate slugs must reach the cross-article check, not overwrite each other.
    loader: glob({ base: process.env.NEWSDESK_CONTENT_DIR ?? './content/articles', pattern: '**/*.{md,mdx}', generateId: ({ entry }) => entry }),
    schema: ({ image }) => createArticleSchema(image),
  }),
};
