/**
 * Feed text → one normalised shape for RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.x.
 * Parsing is feedsmith's; this module checks the document is safe and well-formed first, then maps each
 * format's fields (namespaces included) onto `FeedEntry` (map-feeds.ts). Text fields stay HTML here; html.ts cleans them.
 */
import { parseFeed as parseWithFeedsmith } from 'feedsmith';
import { withoutForbiddenReferences } from '../../text/character-references.ts';
import type { FeedImage } from './feed-image.ts';
import { escapeBareCharacters } from './bare-characters.ts';
import { HtmlTooComplexError } from './html-limits.ts';
import { advertisedFeeds, isHtmlPage } from './html-page.ts';
import { mapAtom, mapJson, mapRdf, mapRss, type FeedsmithResult } from './map-feeds.ts';
import { xmlProblem } from './xml-problem.ts';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** Each format as an editor knows it. */
export const FEED_FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', rdf: 'RSS 1.0 (RDF)', atom: 'Atom', json: 'JSON Feed' };

/** Why a document could not be read as a feed; the CLI prints the message as it is. */
export type FeedErrorKind = 'empty' | 'not-a-feed' | 'malformed' | 'unsafe' | 'unsupported' | 'compressed-cut-short';

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
  /** Plain text (markup removed, entities decoded, and those its publisher escaped twice too); may be empty. */
  title: string;
  /** Absolute http(s) link to the story, when the feed gives one. */
  link?: string;
  /** The format's unique id (guid, atom:id, JSON id, rdf:about), as written. */
  guid?: string;
  /**
   * What relative links and pictures in the item's HTML resolve against: an Atom xml:base where the feed gives one,
   * else the item's own address, as a browser reading the story would, else the feed's.
   */
  htmlBase?: string;
  /** The teaser, as HTML. */
  summaryHtml?: string;
  /** The full text, as HTML. */
  contentHtml?: string;
  publishedAt?: Date;
  /** Plain-text names. */
  authors: string[];
  /** The outlet that published the item, when the feed passes on another's (an RSS <source>, as Google News gives); plain text. */
  outlet?: string;
  /** Plain-text category names, as the feed spells them. */
  categories: string[];
  /** The picture the feed offers for the item (https only). */
  image?: FeedImage;
  /** The language the item is written in, as the feed declares it (for the item, else for the whole feed), unchecked. */
  language?: string;
  /** Why the item cannot be imported (markup beyond the bounds of html-limits.ts); its HTML fields are then left out. */
  refusal?: string;
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
  /** What was wrong with the document yet read as its publisher meant (bare "&" in malformed XML), for the editor to pass on. */
  warnings?: string[];
}

export interface ParseOptions {
  /** Where the document came from (the final URL after redirects); resolves relative links. */
  baseUrl?: string;
  /** The Content-Encoding the server compressed the document with (gzip, br…), if any. */
  contentEncoding?: string;
}

/** Reads `text` as a feed of any supported format, or throws a FeedError saying what it is instead. */
export function parseFeedText(text: string, options: ParseOptions = {}): ParsedFeed {
  // A reference to a code point no text may hold (`&#0;`) would reach the headline as U+FFFD: it stands for nothing.
  const document = withoutForbiddenReferences(text.replace(/^\uFEFF/, '').trimStart());
  if (!document) throw new FeedError('empty', `the document is empty, so there is no feed to read; ${emptyAdvice(options)}`);

  if (document.startsWith('{') || document.startsWith('[')) return withContent(parseJson(document, options), options);

  if (isHtmlPage(document)) {
    const feeds = advertisedFeeds(document, options.baseUrl);
    const named = feeds.length === 1 ? `the page names its feed, ${feeds[0]}: use that address` : `the page names its feeds, ${feeds.join(', ')}: use one of those addresses`;
    throw new FeedError('not-a-feed', `this is an HTML web page, not a feed; ${feeds.length === 0 ? 'look for its RSS or Atom link' : named}`);
  }
  const xml = fromDeclaration(document);
  if (!xml.document.startsWith('<')) throw new FeedError('not-a-feed', 'this is neither XML nor JSON, so it is not a feed');
  const feed = withContent(parseXml(xml.document, options, xml.linesBefore, compressedWith(options.contentEncoding)), options);
  return xml.warning ? { ...feed, warnings: [xml.warning, ...(feed.warnings ?? [])] } : feed;
}

/**
 * What to do about a feed with nothing in it. Publishers' software sends one when it fails (a database down, a cache
 * filled while it was), so it is most often passing; an address that is not the feed's may send one for good.
 */
function emptyAdvice(options: ParseOptions): string {
  return options.baseUrl
    ? "check that the address is the feed's; if it is, the publisher's site sent it empty: try again later, and tell the publisher if it stays empty"
    : 'check that this is the file you meant';
}

/** A feed of `format`, as a sentence names it: "an Atom feed", "a JSON Feed" (whose name says feed already). */
const aFeed = (format: FeedFormat) => (format === 'json' ? `a ${FEED_FORMAT_NAMES.json}` : `an ${FEED_FORMAT_NAMES[format]} feed`);

/** The refusal of a feed with no title and no items: a channel with a title and no items has nothing new, this has nothing at all. */
function emptyFeed(what: string, options: ParseOptions): FeedError {
  return new FeedError('empty', `this is ${what} with no title and no items, so there is no feed to read; ${emptyAdvice(options)}`);
}

/** The feed, unless it has neither a title nor an item. */
function withContent(feed: ParsedFeed, options: ParseOptions): ParsedFeed {
  if (feed.title === undefined && feed.entries.length === 0) throw emptyFeed(aFeed(feed.format), options);
  return feed;
}

/** An element of a feed, before which a misplaced XML declaration is the server's text, not a quotation. */
const FEED_ELEMENT = /<(?:rss|feed|rdf:RDF|channel|item|entry)[\s>]/i;

/**
 * Where the XML declaration starts when other text comes before it (a PHP warning its server printed first, most
 * often); undefined when it opens the document, or when an element of a feed comes first, since a feed without a
 * declaration may quote one in an item (in CDATA).
 */
export function misplacedDeclaration(document: string): number | undefined {
  const declaration = document.search(/<\?xml\s/);
  return declaration <= 0 || FEED_ELEMENT.test(document.slice(0, declaration)) ? undefined : declaration;
}

/**
 * A feed whose XML declaration comes after other text from that declaration, which may only open a document, so the
 * feed is read as its publisher meant, with a warning.
 */
function fromDeclaration(document: string): { document: string; linesBefore: number; warning?: string } {
  const declaration = misplacedDeclaration(document);
  if (declaration === undefined) return { document, linesBefore: 0 };
  const linesBefore = document.slice(0, declaration).split('\n').length - 1;
  const characters = declaration === 1 ? '1 character' : `${declaration} characters`;
  return {
    document: document.slice(declaration),
    linesBefore,
    warning: `malformed XML at line ${linesBefore + 1}: ${characters} of other text before the XML declaration, left out; the publisher's server prints them before the feed (a PHP warning, most often) and should not`,
  };
}

function parseJson(document: string, options: ParseOptions): ParsedFeed {
  let value: unknown;
  try {
    value = JSON.parse(document);
  } catch (error) {
    throw new FeedError('malformed', `malformed JSON: ${(error as Error).message}`);
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) throw emptyFeed('an empty JSON object ({}),', options);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof version !== 'string' || !version.includes('jsonfeed.org')) {
    throw new FeedError('unsupported', 'unsupported format: JSON, but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.1")');
  }
  const parsed = runFeedsmith(document, options, 'json');
  if (parsed.format !== 'json') throw new FeedError('unsupported', 'unsupported format: not a JSON Feed');
  return withinLimits(() => mapJson(parsed.feed, options));
}

function parseXml(text: string, options: ParseOptions, linesBefore: number, compression: string | undefined): ParsedFeed {
  const { document, warnings } = wellFormed(text, linesBefore, compression);
  rejectEntityDeclarations(document);
  const parsed = runFeedsmith(document, options, rootFormat(document));
  const feed = (() => {
    switch (parsed.format) {
      case 'rss':
        return withinLimits(() => mapRss(parsed.feed, options));
      case 'rdf':
        return withinLimits(() => mapRdf(parsed.feed, options));
      case 'atom':
        return withinLimits(() => mapAtom(parsed.feed, options));
      default:
        throw new FeedError('unsupported', 'unsupported format: XML, but not RSS, RDF or Atom');
    }
  })();
  return warnings.length ? { ...feed, warnings } : feed;
}

/** Lines named in a warning before the rest are counted. */
const MAX_LINES_NAMED = 5;

/** The codings fetch() decompresses; with any other among them, it passes the body on as it came. */
const DECODED_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br', 'zstd']);

/**
 * The compression a Content-Encoding names, as a reader knows it ("gzip"), when the body was decompressed; undefined
 * for none, or for a coding no client knows ("x-squash"), as then the feed is what the server sent, cut or not.
 */
function compressedWith(contentEncoding: string | undefined): string | undefined {
  const codings = (contentEncoding ?? '').split(',').map((coding) => coding.trim().toLowerCase()).filter((coding) => coding && coding !== 'identity');
  return codings.length && codings.every((coding) => DECODED_CODINGS.has(coding)) ? codings.join(', ') : undefined;
}

/**
 * The document when well-formed; else, when escaping its bare "&" and "<" makes it so, that, with a warning naming
 * the lines; else the first problem is the feed's failure. Nothing else is repaired: a feed broken otherwise is
 * refused as before. A compressed body that ends inside the feed ended in its compressed stream: the answer arrived
 * whole (a body shorter than its Content-Length fails as it is read), and the decompressor gives what it holds
 * without a word, so only the server can have cut it.
 */
function wellFormed(document: string, linesBefore: number, compression: string | undefined): { document: string; warnings: string[] } {
  const problem = xmlProblem(document, 'feed', linesBefore);
  if (!problem) return { document, warnings: [] };
  const escaped = escapeBareCharacters(document);
  if (!escaped.lines.length || xmlProblem(escaped.text, 'feed')) {
    if (compression && problem.cutShort) {
      const { line, open } = problem.cutShort;
      throw new FeedError('compressed-cut-short', `the body came compressed (${compression}) and its compressed stream ended early, though the answer itself arrived whole: the feed stops at line ${line}, inside ${open}; the publisher's server must fix it`);
    }
    throw new FeedError('malformed', problem.message);
  }
  const [first, ...rest] = escaped.lines.map((line) => linesBefore + line);
  const named = rest.length > MAX_LINES_NAMED - 1 ? `${[first, ...rest.slice(0, MAX_LINES_NAMED - 1)].join(', ')} and ${rest.length - MAX_LINES_NAMED + 1} more` : rest.length ? `${[first, ...rest.slice(0, -1)].join(', ')} and ${rest.at(-1)}` : `${first}`;
  return { document: escaped.text, warnings: [`malformed XML at line${rest.length ? 's' : ''} ${named}: a bare “&” or “<” (as in AT&T), read as the character itself; the publisher should write &amp; or &lt;`] };
}

/** An item beyond the bounds of html-limits.ts is refused alone (map-feeds.ts); the feed's own fields refuse the feed. */
function withinLimits(map: () => ParsedFeed): ParsedFeed {
  try {
    return map();
  } catch (error) {
    if (!(error instanceof HtmlTooComplexError)) throw error;
    throw new FeedError('unsafe', `the feed's own title or author cannot be read: ${error.message}`);
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

/** The format a document's root element names (<rss>, <feed>, <rdf:RDF>), whatever else it holds. */
function rootFormat(document: string): FeedFormat | undefined {
  const root = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>)*<(?:[\w.-]+:)?([\w.-]+)/.exec(document)?.[1];
  return root === 'rss' ? 'rss' : root === 'feed' ? 'atom' : root === 'RDF' ? 'rdf' : undefined;
}

/**
 * feedsmith's reading of the document. `format`: what its root (or its being JSON) says it is, so that a feed of
 * that format holding nothing feedsmith reads (`<rss/>`, a `<channel>` without a title or items) is named as an
 * empty feed rather than as feedsmith's bare "Invalid feed format".
 */
function runFeedsmith(document: string, options: ParseOptions, format: FeedFormat | undefined): FeedsmithResult {
  try {
    return parseWithFeedsmith(document);
  } catch (error) {
    const name = (error as Error).name;
    if (format && (name === 'DetectError' || name === 'ParseError')) throw emptyFeed(aFeed(format), options);
    if (name === 'DetectError') throw new FeedError('unsupported', 'unsupported format: not RSS 2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed');
    const cause = (error as Error & { cause?: Error }).cause;
    throw new FeedError('malformed', `the feed could not be read: ${cause?.message ?? (error as Error).message}`);
  }
}
