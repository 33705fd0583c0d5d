/** Whether a downloaded document is a web page rather than the feed or feed list asked for, and the feeds a page names. */
import { Parser } from 'htmlparser2';
import { resolveWebUrl } from './urls.ts';

const MAX_HTML_SNIFF = 1024;

/**
 * Elements that open HTML and never a feed: a page sent without its doctype and <html> (a robot check's
 * "<head><title>Just a moment…", an error page's "<h1>Service Unavailable</h1>"). <b> and <br> are left out: a PHP
 * warning printed before a feed opens with them.
 */
const HTML_OPENING = /^<(?:html|head|body|meta|link|title|script|style|noscript|div|p|h[1-6]|center|table|iframe|form|pre)[\s/>]/;

/**
 * True when the document (leading whitespace and byte order mark removed) opens as an HTML page: its doctype, or its
 * <html> or another element only HTML opens with, after any XML declaration (XHTML) and comments.
 */
export function isHtmlPage(document: string): boolean {
  const head = document.slice(0, MAX_HTML_SNIFF).toLowerCase();
  const opening = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/.exec(head)![0].length;
  return head.startsWith('<!doctype html', opening) || HTML_OPENING.test(head.slice(opening));
}

/** The media types a page's `<link rel="alternate">` gives its feeds (RSS, Atom, JSON Feed). */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml']);
/** Feed links sit in a page's head, near its start. */
const MAX_DISCOVERY_CHARACTERS = 256 * 1024;

/**
 * The http(s) addresses of the feeds a web page names in its head (`<link rel="alternate" type="application/rss+xml"
 * href="…">`, as feed readers find them), resolved against the page's address, each once, in the page's order.
 */
export function advertisedFeeds(page: string, pageUrl?: string): string[] {
  const feeds = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'body') return parser.pause();
        if (name !== 'link') return;
        const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attributes.type ?? '').toLowerCase().split(';')[0]!.trim();
        const href = rel.includes('alternate') && FEED_TYPES.has(type) ? resolveWebUrl(attributes.href, pageUrl) : undefined;
        if (href) feeds.add(href);
      },
    },
    { decodeEntities: true },
  );
  parser.end(page.slice(0, MAX_DISCOVERY_CHARACTERS));
  return [...feeds];
}
