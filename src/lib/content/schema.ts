/**
 * The article front-matter schema: the one definition that Astro's content layer and the standalone checker both use.
 * Messages read "what is wrong; what to do": the checker shows the part after the first "; " as the hint.
 */
import { z } from 'astro/zod';
import { siteConfig } from '../../site.config.ts';
import { typesetQuotes } from '../output/plain-text-quotes.ts';
import { hasVisibleCharacter, REFUSED_CHARACTER, refusedCharacterMessage } from '../text/invisible-characters.ts';
import { closestWord, fold } from '../text/suggest.ts';
import { isCalendarDay } from './calendar-day.ts';
import { parseDate } from './parse-date.ts';
import { dateWrittenAgain, digitsOnlyDayReadings } from './date-suggestion.ts';
import { canonicalLanguage, languageNamed } from './language.ts';
import { quoteValue } from './quote-value.ts';
import { articleSlug, slugify } from './slug.ts';
import { sourceIdField } from './source-id.ts';
import { HAS_SCHEME } from './url-scheme.ts';
import { shownInstant } from './iso-seconds.ts';
import { DATE_FIELDS, isUtcMidnight, isWrittenDay, type DateField } from './written-dates.ts';
import { EARLIEST_YEAR, MAX_ALT_CHARACTERS, MAX_DESCRIPTION_CHARACTERS, MAX_TITLE_CHARACTERS, nameTooLong, slugTooLong, textTooLong } from './field-limits.ts';

/** Every front-matter field, by the object it belongs to ('' is the top level); unknown ones are errors. */
const ARTICLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '': ['title', 'description', 'publishedAt', 'updatedAt', 'authors', 'tags', 'source', 'image', 'related', 'formerSlugs', 'story', 'draft', 'slug', 'lang'],
  source: ['id', 'name', 'url', 'excerpt'],
  image: ['src', 'alt'],
};
/** The fields an article's front matter may set at its top level. */
export const ARTICLE_TOP_LEVEL_FIELDS = ARTICLE_FIELDS['']!;

/**
 * What other site generators and themes (Hugo, Jekyll, Astro's blog template, AstroPaper, Eleventy) call the
 * top-level fields, by their name folded as misspellings are (`fold`): an editor moving articles over is told this
 * site's name.
 */
const OTHER_NAMES: Readonly<Record<string, string>> = {
  date: 'publishedAt',
  pubdate: 'publishedAt',
  pubdatetime: 'publishedAt',
  published: 'publishedAt',
  publishdate: 'publishedAt',
  datepublished: 'publishedAt',
  lastmod: 'updatedAt',
  updated: 'updatedAt',
  updateddate: 'updatedAt',
  moddatetime: 'updatedAt',
  datemodified: 'updatedAt',
  headline: 'title',
  summary: 'description',
  excerpt: 'description',
  subtitle: 'description',
  dek: 'description',
  byline: 'authors',
  categories: 'tags',
  keywords: 'tags',
  heroimage: 'image',
  cover: 'image',
  ogimage: 'image',
  featuredimage: 'image',
  language: 'lang',
  locale: 'lang',
};

/** "unknown field tgas; did you mean tags?", for one misspelt key inside `parent` ('' for the top level). */
export function unknownFieldMessage(key: string, parent: string): string {
  // Own names only: `constructor` is not another generator's name for a field, though every object has one.
  const ours = parent === '' && Object.hasOwn(OTHER_NAMES, fold(key)) ? OTHER_NAMES[fold(key)] : undefined;
  if (ours) return `unknown field "${key}"; write it as "${ours}", this site's name for it`;
  return unknownKeyMessage(key, ARTICLE_FIELDS[parent] ?? [], parent);
}

/** The same message for any set of `allowed` keys; `where` names their object in the hint ('' for none). */
export function unknownKeyMessage(key: string, allowed: readonly string[], where: string): string {
  const guess = closestWord(key, allowed);
  return guess
    ? `unknown field "${key}"; did you mean "${guess}"?`
    : `unknown field "${key}"; check the spelling (allowed${where ? ` in ${where}` : ''}: ${allowed.join(', ')})`;
}

const unknownKeys = (parent: string, keys: readonly string[]) => keys.map((key) => unknownFieldMessage(key, parent)).join('. ');

/**
 * A field made of fields (`parent`): unknown ones are named, and anything else, bytes from `!!binary` too, is told
 * `fix`, the whole field written out.
 */
function setOfFields<Shape extends z.ZodRawShape>(parent: string, shape: Shape, what: string, fix: string) {
  return z.preprocess(
    (value, ctx) => {
      if (!isBytes(value)) return value;
      ctx.addIssue({ code: 'custom', message: `${BYTES}, not ${what}; ${fix}` });
      return z.NEVER;
    },
    z.strictObject(shape, {
      error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeys(parent, issue.keys) : `must be ${what}; ${fix}`),
    }),
  );
}

/**
 * A date is judged by the year written, in whatever zone it is written (`1899-12-31T23:00:00Z` is too early,
 * `1900-01-01T00:30:00+02:00` is not, though 1899 in UTC). Front matter gives a timestamp written before
 * EARLIEST_YEAR as text (yaml-timestamps.ts); an instant given without its text, whose zone is unknown, is too early
 * only before the first midnight of EARLIEST_YEAR anywhere (UTC+14, the earliest zone).
 */
const EARLIEST_INSTANT = Date.parse(`${EARLIEST_YEAR}-01-01T00:00:00+14:00`);
const isTooEarly = (value: unknown, date: Date) =>
  typeof value === 'string' ? Number(value.trim().slice(0, 4)) < EARLIEST_YEAR : date.getTime() < EARLIEST_INSTANT;

/** A date as a message shows it: as written when it is text, else as `shownInstant` writes it. */
function shownDate(value: unknown, date: Date): string {
  // A day written alone reaches the schema as text (written-dates.ts): an instant was written with its time.
  return typeof value === 'string' ? value.trim() : shownInstant(date, false);
}

/**
 * The dates this module's date fields made of a day written alone (`2026-12-01`, see written-dates.ts), for the
 * article's `dayAlone`: a zod field cannot set its neighbour, and each such Date is made afresh by parseDate.
 */
const daysWritten = new WeakSet<Date>();

const dateField = z.unknown().transform((value, ctx): Date => {
  const date = parseDate(value);
  if (date && isWrittenDay(value)) daysWritten.add(date);
  if (date && isTooEarly(value, date)) {
    // A year of 0000 or 0026 is a typo or a placeholder, not a date a news site published on; its pages would show "Jan 1, 1".
    ctx.addIssue({ code: 'custom', message: `${shownDate(value, date)} is too early: dates before ${EARLIEST_YEAR} are not accepted; check the year (all four digits, e.g. 2026-05-01)` });
    return z.NEVER;
  }
  if (date) return date;
  ctx.addIssue({
    code: 'custom',
    message:
      value === undefined
        ? 'is missing; add a date such as 2026-05-01 or 2026-05-01T09:00:00Z'
        : value === null || value === ''
          ? 'is empty; write a date such as 2026-05-01 or 2026-05-01T09:00:00Z'
          : `${quoteValue(value)} is not a date; ${dateFix(value)}`,
  });
  return z.NEVER;
});

/** What to write instead of a value that is no date: its reading when there is one, both when it has two. */
function dateFix(value: unknown): string {
  // `publishedAt: 20261105` is a number to YAML, and still a day written in ISO's basic form.
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  const readings = digitsOnlyDayReadings(text);
  if (readings.length === 2) return `use ${readings[0]} if the day comes first, or ${readings[1]} if the month does (ISO dates run year-month-day)`;
  return `use ${spelledOutDay(value) ?? readings[0] ?? dateWrittenAgain(text) ?? '2026-05-01'} or 2026-05-01T09:00:00Z`;
}

/** English month names and their abbreviations, by number. */
const MONTHS = new Map<string, number>([
  ...'january february march april may june july august september october november december'.split(' ').flatMap((name, index) => [
    [name, index + 1] as const,
    [name.slice(0, 3), index + 1] as const,
  ]),
  ['sept', 9],
]);

/**
 * "Nov 24, 2026" or "24 November 2026" as 2026-11-24, for the hint: only with the month's English name, whose
 * reading is certain, never 03/04/2026, which is March or April by country.
 */
export function spelledOutDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const words = value.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  const months = words.flatMap((word) => MONTHS.get(word) ?? []);
  const numbers = words.filter((word) => /^\d+$/.test(word)).map(Number);
  const years = numbers.filter((number) => number >= 1000);
  const days = numbers.filter((number) => number >= 1 && number <= 31);
  const [month, year, day] = [months[0], years[0], days[0]];
  if (months.length !== 1 || years.length !== 1 || days.length !== 1 || !isCalendarDay(year!, month!, day!)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for absolute http(s) URLs: the only schemes a reader's browser should follow from our pages. */
export function isWebUrl(value: string, schemes: readonly string[] = ['http:', 'https:']): boolean {
  try {
    return schemes.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const webUrl = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing; add a web address such as https://example.com/story' : 'must be a web address; write one such as https://example.com/story') })
  .trim()
  .refine((value) => isWebUrl(value), {
    error: (issue) => `${quoteValue(issue.input)} is not a web address; use a full http:// or https:// URL`,
  })
  // Published as it is: a password in it would be shown to every reader, and "https://bank.example@elsewhere.example/"
  // leads to another host than it seems to.
  .refine((value) => !hasCredentials(value), {
    error: (issue) => `${quoteValue(issue.input)} holds a user name or password before its host; remove it (everything up to and with the "@")`,
  });

function hasCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/**
 * YAML reads a value tagged `!!binary` (base64 pasted from a tool, most often a picture) as bytes, which no field
 * takes; zod would take them for a set of fields named 0, 1, 2…, one unknown field each.
 */
const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;
const BYTES = 'is binary data (YAML reads a value tagged !!binary as bytes)';

/** YAML reads 1984, 2.0, true or 2026-05-01 as a number, true/false or a date: quoting the value keeps it as written. */
function quoteToKeepText(input: unknown): string | undefined {
  if (isBytes(input)) return `${BYTES}; write it as text, without the !!binary tag`;
  if (typeof input === 'number' || typeof input === 'boolean') return `must be text, and YAML reads ${String(input)} as a ${typeof input}; write it in double quotes ("${String(input)}")`;
  if (!(input instanceof Date) || Number.isNaN(input.getTime())) return undefined;
  // Not a date field, whose text the loaders keep (written-dates.ts): a midnight in UTC is taken for a day written alone.
  const shown = shownInstant(input, isUtcMidnight(input));
  return shown.length === 10
    ? `must be text, and YAML reads ${shown} as a date; write it in double quotes ("${shown}")`
    : 'must be text, and YAML reads it as a date and time; write it in double quotes';
}

export const requiredText = (what: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined ? `is missing; add ${what}` : issue.input === null ? `is empty; write ${what}` : (quoteToKeepText(issue.input) ?? `must be text; write ${what}`),
    })
    .trim()
    .superRefine((value, ctx) => {
      const refused = REFUSED_CHARACTER.exec(value);
      if (!hasVisibleCharacter(value)) ctx.addIssue({ code: 'custom', message: `is empty; write ${what}` });
      else if (refused) ctx.addIssue({ code: 'custom', message: refusedCharacterMessage(refused[0]) });
    });

/** A limit from field-limits.ts as a refinement: its message, when there is one, is the issue. */
const within = (tooLong: (value: string) => string | undefined) => (value: string, ctx: z.RefinementCtx) => {
  const message = tooLong(value);
  if (message) ctx.addIssue({ code: 'custom', message });
};

/**
 * `tags: AI, Cloud` is one text to YAML: the fix to paste is made of what was written, `tags: ["AI", "Cloud"]`, split
 * at its commas unless it is a regular expression (`/…/`); anything else gets `example`, which names the field.
 */
function listFixFor(input: unknown, example: string): string {
  if (typeof input !== 'string' && typeof input !== 'number') return example;
  const text = String(input).trim();
  const items = text.startsWith('/') ? [text] : text.split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) return example;
  return `${example.slice(0, example.indexOf(':'))}: [${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}

/** A YAML key with nothing after it (`tags:`) is null: say "empty", not "not a list". */
export const listOf = <Item extends z.ZodType>(item: Item, example: string) =>
  z.array(item, { error: (issue) => (issue.input === null ? `is empty; write ${example} or remove the line` : `must be a list; write ${listFixFor(issue.input, example)}`) });

/**
 * Slugs become URL segments: lower-case letters (any script, with their combining marks and modifier letters such as
 * the Japanese ー), digits and single hyphens. Every slug `slugify` makes from a file name must pass, or that article
 * could not be listed under `related`.
 */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+)*$/u;

// Composed (NFC), as slugs from file names are: an accent typed as a letter plus a combining mark is the same URL.
const slugField = z
  .string({ error: (issue) => quoteToKeepText(issue.input) ?? `${quoteValue(issue.input)} is not a slug; write lower-case words joined by hyphens, e.g. japan-ai-race` })
  .trim()
  .normalize('NFC')
  .refine((value) => SLUG_PATTERN.test(value), { error: (issue) => `${quoteValue(issue.input)} is not a slug; ${slugFix(String(issue.input))}` })
  .superRefine(within(slugTooLong));

/**
 * The slug the site's own rules make of a refused one (`My Great Story` → my-great-story), when that is one it takes.
 * A file name or an address pasted for a slug (`my-story.md`, `https://…/articles/my-story/`) names it by its last part.
 */
function slugFix(value: string): string {
  const path = value.replace(/[?#].*$/, '').replace(/[\\/]+$/, '');
  const pasted = /[\\/]|\.mdx?$/i.test(path);
  const made = pasted ? articleSlug(path) : slugify(value);
  if (!made || slugTooLong(made)) return 'use lower-case words joined by hyphens, e.g. japan-ai-race';
  return `write ${made} (${pasted ? "the article's slug alone, without its folder, address or .md" : 'lower-case words joined by hyphens'})`;
}

const notAStory = (issue: { input?: unknown }) =>
  `${JSON.stringify(issue.input)} is not a story; write the slug of the article whose story this joins (story: japan-chip-rules), or story: false`;

// Every field except the image's local-path check is built once, at module load: Astro calls the schema factory
// for every entry (to bind image() to the entry's file), and constructing zod schemas costs far more than parsing.
const fields = {
  /** The headline. */
  title: requiredText('the headline readers see').superRefine(within((title) => textTooLong(title, MAX_TITLE_CHARACTERS))),
  /** The dek: one or two sentences used under the headline, in teasers, feeds and meta descriptions. */
  description: requiredText('a one- or two-sentence summary (the dek)').superRefine(within((dek) => textTooLong(dek, MAX_DESCRIPTION_CHARACTERS))),
  /** When the article is published; a future instant schedules it. */
  publishedAt: dateField,
  /** When the article was last meaningfully changed; never before publishedAt. */
  updatedAt: dateField.optional(),
  /** Bylines, in display order. */
  authors: listOf(requiredText('an author name').superRefine(within(nameTooLong)), 'authors: ["Mariko Tanaka"]').default([]),
  /** Topics; case-insensitive, at least one. */
  tags: z
    .array(requiredText('a tag name').superRefine(within(nameTooLong)), {
      error: (issue) =>
        issue.input === undefined
          ? 'is missing; add at least one tag, e.g. tags: ["AI"]'
          : issue.input === null
            ? 'is empty; add at least one tag, e.g. tags: ["AI"]'
            : `must be a list; write ${listFixFor(issue.input, 'tags: ["AI", "Policy"]')}`,
    })
    .min(1, { error: 'is empty; add at least one tag, e.g. tags: ["AI"]' }),
  /**
   * The original publisher, for aggregated coverage: `id` names its entry in content/sources.yaml (the checker
   * makes sure it exists), `url` is the original story, and `excerpt: true` marks a body that is only the outlet's
   * summary, so the page credits the original as canonical.
   */
  source: setOfFields(
    'source',
    {
      id: sourceIdField.optional(),
      name: requiredText("the original publisher's name"),
      url: webUrl,
      excerpt: z.boolean({ error: (issue) => `${JSON.stringify(issue.input)} is not true or false; write excerpt: true or remove the line` }).optional(),
    },
    'a name and a url',
    'write source: { name: "Example Times", url: "https://example.com/story" }',
  ).optional(),
  /** Editor-curated "Explore more" slugs, shown first in this order. */
  related: listOf(slugField, 'related: ["other-article-slug"]').default([]),
  /** Slugs the article was published under before (a URL corrected after publishing): each old address sends readers on to it. */
  formerSlugs: listOf(slugField, 'formerSlugs: ["old-article-slug"]').default([]),
  /** The editor's word on stories: the slug of the article whose story this one joins (and leads), or false for none. */
  story: z
    .union([z.literal(false), z.string().trim().normalize('NFC').refine((value) => SLUG_PATTERN.test(value), { error: notAStory })], { error: notAStory })
    .optional(),
  /** Drafts are never published. */
  draft: z.boolean({ error: (issue) => `${quoteValue(issue.input)} is not true or false; write draft: true or draft: false` }).default(false),
  /** Overrides the slug taken from the file name. */
  slug: slugField.optional(),
  /** The article's language as a BCP 47 tag, when it is not the site's; kept in canonical spelling (`de-ch` → `de-CH`). */
  lang: z
    .string({ error: (issue) => quoteToKeepText(issue.input) ?? `${quoteValue(issue.input)} is not a language tag; write a BCP 47 tag such as ar, ja or de-CH` })
    .trim()
    .transform((value, ctx) => {
      const canonical = canonicalLanguage(value);
      if (canonical) return canonical;
      // `en_US` is how operating systems write a locale; a tag joins its parts with hyphens.
      const hyphenated = canonicalLanguage(value.replaceAll('_', '-'));
      const named = hyphenated ? undefined : languageNamed(value);
      ctx.addIssue({
        code: 'custom',
        message: hyphenated
          ? `${quoteValue(value)} is not a language tag; write ${hyphenated} (language tags join their parts with hyphens)`
          : named
            ? `${quoteValue(value)} is not a language tag; write ${named} (a language tag is the language's code, not its name)`
            : `${quoteValue(value)} is not a language tag; use a BCP 47 tag such as ar, ja or de-CH`,
      });
      return z.NEVER;
    })
    .optional(),
};
const remoteImage = z.string().refine((value) => isWebUrl(value, ['https:']));
const imageAlt = requiredText('a description of the image for readers who cannot see it').superRefine(within((alt) => textTooLong(alt, MAX_ALT_CHARACTERS)));

/**
 * Builds the schema. `imageSource` validates a local image path: Astro passes its `image()` helper so the
 * file is resolved and optimised; the checker passes a plain string check and tests the path itself.
 */
export function createArticleSchema<Local extends z.ZodType>(imageSource: () => Local) {
  const { title, description, publishedAt, updatedAt, authors, tags, source, related, formerSlugs, story, draft, slug, lang } = fields;
  return z
    .strictObject(
      {
        title,
        description,
        publishedAt,
        updatedAt,
        authors,
        tags,
        source,
        /** Lead image: a path relative to the article, or an absolute https URL used as-is. */
        image: setOfFields(
          'image',
          {
            // Trimmed before Astro's image() sees it, which would otherwise look for a file named with the spaces.
            src: z.preprocess(
              (value) => (typeof value === 'string' ? value.trim() : value),
              z.union([remoteImage, imageSource()], {
                error: (issue) =>
                  isWebUrl(String(issue.input), ['http:'])
                    ? `${quoteValue(issue.input)} is an http:// address, which browsers show as not secure on an https page or do not load; use its https:// address, or save the picture and write a path next to the article such as ./photo.jpg`
                    : `${issue.input === undefined ? 'is missing' : `${quoteValue(issue.input)} is not an image`}; use a path next to the article such as ./photo.jpg, or an https:// URL`,
              }),
            ),
            alt: imageAlt,
          },
          'a src and an alt text',
          'write image: { src: "./photo.jpg", alt: "What the photo shows" }',
        )
          .optional(),
        related,
        formerSlugs,
        story,
        draft,
        slug,
        lang,
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? unknownKeys('', issue.keys)
            : 'front matter is not a set of fields; write one "field: value" per line between the --- lines',
      },
    )
    .refine((data) => !(data.updatedAt && data.updatedAt < data.publishedAt), {
      path: ['updatedAt'],
      // Checked even when other fields are wrong, so an editor sees every problem in one pass.
      when: (payload) =>
        typeof payload.value === 'object' &&
        payload.value !== null &&
        !payload.issues.some((issue) => issue.path?.[0] === 'publishedAt' || issue.path?.[0] === 'updatedAt'),
      error: (issue) => {
        const data = issue.input as { publishedAt: Date; updatedAt: Date };
        const [updated, published] = [shownInstant(data.updatedAt, daysWritten.has(data.updatedAt)), shownInstant(data.publishedAt, daysWritten.has(data.publishedAt))];
        // `updatedAt: 2026-05-01` for an update later on the day of a piece published at 09:00 reads right, but is midnight.
        const sameDay = updated === published.slice(0, 10);
        return `${updated} is before publishedAt ${published}; an update cannot precede publication, so set updatedAt to publishedAt or later${sameDay ? ` (a date without a time is midnight UTC: write the update's time too, e.g. ${published})` : ''}`;
      },
    })
    // Readers see the headline, dek and lead picture's alt text with the body's quotation marks and apostrophes,
    // wherever they are shown (a screen reader reads the alt text beside the headline).
    .transform((data) => {
      const lang = data.lang ?? siteConfig.lang;
      const image = data.image && { ...data.image, alt: typesetQuotes(data.image.alt, lang) };
      const days = DATE_FIELDS.filter((field) => data[field] && daysWritten.has(data[field]));
      const dayAlone = days.length > 0 ? { dayAlone: Object.fromEntries(days.map((field) => [field, true])) as Partial<Record<DateField, true>> } : {};
      return { ...data, title: typesetQuotes(data.title, lang), description: typesetQuotes(data.description, lang), ...(image ? { image } : {}), ...dayAlone };
    });
}

/**
 * The schema factory for Astro's collection. Astro calls the factory for every entry, to bind `image()` to the entry's
 * file, and at once starts parsing the entry with what it returned. Building the schema costs more than parsing with
 * it (zod compiles a parser for each object it makes), so it is built once, and a local image path is handed to the
 * `image()` of the entry being parsed: the one given to the factory's latest call when the parse reaches the path,
 * which it does before anything in the parse awaits (the fields before it check synchronously).
 */
export function collectionSchema<Local extends z.ZodType>(): (helpers: { image: () => Local }) => ReturnType<typeof createArticleSchema<Local>> {
  let entryImage: (() => Local) | undefined;
  const localImage = z.unknown().transform(async (path, ctx) => {
    const image = entryImage!;
    const result = await image().safeParseAsync(path);
    if (result.success) return result.data;
    for (const { message, path: at } of result.error.issues) ctx.addIssue({ code: 'custom', message, path: at, input: path });
    return z.NEVER;
  });
  // Typed as Astro's image(), whose output it passes on.
  const schema = createArticleSchema(() => localImage as unknown as Local);
  return ({ image }) => {
    entryImage = image;
    return schema;
  };
}

/** The checker's variant: local image paths stay strings (existence is checked against the file system). */
export const articleSchema = createArticleSchema(() =>
  z
    .string()
    .min(1)
    .refine((value) => !HAS_SCHEME.test(value)),
);

export type ArticleData = z.output<typeof articleSchema>;
