/**
 * Markdown safety, as one Sätteri hast plugin: editors' raw HTML is run through sanitize-html (no scripts, event
 * handlers or javascript: URLs, no class names), Markdown links and images with unsafe schemes lose them, links
 * that leave the site get rel="noopener noreferrer", and paths from the site's root are put under its base path
 * (in MDX's JSX elements too). Heading anchors and raw-HTML ids are kept off the page's own ids, the footnotes' and
 * each other, and raw HTML's id references (aria-labelledby…) follow them or are dropped. A task list's checkboxes
 * are labelled by their items (./task-lists.ts), Hebrew's abbreviation marks stay straight (./hebrew-marks.ts),
 * quotation marks are the article's language's (./quotation-marks.ts), and a right-to-left article's blocks that open
 * with a Latin word still run right to left (./block-direction.ts). Only raw-HTML nodes, links, images, headings,
 * tables, inputs and JSX elements cross into JavaScript (and the footnote section, in an article with footnotes;
 * each text and block, one by one, in an article with straight quotes in a language that does not write English's or
 * with Hebrew's marks; the whole tree, in a right-to-left article), so articles without HTML pay almost nothing.
 */
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { slug } from 'github-slugger';
import type { Element, ElementContent, Parents as HastParents, Root } from 'hast';
import type { HastNode, HastVisitorContext, MdxJsxFlowElementHast, MdxJsxTextElementHast, PluginFactoryContext } from 'satteri';
import sanitizeHtml from 'sanitize-html';
import { canonicalLanguage, textDirection } from '../content/language.ts';
import { isSafeUrl, LINK_SCHEMES, MEDIA_SCHEMES_BY_TAG } from '../content/url-scheme.ts';
import { HEBREW_MARKS, MAY_HAVE_HEBREW_MARKS } from './hebrew-marks.ts';
import { setRightToLeftBlocks } from './block-direction.ts';
import { proseTextVisitors, readAlone, type ProseRewrite } from './prose-text.ts';
import { quotationMarksOf, quotationMarksRewrite } from './quotation-marks.ts';
import type { TableRegions } from './scrolling-tables.ts';
import { labelTaskCheckbox } from './task-lists.ts';
import { DEFAULT_EMBED_TITLE, EMBED_HOSTS, EMBED_SANDBOX, keptEmbedUrl } from './embeds.ts';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

export interface MarkdownSafetyOptions {
  /** The site's address, base path included (SITE_URL + BASE_PATH): links to its origin are not external. */
  site: string;
  /** Ids the page around the body gives its own elements: no id from the body may take one of them. */
  pageIds: readonly string[];
  /** The site's language: a body's, when its front matter gives none (`lang`). */
  language?: string;
  /**
   * Tables put in named regions that scroll, in this same pass (each raw node handed to JavaScript once): a fresh
   * `TableRegions` for each document, told its headings and given its tables in document order, and given the
   * document's language and how a text of it read apart from its body (a caption, a heading) reads in it.
   */
  tableRegions?: (lang: string | undefined, readAlone: (text: string) => string) => TableRegions;
}

/** What a body's language asks of its text, once per language rather than once per body. */
const writings = new Map<string | undefined, { rightToLeft: boolean; quotationMarks: ReturnType<typeof quotationMarksOf> }>();
function writingOf(lang: string | undefined) {
  let writing = writings.get(lang);
  if (!writing) writings.set(lang, (writing = { rightToLeft: lang !== undefined && textDirection(lang) === 'rtl', quotationMarks: lang === undefined ? undefined : quotationMarksOf(lang) }));
  return writing;
}

/**
 * The passes over the text of a body whose source is `source`, in `lang` (a canonical tag), for one reading of it:
 * Hebrew's marks put back first, so that quotation marks are not made of them, then the language's quotation marks.
 */
export function proseRewrites(source: string, lang: string | undefined): ProseRewrite[] {
  const rewrites: ProseRewrite[] = [];
  if (MAY_HAVE_HEBREW_MARKS.test(source)) rewrites.push(HEBREW_MARKS);
  const { quotationMarks } = writingOf(lang);
  const quotes = quotationMarks && STRAIGHT_QUOTE.test(source) ? quotationMarksRewrite(source, quotationMarks) : undefined;
  if (quotes) rewrites.push(quotes);
  return rewrites;
}

/**
 * The language a document's front matter gives (`lang`), as Astro hands front matter to the processor's plugins
 * (`data.astro.frontmatter`); undefined when it gives none, or none that is a language tag.
 */
function documentLanguage(data: Readonly<Record<string, unknown>>): string | undefined {
  const lang = (data.astro as { frontmatter?: { lang?: unknown } } | undefined)?.frontmatter?.lang;
  return typeof lang === 'string' ? canonicalLanguage(lang) : undefined;
}

/** Elements whose contents are code or form state, never article text. */
const NON_TEXT_TAGS = ['script', 'style', 'textarea', 'option', 'noscript', 'template'];
/** One inline tag opening such an element, as Sätteri hands inline HTML over: `<script>`, `<style media="x">`. */
const NON_TEXT_START_TAG = new RegExp(`^<(${NON_TEXT_TAGS.join('|')})(?=[\\s/>])[^>]*>$`, 'i');
/** A block of HTML opening with such an element. */
const NON_TEXT_BLOCK = new RegExp(`^\\s*<(?:${NON_TEXT_TAGS.join('|')})(?=[\\s/>])`, 'i');
const EXTERNAL_REL = ['noopener', 'noreferrer'];
/** What smart punctuation curls: a body without one has no marks to put in its language's. */
const STRAIGHT_QUOTE = /["']/;

/**
 * A link to an http(s) page of another origin than the site's, read as a browser reads it: `//host`, `https:/\host`
 * and `/\host` all lead to `host`.
 */
export function isExternalUrl(url: string, siteOrigin: string): boolean {
  try {
    const target = new URL(url.trim(), siteOrigin);
    return (target.protocol === 'https:' || target.protocol === 'http:') && target.origin !== siteOrigin;
  } catch {
    return false;
  }
}

/**
 * A path from the site's root ("/logo.png", "/tags/ai/") names one of the site's own files or pages, which are
 * served under its base path (`root`, e.g. "/desk/"); every other URL is returned as it is.
 */
export function underBase(url: string, root: string): string {
  return /^\/(?![/\\])/.test(url) ? `${root}${url.slice(1)}` : url;
}

/** Raw HTML's URL attributes, with paths from the site's root put under its base path (each of a srcset's candidates). */
function rebaseUrls(attribs: sanitizeHtml.Attributes, root: string): sanitizeHtml.Attributes {
  const rebased = { ...attribs };
  for (const name of ['href', 'src', 'poster']) if (rebased[name] !== undefined) rebased[name] = underBase(rebased[name], root);
  if (rebased.srcset !== undefined) rebased.srcset = rebased.srcset.split(',').map((candidate) => candidate.replace(/\S+/, (url) => underBase(url, root))).join(',');
  return rebased;
}

/** An HTML element's name as JSX writes it; a component's is capitalised or dotted (`Callout`, `ui.Card`). */
const JSX_HTML_ELEMENT = /^[a-z][a-z\d-]*$/;

/**
 * An HTML element an editor wrote in MDX (`<a href="/tags/">`, `<img src="/logo.png" />`): its URL attributes written
 * as strings are put under the base path as raw HTML's are. `{expressions}` are code, and components make their own
 * markup (perhaps from the site's paths, already under it), so both are left as written.
 */
function rebaseJsxUrls(node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>, ctx: HastVisitorContext, root: string): void {
  if (!node.name || !JSX_HTML_ELEMENT.test(node.name)) return;
  const written = Object.fromEntries(node.attributes.flatMap((attribute) => (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' ? [[attribute.name, attribute.value]] : [])));
  for (const [name, value] of Object.entries(rebaseUrls(written, root))) if (value !== written[name]) ctx.setProperty(node, name, value);
}

/** The link's own rel tokens (nofollow, me…) kept, noopener and noreferrer added. */
export function externalRel(existing: unknown): string[] {
  const tokens = Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' ? existing.split(/\s+/) : [];
  return [...new Set([...tokens.filter(Boolean), ...EXTERNAL_REL])];
}

function sanitizerOptions(siteOrigin: string): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      ...['img', 'picture', 'source', 'video', 'audio', 'track', 'iframe', 'details', 'summary', 'del', 'ins'],
    ],
    allowedAttributes: {
      // No class: the site styles article bodies by element alone, and a pasted class name (site-header, explore)
      // would dress the text up as the page's own parts.
      '*': ['id', 'title', 'lang', 'dir', 'role', 'aria-*'],
      a: ['href', 'name', 'target', 'rel', 'hreflang'],
      img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
      source: ['src', 'srcset', 'sizes', 'type', 'media'],
      video: ['src', 'poster', 'controls', 'width', 'height', 'preload', 'loop', 'muted', 'playsinline'],
      audio: ['src', 'controls', 'preload', 'loop', 'muted'],
      track: ['src', 'kind', 'srclang', 'label', 'default'],
      iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy', 'sandbox'],
      th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
      td: ['colspan', 'rowspan', 'headers'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      time: ['datetime'],
      data: ['value'],
      blockquote: ['cite'],
      q: ['cite'],
      del: ['cite', 'datetime'],
      ins: ['cite', 'datetime'],
      details: ['open'],
    },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: MEDIA_SCHEMES_BY_TAG,
    allowProtocolRelative: false,
    allowedIframeHostnames: [...EMBED_HOSTS],
    allowIframeRelativeUrls: false,
    exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
    nonTextTags: NON_TEXT_TAGS,
    transformTags: {
      // The page owns its one <main> and its one <h1> (the headline).
      main: 'div',
      h1: 'h2',
      // Embeds are sandboxed and titled whatever the editor wrote; other hosts lose their src and are dropped below.
      iframe: (tagName, { src: written, ...attribs }) => {
        const src = written && keptEmbedUrl(written);
        return { tagName, attribs: { ...(src && { src }), ...attribs, sandbox: EMBED_SANDBOX, title: attribs.title?.trim() || DEFAULT_EMBED_TITLE } };
      },
      a: (tagName, attribs) => ({
        tagName,
        attribs: attribs.href && isExternalUrl(attribs.href, siteOrigin) ? { ...attribs, rel: externalRel(attribs.rel).join(' ') } : attribs,
      }),
    },
  };
}

const LEADING_END_TAG = /^\s*<\/([a-z][a-z\d-]*)\s*>/i;

/**
 * Sanitises one raw-HTML node. Sätteri hands HTML over as it appears in the Markdown: inline HTML tag by tag
 * (`<a href="…">`, text, `</a>`), block HTML a block at a time, often with a `<div>` opened in one block and
 * closed in another. sanitize-html balances every fragment it is given, which would close the `<a>` before its
 * text and drop the lone `</a>`; so the end tags sanitize-html adds for elements still open at the end of a
 * fragment are taken off again and those elements are pushed onto `open`, the document's stack of elements raw
 * HTML has left open. An end tag opening a later fragment is kept only when it closes one of them (closing any
 * opened inside it too): every other end tag would close the page's own containers, and is dropped.
 * `claimId`, when given, decides each kept element's id (see `createIdClaimer`); `resolveId`, when given, where each
 * id an ARIA reference (or a cell's `headers`) names leads, or undefined to drop it (see `createIdReferences`),
 * except an id an element of the same fragment gives: pasted HTML names its own parts (a chart's figure its caption),
 * so the reference leads to that element as it was claimed, even when the body gave the id before (a heading, a
 * first copy of the same embed) and this one was renumbered.
 */
export function createRawHtmlSanitizer(
  site: string,
): (html: string, open?: string[], claimId?: (id: string) => string, resolveId?: (id: string) => string | undefined) => string {
  const siteOrigin = originOf(site);
  const root = rootOf(site);
  const options = sanitizerOptions(siteOrigin);
  const allowedTags = new Set(options.allowedTags || []);
  return (html, open = [], claimId, resolveId) => {
    let rest = html;
    let kept = '';
    for (let end = LEADING_END_TAG.exec(rest); end; end = LEADING_END_TAG.exec(rest)) {
      const name = end[1]!.toLowerCase();
      const at = open.lastIndexOf(name);
      if (at !== -1) kept += `${end[0].slice(0, end[0].indexOf('<'))}${closingTags(open.splice(at))}`;
      rest = rest.slice(end[0].length);
    }
    if (!rest.includes('<') && !rest.includes('&')) return kept + rest;

    // Elements htmlparser2 closes only because the fragment ended, innermost first.
    let trailing: string[] = [];
    // The ids this fragment's elements were given, by the id written (the first element with it), and each reference
    // met, written as a token until the whole fragment is claimed: its target may come after it (a figure's caption).
    const ownIds = new Map<string, string>();
    const references: Array<{ id: string; elsewhere: string | undefined }> = [];
    const referenceToken = (id: string) => `${TOKEN_START}${references.push({ id, elsewhere: resolveId!(id) }) - 1}${TOKEN_END}`;
    // The attribute with each token read as the id it leads to, or nothing when none leads anywhere.
    const referencesRead = (name: string, tokens: string) => {
      const ids = tokens.split(' ').map((token) => {
        const reference = references[Number(token.slice(TOKEN_START.length, -TOKEN_END.length))]!;
        return ownIds.get(reference.id) ?? reference.elsewhere;
      });
      const kept = [...new Set(ids.filter((id) => id !== undefined))];
      return kept.length ? ` ${name}="${kept.map(escapeAttribute).join(' ')}"` : '';
    };
    const clean = sanitizeHtml(rest, {
      ...options,
      transformTags: {
        ...options.transformTags,
        '*': (tagName, attribs) => {
          const rebased = rebaseUrls(attribs, root);
          // Elements the sanitiser drops claim nothing, so they cannot push a later heading's anchor along.
          let claimed = rebased;
          if (claimId && rebased.id && allowedTags.has(tagName)) {
            claimed = { ...rebased, id: claimId(rebased.id) };
            if (!ownIds.has(rebased.id)) ownIds.set(rebased.id, claimed.id!);
          }
          // Claimed first: an element may name itself (aria-labelledby="button-id label-id").
          return { tagName, attribs: resolveId ? withReferencesResolved(claimed, referenceToken) : claimed };
        },
      },
      onOpenTag: () => {
        trailing = [];
      },
      onCloseTag: (name, isImplied) => {
        trailing = isImplied ? [...trailing, name] : [];
      },
    });
    let result = references.length ? clean.replace(TOKENS_IN_ATTRIBUTE, (_whole, name: string, value: string) => referencesRead(name, value)) : clean;
    // The outermost element's end tag comes last in the output.
    for (const name of trailing.reverse()) {
      const renamed = options.transformTags?.[name];
      const tagName = typeof renamed === 'string' ? renamed : name;
      const close = `</${tagName}>`;
      if (!result.endsWith(close)) continue;
      result = result.slice(0, -close.length);
      open.push(tagName);
    }
    return kept + result;
  };
}

/**
 * Nodes by their parent and their place in it: a node read twice from the tree is two objects, its parent one.
 */
type NodesAt = Map<Readonly<HastParents>, Set<number>>;

function noteAt(nodes: NodesAt, parent: Readonly<HastParents> | undefined, index: number | undefined): void {
  if (!parent || index === undefined) return;
  const places = nodes.get(parent) ?? new Set<number>();
  places.add(index);
  nodes.set(parent, places);
}

/**
 * The sanitiser drops a script's or style's contents only when it sees them, in one block of HTML. Written inside a
 * paragraph, `<script>` and `</script>` reach the plugin as separate nodes with the code between them as the
 * paragraph's own text, which would be shown to readers: what lies between the two in one paragraph is removed, and
 * noted in `dropped`, the two tags with it (they sanitise to nothing).
 */
function removeInlineNonText(node: Readonly<Extract<HastNode, { type: 'raw' }>>, ctx: HastVisitorContext, dropped: NodesAt): void {
  const name = NON_TEXT_START_TAG.exec(node.value)?.[1]!.toLowerCase();
  const parent = name && ctx.parent(node);
  const at = ctx.indexOf(node);
  if (!parent || at === undefined) return;
  const after = parent.children.slice(at + 1);
  const end = after.findIndex((sibling) => sibling.type === 'raw' && new RegExp(`^</${name}\\s*>$`, 'i').test(sibling.value));
  if (end === -1) return;
  for (const sibling of after.slice(0, end)) ctx.removeNode(sibling);
  for (let index = at; index <= at + end + 1; index++) noteAt(dropped, parent, index);
}

/** Elements that dropped HTML may leave holding nothing, each in turn: a list item's paragraph, the item, its list. */
const EMPTIABLE = new Set(['p', 'li', 'blockquote', 'ul', 'ol']);

/**
 * The elements left holding nothing but white space once the `dropped` nodes are gone, outermost only (their
 * contents go with them): a paragraph, list item or quotation that held only a `<noscript>`, `<template>` or
 * `<script>` (`> <noscript>…</noscript>`, `- <template>…</template>`), and a list or quotation all of whose items or
 * paragraphs went so. Each would stand empty on the page, a bullet with nothing beside it. One the editor left empty
 * (`- ` alone) held nothing dropped, and stays.
 */
function emptiedBy(dropped: NodesAt, ctx: HastVisitorContext): Array<Readonly<HastParents>> {
  const gone: NodesAt = new Map([...dropped].map(([parent, places]) => [parent, new Set(places)]));
  const emptied = new Set<Readonly<HastParents>>();
  let candidates = new Set(dropped.keys());
  while (candidates.size) {
    const next = new Set<Readonly<HastParents>>();
    for (const parent of candidates) {
      if (parent.type !== 'element' || !EMPTIABLE.has(parent.tagName) || emptied.has(parent)) continue;
      const places = gone.get(parent);
      if (!parent.children.every((child, index) => places?.has(index) || (child.type === 'text' && !child.value.trim()))) continue;
      emptied.add(parent);
      const outer = ctx.parent(parent);
      noteAt(gone, outer, ctx.indexOf(parent));
      if (outer) next.add(outer);
    }
    candidates = next;
  }
  return [...emptied].filter((element) => !emptied.has(ctx.parent(element)!));
}

/** End tags for elements still open, innermost first (`open` lists them outermost first). */
function closingTags(open: readonly string[]): string {
  return [...open].reverse().map((name) => `</${name}>`).join('');
}

function originOf(site: string): string {
  try {
    return new URL(site).origin;
  } catch {
    return 'http://localhost';
  }
}

/** The site's base path, "/" or e.g. "/desk/". */
function rootOf(site: string): string {
  try {
    return new URL(site).pathname.replace(/\/?$/, '/');
  } catch {
    return '/';
  }
}

/**
 * Hands out one document's ids: an id the page or the body has already taken gets the first free suffix (`-1`,
 * `-2`…), the way GitHub numbers repeated headings, so every fragment link and aria reference has one target.
 */
export function createIdClaimer(taken: Iterable<string>): (id: string) => string {
  const used = new Set(taken);
  return (id) => {
    let unique = id;
    for (let suffix = 1; used.has(unique); suffix++) unique = `${id}-${suffix}`;
    used.add(unique);
    return unique;
  };
}

/**
 * A reference as it stands in the sanitiser's output until its fragment's ids are claimed: private-use characters,
 * which it writes unescaped, around the reference's number.
 */
const TOKEN_START = '\uE000';
const TOKEN_END = '\uE001';
/** An id-reference attribute in the sanitiser's output holding tokens alone. */
const TOKENS_IN_ATTRIBUTE = /\s((?:aria-[a-z]+|headers))="(\uE000\d+\uE001(?: \uE000\d+\uE001)*)"/g;

/** An id as the sanitiser writes an attribute's value. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Attributes whose value is one id of the page, or a list of them. */
const ID_REFERENCE_ATTRIBUTES = [
  'aria-labelledby',
  'aria-describedby',
  'aria-owns',
  'aria-controls',
  'aria-flowto',
  'aria-details',
  'aria-errormessage',
  'aria-activedescendant',
  'headers',
];

/** `attribs` with each id reference led where `resolveId` says, and an attribute left naming nothing removed. */
function withReferencesResolved(attribs: sanitizeHtml.Attributes, resolveId: (id: string) => string | undefined): sanitizeHtml.Attributes {
  let result = attribs;
  for (const name of ID_REFERENCE_ATTRIBUTES) {
    const value = attribs[name];
    if (value === undefined) continue;
    const ids = [...new Set(value.split(/\s+/).filter(Boolean).map(resolveId).filter((id) => id !== undefined))];
    const { [name]: _removed, ...rest } = result;
    result = ids.length ? { ...rest, [name]: ids.join(' ') } : rest;
  }
  return result;
}

/** Whether a body may hold an id reference: a cheap test before its ids are looked for. */
const MAY_REFERENCE_IDS = /\s(?:aria-[a-z]+|headers)\s*=/i;
/** An `id` attribute in raw HTML, as the source spells it. */
const ID_ATTRIBUTE = /<[a-z][^>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
/** An ATX heading's text (`## What changed ##`). */
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;

/**
 * Where raw HTML's id references lead once the body's ids are claimed. Pasted from another site, they often name
 * ids the article lacks, or ones its page has for its own parts (`main`): a screen reader would then read the page's
 * main region as a figure's label, or nothing. A reference to an id the body has given leads to what that id was
 * claimed as (its first element, as a browser finds it); one to an id the body gives further on (`laterIds`, read
 * from its source: raw-HTML ids and heading anchors) is kept; any other, the page's own ids among them, is dropped.
 */
export function createIdReferences(pageIds: Iterable<string>, laterIds: Iterable<string>): { record(id: string, claimed: string): void; resolve(id: string): string | undefined } {
  const page = new Set(pageIds);
  const later = new Set(laterIds);
  const claimed = new Map<string, string>();
  return {
    record(id, claimedAs) {
      if (!claimed.has(id)) claimed.set(id, claimedAs);
    },
    resolve(id) {
      return claimed.get(id) ?? (later.has(id) && !page.has(id) ? id : undefined);
    },
  };
}

/** The ids a body's source gives in raw HTML and as heading anchors, for references to ids further on. */
function idsInSource(source: string): string[] {
  const ids = [...source.matchAll(ID_ATTRIBUTE)].map((match) => match[1] ?? match[2] ?? match[3]!);
  for (const heading of source.matchAll(ATX_HEADING)) ids.push(slug(heading[1]!) || 'section');
  return ids;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * The ids Sätteri gives a document's GFM footnotes: those in its footnote section (the section's label, each note)
 * and those of the references, which the notes' back-links name.
 */
function footnoteIds(root: Root): string[] {
  const section = root.children.findLast((node) => node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined);
  const ids: string[] = [];
  const collect = (node: ElementContent) => {
    if (node.type !== 'element') return;
    const { id, href, dataFootnoteBackref } = node.properties;
    if (typeof id === 'string') ids.push(id);
    if (dataFootnoteBackref !== undefined && typeof href === 'string' && href.startsWith('#')) ids.push(href.slice(1));
    node.children.forEach(collect);
  };
  if (section?.type === 'element') collect(section);
  return ids;
}

/** The plugin for `satteri({ hastPlugins })`, used for .md and for .mdx (its Markdown, and its JSX elements' URLs). */
export function createMarkdownSafetyPlugin(options: MarkdownSafetyOptions): HastPluginEntry {
  const siteOrigin = originOf(options.site);
  const root = rootOf(options.site);
  const sanitize = createRawHtmlSanitizer(options.site);
  // Sätteri calls this once per document: the state below is that document's own.
  return ({ source, data }: PluginFactoryContext) => {
    const lang = documentLanguage(data) ?? options.language;
    const { rightToLeft } = writingOf(lang);
    const textRewrites = proseRewrites(source, lang);
    // A picture's description and a table's name read as the body around them does.
    const asRead = (text: string) => readAlone(textRewrites, text);
    const tables = options.tableRegions?.(lang, asRead);
    const proseText = textRewrites.length ? proseTextVisitors(textRewrites) : undefined;
    // The elements its raw HTML has left open, outermost first.
    const open: string[] = [];
    // Raw HTML inside a paragraph (or a heading, a list item, a cell, Markdown's emphasis) that it leaves open ends
    // with that element: a browser would carry an unclosed <b>, <em> or <a> on into every paragraph after it, to the
    // end of the article. Each element raw HTML was met in, innermost last, with how much of `open` was there before.
    const within: Array<{ element: Readonly<HastNode>; depth: number }> = [];
    const closeWithin = (ctx: HastVisitorContext, keep: number) => {
      for (const { element, depth } of within.splice(keep).reverse()) {
        if (open.length > depth) ctx.appendChild(element, { type: 'raw', value: closingTags(open.splice(depth)) });
      }
    };
    let claimIdOnce = createIdClaimer(options.pageIds);
    let references: ReturnType<typeof createIdReferences> | undefined;
    const claimId = (id: string) => {
      const claimed = claimIdOnce(id);
      references?.record(id, claimed);
      return claimed;
    };
    const resolveId = (id: string) => references?.resolve(id);
    // Raw HTML that leaves nothing on the page for being no article text (a <noscript>, a <script>), with what it held.
    const dropped: NodesAt = new Map();
    const visitJsxElement = (node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>, ctx: HastVisitorContext) => {
      rebaseJsxUrls(node, ctx, root);
      if (!tables || !node.name) return;
      if (HEADINGS.includes(node.name)) tables.heading(ctx.textContent(node));
      else if (node.name === 'table') tables.jsxTable(node, ctx);
    };
    return {
      name: 'newsdesk-markdown-safety',
      // Where each text and code element starts and ends tells a text in code from one outside it.
      ...(proseText ? { options: { position: true } } : {}),
      before(root, ctx) {
        // Footnote ids are the targets of Sätteri's own links, which would not follow a renumbered id: they are taken
        // before the body's first heading, which gives way instead. Only a document with footnote syntax reads its tree.
        const footnotes = ctx.source.includes('[^') ? footnoteIds(root) : [];
        if (footnotes.length) claimIdOnce = createIdClaimer([...options.pageIds, ...footnotes]);
        if (MAY_REFERENCE_IDS.test(ctx.source)) references = createIdReferences(options.pageIds, [...idsInSource(ctx.source), ...footnotes]);
      },
      raw(node, ctx) {
        const ancestors: Readonly<HastNode>[] = [];
        for (let parent = ctx.parent(node); parent?.type === 'element'; parent = ctx.parent(parent)) ancestors.push(parent);
        // The elements left since the last raw HTML are closed at their ends; one newly entered starts its own count.
        const kept = within.findIndex(({ element }) => !ancestors.includes(element));
        if (kept !== -1) closeWithin(ctx, kept);
        if (ancestors[0] && within.at(-1)?.element !== ancestors[0]) within.push({ element: ancestors[0], depth: open.length });
        removeInlineNonText(node, ctx, dropped);
        const sanitized = sanitize(node.value, open, claimId, references && resolveId);
        const clean = tables ? tables.rawHtml(sanitized) : sanitized;
        // A block of HTML that was such an element alone (a <script> in a list item) is gone as well.
        if (!clean.trim() && NON_TEXT_BLOCK.test(node.value)) noteAt(dropped, ctx.parent(node), ctx.indexOf(node));
        return clean === node.value ? undefined : { type: 'raw', value: clean };
      },
      after(root, ctx) {
        for (const element of emptiedBy(dropped, ctx)) ctx.removeNode(element);
        if (rightToLeft) setRightToLeftBlocks(root, ctx);
        closeWithin(ctx, 0);
        // Whatever raw HTML opened is closed before the article ends, so nothing it started spills onto the page.
        if (open.length) ctx.appendChild(root, { type: 'raw', value: closingTags(open) });
      },
      element: [
        {
          // Astro's heading-id plugin runs after this one and keeps an id it finds: the anchor is made here, from
          // the heading's text as Astro would (github-slugger), then claimed like every other id in the body.
          filter: HEADINGS,
          visit(node, ctx) {
            const text = ctx.textContent(node);
            tables?.heading(text);
            // Sätteri's own heading id (the footnotes' label) was taken before any other.
            if (typeof node.properties?.id === 'string') return;
            // A heading of symbols or emoji alone (`## 🚀`) slugs to nothing, and an id may not be empty.
            const id = claimId(slug(text) || 'section');
            // The headline is the page's one h1: a body's `#` is a section heading, as a raw-HTML <h1> is.
            if (node.tagName === 'h1') return { ...node, tagName: 'h2', properties: { ...node.properties, id } };
            ctx.setProperty(node, 'id', id);
          },
        },
        {
          filter: ['a'],
          visit(node, ctx) {
            const href = node.properties?.href;
            if (typeof href !== 'string') return;
            const rebased = underBase(href, root);
            if (!isSafeUrl(href)) ctx.setProperty(node, 'href', null);
            else if (isExternalUrl(href, siteOrigin)) ctx.setProperty(node, 'rel', externalRel(node.properties?.rel));
            else if (rebased !== href) ctx.setProperty(node, 'href', rebased);
          },
        },
        {
          filter: ['img'],
          visit(node, ctx) {
            const { src, alt } = node.properties ?? {};
            if (typeof alt === 'string' && asRead(alt) !== alt) ctx.setProperty(node, 'alt', asRead(alt));
            if (typeof src !== 'string') return;
            const rebased = underBase(src, root);
            if (!isSafeUrl(src)) ctx.setProperty(node, 'src', null);
            else if (rebased !== src) ctx.setProperty(node, 'src', rebased);
          },
        },
        { filter: ['input'], visit: labelTaskCheckbox },
        ...(tables ? [{ filter: ['table'], visit: (node: Readonly<Element>, ctx: HastVisitorContext) => tables.markdownTable(node, ctx) }] : []),
        ...(proseText ? [proseText.element] : []),
      ],
      ...(proseText ? { text: proseText.text } : {}),
      mdxJsxFlowElement: { filter: [], visit: visitJsxElement },
      mdxJsxTextElement: { filter: [], visit: visitJsxElement },
    };
  };
}
