import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  articles: defineCollection({
    loader: glob({ base: process.env.NEWSDESK_CONTENT_DIR ?? './content', pattern: '**/*.md' }),
    schema: z.object({
      title: z.string(),
      description: z.string(),
      publishedAt: z.coerce.date(),
      tags: z.array(z.string()),
      draft: z.boolean().default(false),
    }),
  }),
};
