/**
 * Feed text → one normalised shape for RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.x.
 * Parsing is feedsmith's; this module checks the document is safe and well-formed first, then maps each
 * format's fields (namespaces included) onto `FeedEntry`. Text fields stay HTML here; html.ts cleans them.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed as parseWithFeedsmith } from 'feedsmith';
import type { AtomFeed } from 'feedsmith';
import { parseDate } from '../../content/schema.ts';
import { contentImage, enclosureImage, feedImage, firstImage, mediaImage, type FeedImage } from './feed-image.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { resolveWebUrl } from './urls.ts';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** Why a document could not be read as a feed; the CLI prints the message as it is. */
export type FeedErrorKind = 'empty' | 'not-a-feed' | 'malformed' | 'unsafe' | 'unsupported';

export class FeedError extends Error {
  readonly kind: FeedErrorKind;
  constructor(kind: FeedErrorKind, message: string) {
    super(message);
    this.name = 'FeedError';
    this.kind = kind;
  }
}

/** One item of any format, with the meaning of each field fixed. */
export interface FeedEntry {
  /** Plain text (markup removed, entities decoded once); may be empty. */
  title: string;
  /** Absolute http(s) link to the story, when the feed gives one. */
  link?: string;
  /** The format's unique id (guid, atom:id, JSON id, rdf:about), as written. */
  guid?: string;
  /** The teaser, as HTML. */
  summaryHtml?: string;
  /** The full text, as HTML. */
  contentHtml?: string;
  publishedAt?: Date;
  /** Plain-text names. */
  authors: string[];
  /** Plain-text category names, as the feed spells them. */
  categories: string[];
  /** The picture the feed offers for the item (https only). */
  image?: FeedImage;
}

export interface ParsedFeed {
  format: FeedFormat;
  /** Plain-text feed title (usually the publication's name). */
  title?: string;
  /** The publication's home page, absolute. */
  homeUrl?: string;
  /** The feed's own date (lastBuildDate, updated…), a fallback for undated items. */
  publishedAt?: Date;
  entries: FeedEntry[];
}

export interface ParseOptions {
  /** Where the document came from (the final URL after redirects); resolves relative links. */
  baseUrl?: string;
}

const MAX_HTML_SNIFF = 1024;

/** Reads `text` as a feed of any supported format, or throws a FeedError saying what it is instead. */
export function parseFeedText(text: string, options: ParseOptions = {}): ParsedFeed {
  const document = text.replace(/^\uFEFF/, '').trimStart();
  if (!document) throw new FeedError('empty', 'the document is empty');

  if (document.startsWith('{') || document.startsWith('[')) return parseJson(document, options);

  const head = document.slice(0, MAX_HTML_SNIFF).toLowerCase();
  if (head.startsWith('<!doctype html') || /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<html[\s>]/.test(head)) {
    throw new FeedError('not-a-feed', 'this is an HTML web page, not a feed; look for its RSS or Atom link');
  }
  if (!document.startsWith('<')) throw new FeedError('not-a-feed', 'this is neither XML nor JSON, so it is not a feed');
  return parseXml(document, options);
}

function parseJson(document: string, options: ParseOptions): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(document);
  } catch (error) {
    throw new FeedError('malformed', `malformed JSON: ${(error as Error).message}`);
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof version !== 'string' || !version.includes('jsonfeed.org')) {
    throw new FeedError('unsupported', 'unsupported format: JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")');
  }
  const parsed = runFeedsmith(document);
  if (parsed.format !== 'json') throw new FeedError('unsupported', 'unsupported format: not a JSON Feed');
  return mapJson(parsed.feed, options);
}

function parseXml(document: string, options: ParseOptions): ParsedFeed {
  const validation = XMLValidator.validate(document);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new FeedError('malformed', `malformed XML at line ${line}, column ${col}: ${msg}`);
  }
  rejectEntityDeclarations(document);
  const parsed = runFeedsmith(document);
  switch (parsed.format) {
    case 'rss':
      return mapRss(parsed.feed, options);
    case 'rdf':
      return mapRdf(parsed.feed, options);
    case 'atom':
      return mapAtom(parsed.feed, options);
    default:
      throw new FeedError('unsupported', 'unsupported format: XML, but not RSS, RDF or Atom');
  }
}

/**
 * The parser never expands entities, so "billion laughs" and external entities cannot hurt; a feed that
 * declares its own is refused outright with a clear reason rather than imported with &name; left in its text.
 */
function rejectEntityDeclarations(document: string): void {
  const doctype = document.search(/<!DOCTYPE/i);
  if (doctype === -1) return;
  const root = document.slice(doctype).search(/<[A-Za-z_]/);
  const prolog = document.slice(doctype, root === -1 ? undefined : doctype + root);
  if (/<!ENTITY/i.test(prolog)) {
    throw new FeedError('unsafe', 'the feed declares its own XML entities (<!ENTITY> in its DOCTYPE), which the importer refuses: real feeds never need them and they are used in entity-expansion and file-disclosure attacks');
  }
}

type FeedsmithResult = ReturnType<typeof parseWithFeedsmith>;
type FeedOf<Format extends FeedsmithResult['format']> = Extract<FeedsmithResult, { format: Format }>['feed'];

function runFeedsmith(document: string): FeedsmithResult {
  try {
    return parseWithFeedsmith(document);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'DetectError') throw new FeedError('unsupported', 'unsupported format: not RSS 2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed');
    const cause = (error as Error & { cause?: Error }).cause;
    throw new FeedError('malformed', `the feed could not be read: ${cause?.message ?? (error as Error).message}`);
  }
}

const HAS_ZONE = /(?:[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|Z|[ECMP][SD]T)\b)\s*$/i;

/**
 * A date string from a feed (ISO 8601 or RFC 822), when it names a real instant. A time without a zone is read
 * as UTC, as the schema does, so an import never depends on the machine's time zone.
 */
export function parseFeedDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim();
  const iso = parseDate(text);
  if (iso) return iso;
  for (const candidate of HAS_ZONE.test(text) ? [text] : [`${text} GMT`, text]) {
    const date = new Date(candidate);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}

function firstDate(...values: unknown[]): Date | undefined {
  for (const value of values) {
    const date = parseFeedDate(value);
    if (date) return date;
  }
  return undefined;
}

/** One line of text from a field that may or may not hold markup (RSS and JSON titles are ambiguous in practice). */
function plain(value: string | undefined): string {
  if (!value) return '';
  return (looksLikeHtml(value) ? htmlToText(value) : value).replace(/\s+/g, ' ').trim();
}

/** Plain text as HTML, so every body goes through the same converter. */
function textAsHtml(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.trim()}</p>`)
    .join('\n');
}

function uniqueNames(names: ReadonlyArray<string | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const name of names) {
    const text = plain(name);
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    result.push(text);
  }
  return result;
}

/** RSS authors are often only an e-mail address; its local part is not a byline. */
function personName(person: { name?: string; email?: string } | undefined): string | undefined {
  return person?.name;
}

function link(href: string | undefined, base: string | undefined): string | undefined {
  return resolveWebUrl(href, base) ?? undefined;
}

function mapRss(feed: FeedOf<'rss'>, options: ParseOptions): ParsedFeed {
  const homeUrl = link(feed.link, options.baseUrl);
  const base = options.baseUrl ?? homeUrl;
  return {
    format: 'rss',
    title: plain(feed.title) || undefined,
    homeUrl,
    publishedAt: firstDate(feed.pubDate, feed.lastBuildDate, feed.dc?.dates?.[0], feed.atom?.updated),
    entries: (feed.items ?? []).map((item) => {
      const guid = item.guid?.value;
      const permalink = item.guid?.isPermaLink === false ? undefined : guid;
      return {
        title: plain(item.title ?? item.dc?.titles?.[0]),
        link: link(item.link, base) ?? link(item.atom?.links?.find((candidate) => !candidate.rel || candidate.rel === 'alternate')?.href, base) ?? resolveWebUrl(permalink),
        guid,
        summaryHtml: item.description,
        contentHtml: item.content?.encoded,
        publishedAt: firstDate(item.pubDate, item.dc?.dates?.[0], item.atom?.published, item.atom?.updated),
        authors: uniqueNames([...(item.authors ?? []).map(personName), ...(item.dc?.creators ?? []), ...(item.atom?.authors ?? []).map((author) => author.name)]),
        categories: uniqueNames([...(item.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])]),
        image: firstImage(
          () => mediaImage(item.media, base),
          () => enclosureImage(item.enclosures, base),
          () => contentImage(item.content?.encoded ?? item.description, base),
        ),
      };
    }),
  };
}

function mapRdf(feed: FeedOf<'rdf'>, options: ParseOptions): ParsedFeed {
  const homeUrl = link(feed.link, options.baseUrl);
  const base = options.baseUrl ?? homeUrl;
  return {
    format: 'rdf',
    title: plain(feed.title) || undefined,
    homeUrl,
    publishedAt: firstDate(feed.dc?.dates?.[0]),
    entries: (feed.items ?? []).map((item) => ({
      title: plain(item.title),
      link: link(item.link, base) ?? resolveWebUrl(item.rdf?.about),
      guid: item.rdf?.about,
      summaryHtml: item.description,
      contentHtml: item.content?.encoded,
      publishedAt: firstDate(item.dc?.dates?.[0], item.dcterms?.modified?.[0]),
      authors: uniqueNames(item.dc?.creators ?? []),
      categories: uniqueNames(item.dc?.subjects ?? []),
      image: contentImage(item.content?.encoded ?? item.description, base),
    })),
  };
}

/** Atom text constructs say what they hold: type="text" is plain, "html" and "xhtml" carry markup. */
function atomText(text: AtomFeed.Text | undefined): string {
  if (!text?.value) return '';
  return (text.type === 'html' || text.type === 'xhtml' ? htmlToText(text.value) : text.value).replace(/\s+/g, ' ').trim();
}

function atomHtml(text: AtomFeed.Text | AtomFeed.Content | undefined): string | undefined {
  if (!text?.value) return undefined;
  return text.type === 'html' || text.type === 'xhtml' || text.type?.includes('html') ? text.value : textAsHtml(text.value);
}

function atomAlternate(links: FeedOf<'atom'>['links'] | undefined, base: string | undefined): string | undefined {
  const alternate = links?.find((candidate) => !candidate.rel || candidate.rel === 'alternate');
  return link(alternate?.href, base);
}

function mapAtom(feed: FeedOf<'atom'>, options: ParseOptions): ParsedFeed {
  const homeUrl = atomAlternate(feed.links, options.baseUrl);
  const selfUrl = link(feed.links?.find((candidate) => candidate.rel === 'self')?.href, options.baseUrl);
  const base = options.baseUrl ?? homeUrl ?? selfUrl;
  const feedAuthors = uniqueNames((feed.authors ?? []).map((author) => author.name));
  return {
    format: 'atom',
    title: atomText(feed.title) || undefined,
    homeUrl,
    publishedAt: firstDate(feed.updated),
    entries: (feed.entries ?? []).map((entry) => {
      const authors = uniqueNames((entry.authors ?? []).map((author) => author.name));
      return {
        title: atomText(entry.title),
        link: atomAlternate(entry.links, base) ?? resolveWebUrl(entry.id),
        guid: entry.id,
        summaryHtml: atomHtml(entry.summary),
        contentHtml: entry.content?.src ? undefined : atomHtml(entry.content),
        publishedAt: firstDate(entry.published, entry.updated),
        authors: authors.length ? authors : feedAuthors,
        categories: uniqueNames((entry.categories ?? []).map((category) => category.label ?? category.term)),
        image: firstImage(
          () => mediaImage(entry.media, base),
          () => enclosureImage(entry.links?.filter((candidate) => candidate.rel === 'enclosure'), base),
          () => contentImage(atomHtml(entry.content) ?? atomHtml(entry.summary), base),
        ),
      };
    }),
  };
}

function mapJson(feed: FeedOf<'json'>, options: ParseOptions): ParsedFeed {
  const homeUrl = link(feed.home_page_url, options.baseUrl);
  const base = options.baseUrl ?? homeUrl ?? link(feed.feed_url, undefined);
  const feedAuthors = uniqueNames((feed.authors ?? []).map((author) => author.name));
  return {
    format: 'json',
    title: plain(feed.title) || undefined,
    homeUrl,
    entries: (feed.items ?? []).map((item) => {
      const authors = uniqueNames((item.authors ?? []).map((author) => author.name));
      return {
        title: plain(item.title),
        link: link(item.url, base) ?? link(item.external_url, base),
        guid: item.id,
        summaryHtml: textAsHtml(item.summary),
        contentHtml: item.content_html ?? textAsHtml(item.content_text),
        publishedAt: firstDate(item.date_published, item.date_modified),
        authors: authors.length ? authors : feedAuthors,
        categories: uniqueNames(item.tags ?? []),
        image: firstImage(
          () => feedImage(item.image ?? item.banner_image, base),
          () => contentImage(item.content_html, base),
        ),
      };
    }),
  };
}
