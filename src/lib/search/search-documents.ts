/**
 * What the search index holds for each published article, built from the article sources rather than the built
 * pages so that Pagefind can index on the second core while Astro renders (src/cli/build.ts). Each document
 * carries the headline and date as metadata (matched and shown, never part of the excerpt), its language when it is
 * not the site's as metadata no query matches (for the result's `lang`), its outlet as a filter
 * (for the search page's outlet menu) and, when the article page credits it, as metadata (matched, and shown beside
 * the result's date: a search for an outlet's name finds its articles), its story as metadata no query matches (shown:
 * ./unsearchable-meta.ts), its instant of publication as the sort key and its index as a filter (for "Newest
 * first": ./newest-first.ts), the words of the symbol-bearing terms it mentions as metadata too (matched, never
 * shown: ./symbol-terms.ts), in an index the site's stemmer does not make the stems its words have in the site's
 * language (matched, never shown: ./query-stems.ts), and the byline, dek, body and tags as the searchable text: the
 * words a reader sees on the article page, written so that excerpts of them read as that text (./excerpt-text.ts).
 * Nothing here is served to readers.
 */
import type { Element, ElementContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast, type Features, type HastNode } from 'satteri';
import { stringifyEntities } from 'stringify-entities';
import { CODE_ELEMENTS, PROSE_BLOCKS, rewriteText, type ProseRewrite } from '../output/prose-text.ts';
import { countWords, wordsIn } from '../site/reading-time.ts';
import { listOfNames } from '../stories/story-listing.ts';
import { fencedCodeTracker } from '../text/code-fences.ts';
import { excerptSafeHtml, excerptSafeText } from './excerpt-text.ts';
import { queryStems } from './query-stems.ts';
import { symbolTermWords } from './symbol-terms.ts';
import { unsearchable } from './unsearchable-meta.ts';

export interface SearchDocument {
  /** The language Pagefind indexes the document in (./search-language.ts). */
  lang: string;
  /**
   * The language whose stemmer Pagefind applies to queries on the search page: the site's. When it is not `lang`,
   * the document carries the stems its words would have in it (./query-stems.ts).
   */
  queryLang?: string;
  /**
   * The article's language when it is not the site's (BCP 47, as its page's `lang`): its result's headline and
   * excerpt are marked with it, as its teasers are, so that screen readers read them in it.
   */
  textLang?: string;
  /**
   * Which way the article's language runs when not the site's way (`rtl` on an English site), or `rtl` for words in a
   * right-to-left site's own language that open with a Latin name: its result's headline and excerpt run so, where
   * the first letter would decide otherwise ("Google …" in a Hebrew headline).
   */
  textDir?: 'ltr' | 'rtl';
  title: string;
  description: string;
  /** Bylines, in display order: searched, so a reader finds a writer's pieces by name. */
  authors?: readonly string[];
  /** Tags as the pages show them (each in its site-wide spelling): searched, so a search for a section finds the pieces filed under it that never name it. */
  tags?: readonly string[];
  /** The date as pages show it, e.g. "Nov 24, 2026". */
  date: string;
  /** The instant of publication, as ISO 8601 in UTC: the search page's "Newest first" order (./newest-first.ts). */
  published: string;
  /** The index it is in, as the filter `index` names it (./part-layout.ts `indexFilter`). */
  index: string;
  /** The outlet it is credited to (src/lib/stories/story-listing.ts `outletName`): the search page narrows results by it. */
  outlet: string;
  /**
   * The outlet, when the article page names it ("Originally reported by …"), and not the site's own reporting:
   * searched, so a reader typing an outlet's name finds its articles.
   */
  creditedOutlet?: string;
  /** The body: Markdown already rendered to HTML (by the site's renderer, see `excerptSafeHtml`), or MDX parsed to HTML elements. */
  body: string | ElementContent[];
  /**
   * The story the article is part of, shown with its result: the story's headline and page; for the story's lead,
   * whose headline is the story's, what else covers it instead ("and 2 more from …", as listings say). Written so
   * that no query finds the article by these words, which are not its own. `lang` and `dir`, the language of the
   * story's headline (its lead's) when it is not the site's, as `textLang` and `textDir` are the article's.
   */
  story?: { title: string; url: string; more?: string; lang?: string; dir?: 'ltr' | 'rtl' };
}

/**
 * One article as an HTML document in Pagefind's vocabulary; every text is escaped as hast-util-to-html escapes it
 * (`escapedText`, `attribute`). The metadata is shown by the result template, which escapes it; the dek and body
 * are shown as Pagefind's excerpt, so their text is made excerpt-safe first. Written as a string, not a tree: the
 * documents' step writes one per article.
 */
export function searchDocumentHtml(document: SearchDocument): string {
  // Raw HTML is the Markdown renderer's own output, which Astro puts on the page as it is.
  const body = typeof document.body === 'string' ? excerptSafeHtml(document.body) : toHtml(document.body.map(excerptSafe), { allowDangerousHtml: true });
  // The text a reader sees, markup left out, for the two kinds of words searched as metadata and never shown: the
  // terms (the excerpt keeps them as written: ./symbol-terms.ts) and the stems (./query-stems.ts).
  const bodyText = typeof document.body === 'string' ? document.body.replace(/<[^>]*>/g, ' ') : document.body.map(textOf).join(' ');
  const words = [document.title, document.description, bodyText, ...(document.tags ?? []), ...(document.authors ?? []), document.creditedOutlet ?? ''].join('\n');
  const terms = symbolTermWords(words);
  const stems = document.queryLang && document.queryLang !== document.lang ? queryStems(words, document.queryLang) : [];
  const { story } = document;
  const storyMeta = story
    ? (story.more === undefined
        ? hiddenMeta('story', unsearchable(story.title)) + hiddenMeta('story_lang', story.lang && unsearchable(story.lang)) + hiddenMeta('story_dir', story.dir && unsearchable(story.dir))
        : hiddenMeta('story_more', unsearchable(story.more))) + hiddenMeta('story_url', unsearchable(story.url))
    : '';
  return (
    `<!doctype html><html${attribute('lang', document.lang)}><head>` +
    // In an attribute rather than Pagefind's inline `key:value` form, which a comma in an outlet's name would split.
    `<meta${attribute('data-pagefind-filter', 'outlet[content]')}${attribute('content', document.outlet)}>` +
    // Metadata, whose words Pagefind searches; a headline's match counts five times a field's, so it ranks first.
    (document.creditedOutlet ? `<meta${attribute('data-pagefind-meta', 'outlet[content]')}${attribute('content', document.creditedOutlet)}>` : '') +
    // Sorted by, and read back to order the results of a part's several language indexes among themselves.
    `<meta${attribute('data-pagefind-sort', 'published[content]')}${attribute('data-pagefind-meta', 'published[content]')}${attribute('content', document.published)}>` +
    `<meta${attribute('data-pagefind-filter', 'index[content]')}${attribute('content', document.index)}>` +
    `</head><body><article${attribute('data-pagefind-body', '')}${attribute('data-pagefind-meta', `date:${document.date}`)}>` +
    `<h1${attribute('data-pagefind-meta', 'title')}${attribute('data-pagefind-ignore', '')}>${escapedText(document.title)}</h1>` +
    storyMeta +
    hiddenMeta('lang', document.textLang && unsearchable(document.textLang)) +
    hiddenMeta('dir', document.textDir && unsearchable(document.textDir)) +
    hiddenMeta('terms', terms.join(' ')) +
    hiddenMeta('stems', stems.join(' ')) +
    // As the page's byline reads, so an excerpt around a writer's name reads as the page does.
    (document.authors?.length ? paragraph(`By ${listOfNames(document.authors)}`) : '') +
    paragraph(document.description) +
    body +
    // Last, where the page lists them, so an excerpt shows them only when nothing else matched.
    (document.tags?.length ? paragraph(listOfNames(document.tags)) : '') +
    '</article></body></html>'
  );
}

/** The characters hast-util-to-html escapes in text, and in a double-quoted attribute value. */
const TEXT_ESCAPED = ['<', '&'];
const ATTRIBUTE_ESCAPED = ['\0', '"', '&', "'", '`'];

function escapedText(text: string): string {
  return stringifyEntities(text, { subset: TEXT_ESCAPED });
}

function attribute(name: string, value: string): string {
  return ` ${name}="${stringifyEntities(value, { subset: ATTRIBUTE_ESCAPED, attribute: true })}"`;
}

/** A paragraph of the searched text, excerpt-safe. */
function paragraph(text: string): string {
  return `<p>${escapedText(excerptSafeText(text))}</p>`;
}

/** A field of the result that no excerpt shows (Pagefind's metadata, ignored as text); none when it has no value. */
function hiddenMeta(name: string, value: string | undefined): string {
  return value ? `<p${attribute('data-pagefind-meta', name)}${attribute('data-pagefind-ignore', '')}>${escapedText(value)}</p>` : '';
}

function excerptSafe(node: ElementContent): ElementContent {
  if (node.type === 'text') return { ...node, value: excerptSafeText(node.value) };
  return node.type === 'element' ? { ...node, children: node.children.map(excerptSafe) } : node;
}

/**
 * An MDX body as HTML elements, for its words (`features` as the site's Markdown processor has them). ESM and
 * `{expressions}` are code, not text, so they go; components keep the text written between their tags. Text a
 * component produces by itself exists only in the built page. `rewrites` mend its text outside code as its page's
 * renderer does, in the same walk (its language's quotation marks: src/lib/output/markdown-safety.ts, `proseRewrites`).
 */
export function mdxSearchContent(body: string, features: Features, rewrites: readonly ProseRewrite[] = []): ElementContent[] {
  const textBearing = (node: HastNode, inCode: boolean): ElementContent[] => {
    switch (node.type) {
      case 'text':
        return [inCode ? (node as ElementContent) : { type: 'text', value: rewriteText(rewrites, (node as Text).value) }];
      case 'element': {
        const { children, ...rest } = node as Element;
        if (PROSE_BLOCKS.has(rest.tagName)) for (const pass of rewrites) pass.startBlock?.();
        const childrenInCode = inCode || CODE_ELEMENTS.has(rest.tagName);
        return [{ ...rest, children: (children as HastNode[]).flatMap((child) => textBearing(child, childrenInCode)) }];
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return (node as HastNode & { children: HastNode[] }).children.flatMap((child) => textBearing(child, inCode));
      default:
        return [];
    }
  };
  return (mdxToHast(body, { features, position: false }) as unknown as { children: HastNode[] }).children.flatMap((node) => textBearing(node, false));
}

/**
 * How much of an article searched by its opening is indexed: its first blocks, whole, until they hold this many
 * words. The headline and dek are always indexed.
 */
export const OPENING_WORDS = 150;

/** The opening of a Markdown body: its blocks from the start, whole, until they hold `words` words (code counts none). */
export function markdownOpening(markdown: string, words: number): string {
  const lines = markdown.split('\n');
  const inCode = fencedCodeTracker();
  let counted = 0;
  let blockStart = 0;
  for (let at = 0; at < lines.length; at++) {
    if (inCode(lines[at]!) || lines[at]!.trim()) continue;
    counted += countWords(lines.slice(blockStart, at).join('\n'));
    if (counted >= words) return lines.slice(0, at).join('\n');
    blockStart = at + 1;
  }
  return markdown;
}

/** The opening of an MDX body's elements: the first ones, whole, until they hold `words` words. */
export function elementsOpening(elements: readonly ElementContent[], words: number): ElementContent[] {
  let counted = 0;
  const opening: ElementContent[] = [];
  for (const element of elements) {
    if (counted >= words) break;
    opening.push(element);
    counted += wordsIn(textOf(element));
  }
  return opening;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join(' ') : '';
}
