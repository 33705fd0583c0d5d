/** One feed entry → one draft article: front matter in the site's schema, a Markdown body, and the file text that holds both. */
import { Document, type Scalar, type YAMLSeq } from 'yaml';
import { parseArticle } from '../../content/article.ts';
import { isoSeconds } from '../../content/iso-seconds.ts';
import { MAX_ALT_CHARACTERS, MAX_TITLE_CHARACTERS, nameTooLong, textTooLong } from '../../content/field-limits.ts';
import { articleSchema } from '../../content/schema.ts';
import { hasVisibleCharacter } from '../../text/invisible-characters.ts';
import { withMdxLinesAsText } from '../../checks/mdx-in-markdown.ts';
import { chooseDescription, trimToSentences } from './description.ts';
import { draftLanguage } from './feed-language.ts';
import { HtmlTooComplexError } from './html-limits.ts';
import { htmlToMarkdown, htmlToText, withoutRepeatedTitle } from './html.ts';
import type { FeedEntry, ParsedFeed } from './parse-feed.ts';
import { chooseTags } from './tags.ts';
import { cleanUrl } from './urls.ts';

/** Headlines derived from text (feeds without titles, such as micro-blogs) stop at about this length. */
const DERIVED_TITLE_LENGTH = 100;

export interface Draft {
  title: string;
  description: string;
  publishedAt: Date;
  authors: string[];
  tags: string[];
  /** `id` names the outlet in the sources registry; `excerpt` marks a body that is only the outlet's summary. */
  source: { id?: string; name: string; url: string; excerpt?: boolean };
  /** The feed's picture as a remote lead image; alt is the feed's description of it, else the headline. */
  image?: { src: string; alt: string };
  /** The article's language, only when the feed declares one that is not the site's. */
  lang?: string;
  /** Markdown. */
  body: string;
  /** False only for items the desk publishes at once (a registry source with `publish: auto`). */
  draft: boolean;
}

export interface DraftOptions {
  /** --source-name: the publisher's name, over the outlet the item names and the feed's title. */
  sourceName?: string;
  /** The registry source whose feed this is (the aggregator's): credited by its id, unless the item names another outlet. */
  registrySource?: { id: string; name: string };
  /** --tags. */
  extraTags?: readonly string[];
  /** The site's tags (facetKey → display name), so imported tags match existing spellings. */
  siteTags?: ReadonlyMap<string, string>;
  /** "Now", for entries and feeds without any date. */
  now: Date;
  /** The site's language (siteConfig.lang): drafts in it carry no `lang`. */
  siteLang: string;
}

export type DraftResult = { ok: true; draft: Draft } | { ok: false; reason: string };

/** Whole seconds: feeds rarely mean milliseconds, and the file reads better without them. */
function toSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

/** A feed's date in the future is a wrong clock or a typo: kept, it would schedule the draft until then. */
function notAfter(date: Date, now: Date): Date {
  return date.getTime() > now.getTime() ? now : date;
}

/** A headline for an untitled entry (micro-blogs): its first sentence, without the full stop. */
function deriveTitle(text: string): string {
  const [first = ''] = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(trimToSentences(text, DERIVED_TITLE_LENGTH))].map((part) => part.segment.trim());
  return first.replace(/(?<!\.)\.$/, '');
}

/**
 * Who the draft credits: the --source-name given; else the outlet the item names, since an aggregator such as
 * Google News only passes its story on; else the registry source the feed is followed as; else the feed's title.
 * `id` ties the credit to the registry (its page, its name on the site), so an outlet the item names goes without one.
 */
function creditOf(entry: FeedEntry, feed: ParsedFeed, url: string, options: DraftOptions): Draft['source'] {
  const name = options.sourceName?.trim() || entry.outlet;
  if (name) return { name, url };
  if (options.registrySource) return { id: options.registrySource.id, name: options.registrySource.name, url };
  return { name: feed.title || new URL(url).hostname, url };
}

/**
 * A feed's text cut to what the schema takes, at a sentence's or else a word's end: some feeds put a whole
 * summary in the title, and the item would otherwise be refused and never come back.
 */
function withinLimit(text: string, max: number): string {
  return textTooLong(text, max) ? trimToSentences(text, max) : text;
}

export function buildDraft(entry: FeedEntry, feed: ParsedFeed, options: DraftOptions): DraftResult {
  if (entry.refusal) return { ok: false, reason: entry.refusal };
  if (!entry.link) return { ok: false, reason: 'it has no http(s) link to the original story: no link, permalink GUID or audio or video enclosure' };
  const url = cleanUrl(entry.link);
  let bodyHtml = entry.contentHtml ?? entry.summaryHtml ?? '';
  let body: string;
  let bodyText: string;
  let summaryText: string;
  try {
    bodyHtml = withoutRepeatedTitle(bodyHtml, entry.title);
    body = htmlToMarkdown(bodyHtml, entry.htmlBase ?? entry.link, entry.image?.url);
    bodyText = htmlToText(bodyHtml);
    summaryText = entry.summaryHtml ? htmlToText(entry.summaryHtml) : '';
  } catch (error) {
    if (error instanceof HtmlTooComplexError) return { ok: false, reason: error.message };
    throw error;
  }
  const title = withinLimit(entry.title || deriveTitle(summaryText || bodyText), MAX_TITLE_CHARACTERS);
  if (!hasVisibleCharacter(title)) return { ok: false, reason: 'it has neither a title nor any text' };
  const lang = draftLanguage(entry.language, options.siteLang);
  return {
    ok: true,
    draft: {
      title,
      description: chooseDescription(summaryText, bodyText, title),
      publishedAt: toSecond(notAfter(entry.publishedAt ?? feed.publishedAt ?? options.now, options.now)),
      // A "name" too long for an author's page is a sentence about the writer, not a byline.
      authors: entry.authors.filter((name) => !nameTooLong(name)),
      tags: chooseTags(entry.categories, { siteTags: options.siteTags, extra: options.extraTags }),
      source: creditOf(entry, feed, url, options),
      ...(entry.image ? { image: { src: entry.image.url, alt: withinLimit(entry.image.alt || title, MAX_ALT_CHARACTERS) } } : {}),
      ...(lang ? { lang } : {}),
      body,
      draft: true,
    },
  };
}

/**
 * The article file: YAML front matter written by a YAML library (every string double-quoted, so no title
 * can turn into a number, a date, a boolean or a comment), then the body.
 */
export function serializeDraft(draft: Draft): string {
  const document = new Document({
    title: draft.title,
    description: draft.description,
    publishedAt: isoSeconds(draft.publishedAt),
    authors: draft.authors,
    tags: draft.tags,
    source: { ...(draft.source.id ? { id: draft.source.id } : {}), name: draft.source.name, url: draft.source.url, ...(draft.source.excerpt ? { excerpt: true } : {}) },
    ...(draft.image ? { image: { src: draft.image.src, alt: draft.image.alt } } : {}),
    ...(draft.lang ? { lang: draft.lang } : {}),
    ...(draft.draft ? { draft: true } : {}),
  });
  // Written like hand-made articles: an unquoted timestamp and one-line lists.
  (document.get('publishedAt', true) as Scalar).type = 'PLAIN';
  (document.get('authors', true) as YAMLSeq).flow = true;
  (document.get('tags', true) as YAMLSeq).flow = true;
  const frontMatter = document.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0, flowCollectionPadding: false });
  // The outlet's words are text, even a line that reads as MDX (a post quoting an import), which the check refuses in a .md file.
  return `---\n${frontMatter}---\n${draft.body ? `\n${withMdxLinesAsText(draft.body)}\n` : ''}`;
}

/**
 * Reads a serialised draft back the way the site and the checker will, and lists what is wrong with it:
 * schema errors, or any field that did not survive the round trip unchanged. Empty means safe to write.
 */
export function verifyDraftFile(text: string, draft: Draft): string[] {
  const read = parseArticle('draft.md', text);
  if (!read.ok) return [`the front matter does not parse: ${read.problem.message}`];
  // Validated as the site validates it, compared before the headline and dek are typeset for readers: the round trip
  // is the YAML's, and a straight quote the draft holds is what it should read back.
  const result = articleSchema.in.safeParse(read.article.data);
  if (!result.success) return result.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
  const parsed = result.data;
  const problems: string[] = [];
  const same = (field: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${field} reads back as ${JSON.stringify(actual)}, not ${JSON.stringify(expected)}`);
  };
  same('title', parsed.title, draft.title);
  same('description', parsed.description, draft.description);
  same('publishedAt', parsed.publishedAt.getTime(), draft.publishedAt.getTime());
  same('authors', parsed.authors, draft.authors);
  same('tags', parsed.tags, draft.tags);
  same('source', parsed.source, { id: draft.source.id, name: draft.source.name, url: draft.source.url, excerpt: draft.source.excerpt || undefined });
  same('image', parsed.image, draft.image);
  same('lang', parsed.lang, draft.lang);
  same('draft', parsed.draft, draft.draft);
  return problems;
}
