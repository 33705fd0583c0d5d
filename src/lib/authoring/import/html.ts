/**
 * Untrusted feed HTML made safe: sanitised HTML, clean Markdown for article bodies, and plain text for titles and deks.
 * Everything from a feed is hostile until it has been through here.
 */
import { DomUtils, ElementType, parseDocument, Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import TurndownService from 'turndown';
import { decodeCharacterReferences, withoutForbiddenReferences } from '../../text/character-references.ts';
import { withoutInvisibleCharacters } from '../../text/invisible-characters.ts';
import { stripSummaryTrailers } from './description.ts';
import { assertHtmlWithinLimits } from './html-limits.ts';
import { resolveWebUrl } from './urls.ts';

/** Hosts that serve tracking pixels and share-button images in feeds rather than content. */
const TRACKER_HOSTS: readonly string[] = [
  'feeds.feedburner.com',
  'feedproxy.google.com',
  'feeds.feedblitz.com',
  'pixel.wp.com',
  'stats.wordpress.com',
  'pixel.quantserve.com',
  'google-analytics.com',
  'doubleclick.net',
  'feedsportal.com',
  'pi.feedsportal.com',
  'rss.buysellads.com',
  'pixel.facebook.com',
  'sb.scorecardresearch.com',
  'analytics.twitter.com',
  'ct.pinterest.com',
  'px.ads.linkedin.com',
];

function isTrackerHost(hostname: string): boolean {
  return TRACKER_HOSTS.some((host) => hostname === host || hostname.endsWith(`.${host}`));
}

/** 1×1 (or 0×0) images are beacons, whatever their host. */
function isTrackingPixel(attributes: Record<string, string>): boolean {
  const src = attributes.src;
  if (!src) return true;
  try {
    if (isTrackerHost(new URL(src).hostname)) return true;
  } catch {
    return true;
  }
  const size = (value: string | undefined) => (value === undefined ? undefined : Number.parseInt(value, 10));
  const width = size(attributes.width);
  const height = size(attributes.height);
  return (width !== undefined && width <= 1) || (height !== undefined && height <= 1);
}

/** What a button says, written as a link (Substack's "Subscribe now", Ghost's "Subscribe", Hacker News's "Comments"). */
const BUTTON_LABEL = /^\s*(?:subscribe(?: now)?|sign up|share|comments|leave a comment)\s*$/i;

const BODY_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li',
  'a', 'img', 'strong', 'b', 'em', 'i', 'del', 's', 'sub', 'sup', 'figure', 'figcaption',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'div', 'span', 'q', 'cite', 'abbr', 'mark',
];

/** Classes of the blocks Jetpack (WordPress) appends to every post: share buttons, "Like this: Like Loading…", related posts. */
const WIDGET_CLASSES = new Set(['sharedaddy', 'jp-relatedposts']);

/**
 * The HTML without plugin widgets (WIDGET_CLASSES), cut from the HTML as written. They go before sanitising,
 * which drops the classes that name them. Call within the bounds of html-limits.ts.
 */
function withoutWidgets(html: string): string {
  if (![...WIDGET_CLASSES].some((name) => html.includes(name))) return html;
  type Nodes = ReturnType<typeof parseDocument>['children'];
  const widgets: Nodes = [];
  const visit = (nodes: Nodes) => {
    for (const node of nodes) {
      if (!('attribs' in node)) continue;
      if ((node.attribs.class ?? '').split(/\s+/).some((name) => WIDGET_CLASSES.has(name))) widgets.push(node);
      else visit(node.children);
    }
  };
  visit(parseDocument(html, { withStartIndices: true, withEndIndices: true }).children);
  let result = html;
  for (const widget of widgets.reverse()) result = result.slice(0, widget.startIndex ?? 0) + result.slice((widget.endIndex ?? result.length - 1) + 1);
  return result;
}

/**
 * The text without CDATA markers, its sections' contents kept: a section left in a field after the XML is read (escaped
 * as text, or wrapped in a second section) means nothing in HTML, which hides it with all it holds, and what its
 * publisher meant is the contents.
 */
function withoutCdataMarkers(text: string): string {
  return text.includes('<![CDATA[') ? text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1') : text;
}

/**
 * Keeps prose markup only. Scripts, styles, frames, forms, objects and every attribute that is not a link
 * target or an image's src/alt/size are dropped; the contents of script, style and similar raw-text elements
 * are dropped with them. URLs are made absolute against `baseUrl` first, then anything that is not http(s)
 * (or mailto for links) is removed. Throws HtmlTooComplexError beyond the bounds (html-limits.ts).
 */
export function sanitizeFeedHtml(html: string, baseUrl?: string): string {
  assertHtmlWithinLimits(html);
  const safe = sanitizeHtml(withoutWidgets(withoutCdataMarkers(html)), {
    allowedTags: BODY_TAGS,
    allowedAttributes: { a: ['href'], img: ['src', 'alt', 'width', 'height'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'title', 'head'],
    transformTags: {
      // The article page owns the h1; a feed's h1 becomes a section heading.
      h1: 'h2',
      a: (tagName, attributes) => {
        const href = attributes.href?.trim().toLowerCase().startsWith('mailto:') ? attributes.href.trim() : resolveWebUrl(attributes.href, baseUrl);
        const attribs: Record<string, string> = {};
        if (href) attribs.href = href;
        return { tagName, attribs };
      },
      img: (tagName, attributes) => {
        const src = resolveWebUrl(attributes.src, baseUrl);
        const kept: Record<string, string> = { alt: attributes.alt ?? '' };
        if (src) kept.src = src;
        if (attributes.width !== undefined) kept.width = attributes.width;
        if (attributes.height !== undefined) kept.height = attributes.height;
        return { tagName, attribs: kept };
      },
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return isTrackingPixel(frame.attribs);
      // A paragraph that is only a publisher's trailer ("The post … appeared first on …", "Continue reading on …").
      if (frame.tag === 'p') return Boolean(frame.text.trim()) && !stripSummaryTrailers(frame.text);
      // Share buttons and emptied tracker links: a link with nothing left to click. Only the tag goes, since
      // sanitize-html counts an image only as a direct child: one wrapped deeper (in a <picture>) must stay.
      // A link that says only what a button says goes whole.
      if (frame.tag === 'a') return !frame.text.trim() && !frame.mediaChildren.length ? 'excludeTag' : BUTTON_LABEL.test(frame.text);
      return false;
    },
  });
  return withHeadingOutline(safe);
}

/**
 * The headings of sanitised HTML renumbered from h2 down, one level at a time: the article page owns the h1, and a
 * feed's h3 under no h2 (as many CMSs write subheads) would skip a level for screen-reader users, which the check warns
 * of. A heading with nothing to show is passed over, as the Markdown leaves it out.
 */
function withHeadingOutline(html: string): string {
  if (!/<h[1-6]/.test(html)) return html;
  const document = parseDocument(html, { decodeEntities: false });
  let previous = 1;
  for (const heading of DomUtils.findAll((element) => /^h[1-6]$/.test(element.name), document.children)) {
    if (!DomUtils.textContent(heading).trim() && !DomUtils.findOne((element) => element.name === 'img', heading.children)) continue;
    previous = Math.min(Math.max(Number(heading.name.slice(1)), 2), previous + 1);
    heading.name = `h${previous}`;
  }
  return DomUtils.getOuterHTML(document, { decodeEntities: false });
}

/**
 * Alt text that is only emoji: an emoji drawn as a picture (WordPress swaps emoji characters for images), so the
 * character itself is what the reader should see, and the picture is never a lead image.
 */
export function isEmojiAlt(alt: string | undefined): boolean {
  return /^(?=.*\p{Extended_Pictographic})[\p{Extended_Pictographic}\p{Emoji_Component}\s]+$/u.test(alt ?? '');
}

/** Percent-encodes what would end a Markdown link destination early. */
function markdownUrl(url: string): string {
  return url.replace(/[()\s<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function markdownLabel(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&').replace(/\s+/g, ' ').trim();
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    // Not `---`: a rule, `key: value` lines and a rule opening a body would read as a second front matter.
    hr: '* * *',
  });
  const escapeMarkdown = service.escape.bind(service);
  // Turndown escapes Markdown syntax but not HTML: text that reads "<script>" after entity decoding must stay
  // text, and "&amp;lt;" must not be decoded a second time by the Markdown renderer. A lone "<" or "&" is left
  // as it is, so "3 < 4" and "R&D" read naturally in the file.
  service.escape = (text: string) => escapeMarkdown(text).replace(/<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)/g, '\\$&');
  service.addRule('safeLink', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = (node as HTMLElement).getAttribute('href');
      const text = content.trim();
      if (!text) return '';
      return href ? `[${text}](${markdownUrl(href)})` : text;
    },
  });
  service.addRule('safeImage', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = (node as HTMLElement).getAttribute('src');
      const alt = (node as HTMLElement).getAttribute('alt') ?? '';
      if (!src) return '';
      if (isEmojiAlt(alt)) return alt.trim();
      return `![${markdownLabel(alt)}](${markdownUrl(src)})`;
    },
  });
  return service;
}

let turndown: TurndownService | undefined;

/** Whether the last word of `text` is a web or e-mail address, which GFM makes a link up to the next space or "<". */
function endsInAddress(text: string): boolean {
  // The last word split off first: a pattern anchored at the end would retry every start in a long unspaced run.
  return /https?:\/\/|www\.|@/i.test(text.split(/\s/).at(-1)!);
}

/**
 * Sanitised HTML with a space between an address in the text and inline code written against it: the address's
 * automatic link would run on through the code's backticks, and the code, which Markdown does not escape, would be
 * read as Markdown (`![x](y)` in it as a picture).
 */
function withCodeApartFromAddresses(html: string): string {
  if (!html.includes('<code') || !/:\/\/|www\.|@/i.test(html)) return html;
  const document = parseDocument(html, { decodeEntities: false });
  let changed = false;
  for (const code of DomUtils.findAll((element) => element.name === 'code' && !(element.parent && 'name' in element.parent && element.parent.name === 'pre'), document.children)) {
    if (!code.prev || !endsInAddress(DomUtils.textContent(code.prev))) continue;
    // The text the address ends, inside an element before the code (<em>https://…</em>) too.
    let last: ReturnType<typeof parseDocument>['children'][number] | undefined = code.prev;
    while (last && last.type !== ElementType.Text) last = 'children' in last ? last.children.at(-1) : undefined;
    if (!last || !('data' in last)) continue;
    last.data += ' ';
    changed = true;
  }
  return changed ? DomUtils.getOuterHTML(document, { decodeEntities: false }) : html;
}

/** Elements whose text is code, shown as written: a reference in it is what the code says, never escaped twice. */
const CODE_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp']);

type HtmlNode = ReturnType<typeof parseDocument>['children'][number];

/** Whether a node stands inside code. */
function inCode(node: HtmlNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if ('name' in parent && CODE_ELEMENTS.has(parent.name)) return true;
  }
  return false;
}

/**
 * Sanitised HTML whose prose, once decoded, still holds character references ("AT&amp;amp;T" reads "AT&amp;T"), with
 * them decoded once more, as feed readers do: its publisher escaped the text twice. Code keeps its references, and what
 * they decode to stays text ("&amp;lt;b&amp;gt;" is the text "<b>", escaped again when the HTML is written).
 */
function withTwiceEscapedTextDecoded(html: string): string {
  // A reference left after one decoding was written with an escaped ampersand.
  if (!/&(?:amp|#0*38|#x0*26);/i.test(html)) return html;
  const document = parseDocument(html);
  let changed = false;
  for (const text of DomUtils.filter((node) => node.type === ElementType.Text, document.children)) {
    if (!('data' in text) || inCode(text)) continue;
    const decoded = decodeCharacterReferences(text.data);
    if (decoded === text.data) continue;
    text.data = decoded;
    changed = true;
  }
  return changed ? DomUtils.getOuterHTML(document, { encodeEntities: 'utf8' }) : html;
}

/** The picture sanitised HTML opens with, before any text, or undefined. */
function openingPicture(nodes: readonly HtmlNode[]): Extract<HtmlNode, { attribs: unknown }> | undefined {
  for (const node of nodes) {
    if (node.type === ElementType.Text && node.data.trim()) return undefined;
    if (node.type !== ElementType.Tag) continue;
    if (node.name === 'img') return node;
    const inner = openingPicture(node.children);
    if (inner || DomUtils.textContent(node).trim()) return inner;
  }
  return undefined;
}

/** Sanitised HTML without the picture it opens with when that is `leadPicture`, which the article shows above its body. */
function withoutLeadPicture(html: string, leadPicture: string | undefined): string {
  if (!leadPicture) return html;
  const picture = openingPicture(parseDocument(html, { withStartIndices: true, withEndIndices: true }).children);
  if (!picture || resolveWebUrl(picture.attribs.src) !== resolveWebUrl(leadPicture)) return html;
  return html.slice(0, picture.startIndex ?? 0) + html.slice((picture.endIndex ?? -1) + 1);
}

/**
 * Feed HTML → sanitised → Markdown, with blank-line runs collapsed; without the picture it opens with when that is
 * `leadPicture`. Throws HtmlTooComplexError beyond the bounds.
 */
export function htmlToMarkdown(html: string, baseUrl?: string, leadPicture?: string): string {
  const safe = withCodeApartFromAddresses(withTwiceEscapedTextDecoded(withoutLeadPicture(sanitizeFeedHtml(html, baseUrl), leadPicture)));
  turndown ??= createTurndown();
  return turndown
    .turndown(safe)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The body without a first heading that only repeats the headline (Medium opens every post with it), so the draft
 * shows its title once and the dek does not start with it. Cut from the HTML as written. Throws HtmlTooComplexError
 * beyond the bounds.
 */
export function withoutRepeatedTitle(html: string, title: string): string {
  assertHtmlWithinLimits(html);
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const first = document.children.find((node) => node.type !== 'text' || node.data.trim());
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (first?.type !== ElementType.Tag || !/^h[1-6]$/.test(first.name) || flat(DomUtils.textContent(first)) !== flat(title)) return html;
  return html.slice(0, first.startIndex ?? 0) + html.slice((first.endIndex ?? -1) + 1);
}

/** Plain text written into Markdown: paragraphs kept, Markdown and HTML syntax escaped so it stays text. */
export function textToMarkdown(text: string): string {
  turndown ??= createTurndown();
  const escape = turndown.escape.bind(turndown);
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => escape(paragraph.replace(/\s+/g, ' ').trim()))
    .filter(Boolean)
    .join('\n\n');
}

const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'td', 'th', 'tr', 'ul',
]);
// A picture's caption is left out too: it describes the picture, and must not open a dek or excerpt taken from the body.
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'head', 'title', 'textarea', 'select', 'figcaption']);

/**
 * The readable text of an HTML fragment: tags and figure captions dropped, entities decoded, blocks separated by
 * blank lines, inner whitespace collapsed. Used for titles, deks, author names and tags, which are plain text: a
 * reference still in the text after decoding was escaped twice by its publisher ("AT&amp;amp;T") and is decoded once
 * more, and one to a character no text may hold (`&#0;`) is dropped rather than shown as U+FFFD. Throws
 * HtmlTooComplexError beyond the bounds.
 */
export function htmlToText(html: string): string {
  assertHtmlWithinLimits(html);
  const parts: string[] = [];
  let skipping = 0;
  // A <br> breaks the line within its paragraph (a chapter list, one line each, stays one paragraph; two part
  // paragraphs), and the newline the source writes after it is not a second break.
  let afterBreak = false;
  // Prose still holding references once decoded was escaped twice, and is decoded once more; code says what it says.
  // The parser hands text over in pieces (a reference apart from the letters around it), so prose is decoded whole,
  // at the next tag.
  let code = 0;
  let prose = '';
  const flushProse = () => {
    parts.push(decodeCharacterReferences(prose));
    prose = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        flushProse();
        afterBreak = name === 'br';
        if (CODE_ELEMENTS.has(name)) code++;
        if (SKIPPED_ELEMENTS.has(name)) skipping++;
        else if (BLOCK_ELEMENTS.has(name)) parts.push('\n\n');
        else if (afterBreak) parts.push('\n');
      },
      onclosetag(name) {
        flushProse();
        if (CODE_ELEMENTS.has(name)) code = Math.max(0, code - 1);
        if (SKIPPED_ELEMENTS.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK_ELEMENTS.has(name)) parts.push('\n\n');
      },
      ontext(text) {
        const shown = afterBreak ? text.replace(/^[^\S\n]*\n/, '') : text;
        if (!skipping && code) parts.push(shown);
        else if (!skipping) prose += shown;
        afterBreak = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(withoutForbiddenReferences(withoutWidgets(withoutCdataMarkers(html))));
  parser.end();
  flushProse();
  // A section its publisher escaped (as an Atom xhtml title carries one) is one once decoded: what it holds is the text.
  return tidyText(withoutCdataMarkers(parts.join('')));
}

/** Collapses spaces within paragraphs and keeps paragraph breaks (as one blank line); drops invisible characters, which no dek may carry. */
function tidyText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split(/\n\s*\n/)
    .map((paragraph) => withoutInvisibleCharacters(paragraph.replace(/\s+/g, ' ')).trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * True when a string from a feed contains markup rather than plain text (an RSS title with <b>, say), a CDATA section
 * left in it, or character references: "AT&amp;T" left after the XML is read means the publisher escaped its text
 * twice, as HTML.
 */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i.test(text) || /<!--|<!\[CDATA\[/.test(text) || /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(text);
}

/**
 * Text a feed declares plain (an Atom type="text" title) as readers should see it: without a CDATA section's markers
 * left in it, and with what its publisher escaped twice ("AT&amp;amp;T") decoded once more.
 */
export function plainFeedText(text: string): string {
  return decodeCharacterReferences(withoutCdataMarkers(text));
}
