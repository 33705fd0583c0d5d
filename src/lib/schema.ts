/** The article front-matter schema: the one definition that Astro's content layer and the standalone checker both use. */
import { z } from 'astro/zod';

/** Accepts YAML dates and ISO-8601 strings; a date-time without an offset is read as UTC so builds never depend on the machine's zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function parseDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  // Date() rolls 2026-02-30 over to 2 March: the editor meant some other day, so it is not a date.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  if (day! > new Date(Date.UTC(year!, month!, 0)).getUTCDate()) return undefined;
  const hasTime = text.length > 10;
  const date = new Date(hasTime && !match[1] ? `${text.replace(' ', 'T')}Z` : text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dateField = z.unknown().transform((value, ctx): Date => {
  const date = parseDate(value);
  if (date) return date;
  ctx.addIssue({
    code: 'custom',
    message:
      value === undefined || value === null || value === ''
        ? 'is required; use 2026-05-01 or 2026-05-01T09:00:00Z'
        : `${JSON.stringify(value)} is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z`,
  });
  return z.NEVER;
});

/** True for absolute http(s) URLs: the only schemes a reader's browser should follow from our pages. */
export function isWebUrl(value: string, schemes: readonly string[] = ['http:', 'https:']): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const webUrl = z
  .string({ error: 'must be a web address such as https://example.com/story' })
  .trim()
  .refine((value) => isWebUrl(value), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a web address; use a full http:// or https:// URL`,
  });

const requiredText = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : `must be text: ${what}`) })
    .trim()
    .min(1, { error: `must not be empty: ${what}` });

/**
 * Slugs become URL segments: lower-case letters (any script, with their combining marks and modifier letters such as
 * the Japanese ー), digits and single hyphens. Every slug `slugify` makes from a file name must pass, or that article
 * could not be listed under `related`.
 */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+)*$/u;

const slugField = z
  .string()
  .trim()
  .refine((value) => SLUG_PATTERN.test(value), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a slug; use lower-case words joined by hyphens, e.g. japan-ai-race`,
  });

/**
 * Builds the schema. `imageSource` validates a local image path: Astro passes its `image()` helper so the
 * file is resolved and optimised; the checker passes a plain string check and tests the path itself.
 */
export function createArticleSchema<Local extends z.ZodType>(imageSource: () => Local) {
  return z
    .strictObject(
      {
        /** The headline. */
        title: requiredText('the headline readers see'),
        /** The dek: one or two sentences used under the headline, in teasers, feeds and meta descriptions. */
        description: requiredText('a one- or two-sentence summary (the dek)'),
        /** When the article is published; a future instant schedules it. */
        publishedAt: dateField,
        /** When the article was last meaningfully changed; never before publishedAt. */
        updatedAt: dateField.optional(),
        /** Bylines, in display order. */
        authors: z.array(requiredText('an author name'), { error: 'must be a list of names, e.g. ["Mariko Tanaka"]' }).default([]),
        /** Topics; case-insensitive, at least one. */
        tags: z
          .array(requiredText('a tag name'), { error: 'must be a list of tags, e.g. ["AI", "Policy"]' })
          .min(1, { error: 'needs at least one tag, e.g. ["AI"]' }),
        /** The original publisher, for aggregated coverage. */
        source: z
          .strictObject({ name: requiredText("the original publisher's name"), url: webUrl }, {
            error: 'must have a name and a url, e.g. { name: "Example Times", url: "https://example.com/story" }',
          })
          .optional(),
        /** Lead image: a path relative to the article, or an absolute https URL used as-is. */
        image: z
          .strictObject({
            src: z.union([
              z.string().trim().refine((value) => isWebUrl(value, ['https:'])),
              imageSource(),
            ], { error: 'must be a path next to the article or an https:// URL' }),
            alt: requiredText('describe the image for readers who cannot see it'),
          }, { error: 'must have src and alt' })
          .optional(),
        /** Editor-curated "Explore more" slugs, shown first in this order. */
        related: z.array(slugField, { error: 'must be a list of article slugs' }).default([]),
        /** Drafts are never published. */
        draft: z.boolean({ error: 'must be true or false' }).default(false),
        /** Overrides the slug taken from the file name. */
        slug: slugField.optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}; check the spelling (allowed: title, description, publishedAt, updatedAt, authors, tags, source, image, related, draft, slug)`
            : 'front matter must be a set of fields (key: value)',
      },
    )
    .superRefine((data, ctx) => {
      if (data.updatedAt && data.updatedAt < data.publishedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedAt'],
          message: `${data.updatedAt.toISOString()} is before publishedAt ${data.publishedAt.toISOString()}; an update cannot precede publication`,
        });
      }
    });
}

/** The checker's variant: local image paths stay strings (existence is checked against the file system). */
export const articleSchema = createArticleSchema(() => z.string().trim().min(1));

export type ArticleData = z.output<typeof articleSchema>;
