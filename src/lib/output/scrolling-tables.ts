/**
 * Tables in article bodies, each in a region of its own that scrolls sideways: a table wider than a phone's screen
 * scrolls there rather than pushing the page, and keeps its table semantics (a table made `display: block` to scroll
 * loses them in some screen readers). The region is focusable so that keyboard users can scroll it, and named so
 * that screen readers announce what it holds: the table's caption, else the heading it sits under, else the word for
 * "table" in the article's language (numbered from the second region of a body with the same name: "Prices (2)").
 * Markdown tables, raw HTML's and the ones an MDX body writes as JSX are wrapped alike, in the safety plugin's pass
 * (src/lib/output/markdown-safety.ts), which hands each of them and each heading to JavaScript once, in document order.
 */
import { decodeHTML, escapeAttribute } from 'entities';
import type { Element, Parents } from 'hast';
import type { HastVisitorContext, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';
import { primaryLanguage } from '../content/language.ts';

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

/**
 * A table's name when it has no caption and no heading before it, by language: the region is inside the article's
 * body, marked with the article's language, so a screen reader speaks its name in that language's voice. The
 * languages are those the site already handles elsewhere: those search stems (src/lib/search/stemmer.ts), those it
 * splits into words (src/lib/search/search-language.ts) and the scripts the social cards have fonts for.
 */
const TABLE_WORDS: Readonly<Record<string, string>> = {
  ar: 'جدول',
  ca: 'Taula',
  da: 'Tabel',
  de: 'Tabelle',
  en: 'Table',
  es: 'Tabla',
  eu: 'Taula',
  fi: 'Taulukko',
  fr: 'Tableau',
  ga: 'Tábla',
  he: 'טבלה',
  hi: 'तालिका',
  hu: 'Táblázat',
  hy: 'Աղյուսակ',
  it: 'Tabella',
  ja: '表',
  ko: '표',
  nb: 'Tabell',
  nl: 'Tabel',
  nn: 'Tabell',
  no: 'Tabell',
  pt: 'Tabela',
  ro: 'Tabel',
  ru: 'Таблица',
  sv: 'Tabell',
  ta: 'அட்டவணை',
  th: 'ตาราง',
  tr: 'Tablo',
  zh: '表格',
};

/**
 * The word for a table in `lang` (a BCP 47 tag: `de-CH` reads as `de`), or in English, the site's own language, for
 * a body with no language of its own or one the list above lacks.
 */
function tableWord(lang: string | undefined): string {
  const language = lang === undefined ? undefined : primaryLanguage(lang);
  return (language !== undefined && TABLE_WORDS[language]) || TABLE_WORDS.en!;
}
/** A table's start or end tag, a heading, or a caption, in HTML the safety plugin has written (attributes and text escaped). */
const TABLE_TAG_HEADING_OR_CAPTION = /<(\/?)table(?=[\s>])|<(h[1-6])(?=[\s>])[^>]*>([\s\S]*?)<\/\2>|<caption(?=[\s>])[^>]*>([\s\S]*?)<\/caption>/gi;

/** Text as a name reads it: each run of spaces and line breaks one space, none at the ends. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text written as HTML, as a screen reader reads it: tags dropped, entities decoded, spaces collapsed. */
function textOfHtml(html: string): string {
  return squash(decodeHTML(html.replace(/<[^>]*>/g, '')));
}

/** The region's start tag. Its class: raw HTML loses its class names, so no body can dress its own elements as one. */
function regionOpen(name: string): string {
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeAttribute(name)}">`;
}
const REGION_CLOSE = '</div>';

/** The text of a JSX table's own `<caption>`, if it has one. */
function jsxCaption(table: Readonly<JsxElement>, ctx: HastVisitorContext): string {
  const caption = table.children.find((child) => (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name === 'caption');
  return caption ? squash(ctx.textContent(caption)) : '';
}

/** Whether a JSX element sits inside a JSX table (a table in another's cell scrolls with it). */
function insideJsxTable(node: Readonly<JsxElement>, ctx: HastVisitorContext): boolean {
  for (let parent: Readonly<Parents> | undefined = ctx.parent(node); parent && parent.type !== 'root'; parent = ctx.parent(parent)) {
    if ((parent.type === 'mdxJsxFlowElement' || parent.type === 'mdxJsxTextElement') && parent.name === 'table') return true;
  }
  return false;
}

/** One body's tables, told its headings and tables in document order. */
export interface TableRegions {
  /** A heading the body gives (Markdown's or JSX's), by its text. */
  heading(text: string): void;
  /**
   * Clean raw HTML with each outermost table in a region; the headings in it count for the tables after it. A block
   * that opens a table without closing it, or closes one opened before it, is left as it is: its table scrolls by
   * itself (src/styles/global.css).
   */
  rawHtml(html: string): string;
  /** Wraps a Markdown table (Markdown gives tables no caption). */
  markdownTable(node: Readonly<Element>, ctx: HastVisitorContext): void;
  /** Wraps a table an MDX body writes as JSX (on lines of its own or inside a line), unless it is inside another. */
  jsxTable(node: Readonly<JsxElement>, ctx: HastVisitorContext): void;
}

/**
 * `lang`: the body's language (its front matter's `lang`, else the site's); `readAlone`, how a text of the body read
 * apart from it reads on the page (its quotation marks the language's), for the names taken from captions and headings.
 */
export function createTableRegions(lang?: string, readAlone: (text: string) => string = (text) => text): TableRegions {
  const unnamedTable = tableWord(lang);
  let lastHeading = '';
  const heading = (text: string) => {
    // A heading with no text (a picture alone) names nothing: the one before it still does.
    if (squash(text)) lastHeading = squash(text);
  };
  // How many regions of the body have each name so far: a region is a landmark, and screen readers list landmarks
  // by name, so two tables under one heading (or with one caption) are told apart by a number.
  const named = new Map<string, number>();
  const nameOf = (caption: string, headingBefore = lastHeading) => {
    const name = readAlone(caption || headingBefore) || unnamedTable;
    const count = (named.get(name) ?? 0) + 1;
    named.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  };
  return {
    heading,
    rawHtml(html) {
      if (!/<(table|h[1-6])/i.test(html)) return html;
      let depth = 0;
      let balanced = true;
      // Each outermost table: where it starts and ends, its caption's text and the heading it sits under.
      const tables: Array<{ start: number; end: number; caption: string; headingBefore: string }> = [];
      let open = { start: 0, caption: '', headingBefore: '' };
      for (const tag of html.matchAll(TABLE_TAG_HEADING_OR_CAPTION)) {
        const [, slash, headingTag, headingHtml, captionHtml] = tag;
        if (headingTag !== undefined) {
          if (depth === 0) heading(textOfHtml(headingHtml!));
        } else if (captionHtml !== undefined) {
          // The outermost table's own caption (a browser takes the first), not one of a table in its cells.
          if (depth === 1 && !open.caption) open.caption = textOfHtml(captionHtml);
        } else if (slash !== '/') {
          if (depth++ === 0) open = { start: tag.index, caption: '', headingBefore: lastHeading };
        } else if (depth === 0) {
          balanced = false;
        } else if (--depth === 0) {
          tables.push({ ...open, end: html.indexOf('>', tag.index) + 1 });
        }
      }
      // Named only once the block is known to be wrapped, so that the numbers count the regions a reader meets.
      if (!balanced || depth !== 0) return html;
      let wrapped = '';
      let from = 0;
      for (const { start, end, caption, headingBefore } of tables) {
        wrapped += html.slice(from, start) + regionOpen(nameOf(caption, headingBefore)) + html.slice(start, end) + REGION_CLOSE;
        from = end;
      }
      return wrapped + html.slice(from);
    },
    markdownTable(node, ctx) {
      ctx.wrapNode(node, { raw: regionOpen(nameOf('')) + REGION_CLOSE });
    },
    jsxTable(node, ctx) {
      if (insideJsxTable(node, ctx)) return;
      ctx.wrapNode(node, { raw: regionOpen(nameOf(jsxCaption(node, ctx))) + REGION_CLOSE });
    },
  };
}
