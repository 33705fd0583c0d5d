/**
 * Tables in article bodies, each in a region of its own that scrolls sideways: a table wider than a phone's screen
 * scrolls there rather than pushing the page, and keeps its table semantics (a table made `display: block` to scroll
 * loses them in some screen readers). The region is focusable so that keyboard users can scroll it, and named so
 * that screen readers announce what it holds. Only the body's Markdown tables cross into JavaScript for it; raw HTML
 * is wrapped in the pass that cleans it.
 */
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/** The region's class: raw HTML loses its class names, so no body can dress its own elements as one. */
const REGION_OPEN = '<div class="table-scroll" role="region" tabindex="0" aria-label="Table">';
const REGION_CLOSE = '</div>';
/** A table's start or end tag, in HTML the safety plugin has written (attribute values and text escaped). */
const TABLE_TAG = /<(\/?)table(?=[\s>])/gi;

/**
 * Raw HTML with each outermost table in a region. A block that opens a table without closing it, or closes one
 * opened before it, is left as it is: its table scrolls by itself (src/styles/global.css).
 */
export function withTableRegions(html: string): string {
  if (!/<table/i.test(html)) return html;
  let depth = 0;
  let wrapped = '';
  let from = 0;
  for (const tag of html.matchAll(TABLE_TAG)) {
    const closing = tag[1] === '/';
    if (closing && depth === 0) return html;
    if (!closing && depth === 0) {
      wrapped += html.slice(from, tag.index) + REGION_OPEN;
      from = tag.index;
    }
    depth += closing ? -1 : 1;
    if (closing && depth === 0) {
      const end = html.indexOf('>', tag.index) + 1;
      wrapped += html.slice(from, end) + REGION_CLOSE;
      from = end;
    }
  }
  return depth === 0 ? wrapped + html.slice(from) : html;
}

/**
 * The plugin for `satteri({ hastPlugins })`: wraps each Markdown table. Raw HTML's tables are wrapped by
 * `withTableRegions` as the safety plugin's last step, once the HTML is clean.
 */
export function createScrollingTablesPlugin(): HastPluginEntry {
  return () => ({
    name: 'newsdesk-scrolling-tables',
    element: {
      filter: ['table'],
      visit(node, ctx) {
        ctx.wrapNode(node, { raw: `${REGION_OPEN}${REGION_CLOSE}` });
      },
    },
  });
}
