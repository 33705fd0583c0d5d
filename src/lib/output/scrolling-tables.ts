/**
 * Tables in article bodies, each in a region of its own that scrolls sideways: a table wider than a phone's screen
 * scrolls there rather than pushing the page, and keeps its table semantics (a table made `display: block` to scroll
 * loses them in some screen readers). The region is focusable so that keyboard users can scroll it, and named so
 * that screen readers announce what it holds. Only the body's Markdown tables cross into JavaScript; a table in raw
 * HTML, which may open in one block and close in another, scrolls by itself as before (src/styles/global.css).
 */
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';

type HastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];

/** The wrapper's class: raw HTML loses its class names, so no body can style its own elements as one. */
const TABLE_SCROLL_CLASS = 'table-scroll';
/** Markdown tables have no caption to name their region by. */
const REGION = `<div class="${TABLE_SCROLL_CLASS}" role="region" tabindex="0" aria-label="Table"></div>`;

/** The plugin for `satteri({ hastPlugins })`. */
export function createScrollingTablesPlugin(): HastPluginEntry {
  return () => ({
    name: 'newsdesk-scrolling-tables',
    element: {
      filter: ['table'],
      visit(node, ctx) {
        ctx.wrapNode(node, { raw: REGION });
      },
    },
  });
}
