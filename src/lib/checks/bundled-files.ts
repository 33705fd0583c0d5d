/**
 * Files an article brings along: Astro publishes every local image it references byte for byte, and an SVG opened
 * directly runs its scripts with the site's origin. An SVG is inert when it is well-formed XML with no processing
 * instructions, entity declarations, scripts, handlers, embedded documents, animations or unsafe links, judged by
 * DOMPurify's SVG profile over the document as the browser's XML parser reads it. Anything else is not an image.
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

/** What Astro's image pipeline takes; `.html`, `.xml` and the like are documents, never images. */
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'tif', 'tiff', 'svg'] as const;

export function isImagePath(path: string): boolean {
  const extension = /\.([a-z\d]+)(?:[?#].*)?$/i.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

export function isSvgPath(path: string): boolean {
  return /\.svg(?:[?#].*)?$/i.test(path);
}

/** Elements DOMPurify removes that can run code or load a document; others it drops (editor metadata) are harmless. */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'frame', 'embed', 'object', 'animate', 'set', 'animatemotion', 'animatetransform', 'handler', 'listener', 'use', 'a']);
/** Attributes DOMPurify removes because they run code (`on…`) or point somewhere unsafe. */
const ACTIVE_ATTRIBUTE = /^(?:on.*|(?:xlink:)?href|src|action|formaction|style)$/i;

/**
 * What in an SVG could run code when the file is opened on its own, one short description each (`<script>`,
 * `onload attribute on <svg>`); empty when the file is inert.
 */
export function svgActiveContent(svg: string): string[] {
  if (/<!DOCTYPE[^>]*\[/i.test(svg) || /<!ENTITY/i.test(svg)) return ['an entity declaration (<!DOCTYPE … [ <!ENTITY …>])'];
  let dom: JSDOM;
  try {
    dom = new JSDOM(svg, { contentType: 'image/svg+xml' });
  } catch (error) {
    return [`XML a browser cannot read (${(error as Error).message.split('\n')[0]})`];
  }
  const { document } = dom.window;
  const found: string[] = [];
  for (const node of document.childNodes) {
    if (node.nodeType === dom.window.Node.PROCESSING_INSTRUCTION_NODE) found.push(`a <?${(node as ProcessingInstruction).target} …?> instruction`);
  }
  const root = document.documentElement;
  if (!root || root.localName !== 'svg') return [...found, `a <${root?.localName ?? 'missing'}> document instead of <svg>`];
  const purify = createDOMPurify(dom.window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.sanitize(root, { USE_PROFILES: { svg: true, svgFilters: true }, IN_PLACE: true });
  for (const removed of purify.removed as Array<{ element?: Element; attribute?: Attr | null; from?: Element }>) {
    if (removed.element) {
      const name = removed.element.localName?.toLowerCase() ?? '';
      if (ACTIVE_ELEMENTS.has(name)) found.push(`<${removed.element.localName}>`);
    } else if (removed.attribute && ACTIVE_ATTRIBUTE.test(removed.attribute.name)) {
      found.push(`${removed.attribute.name} attribute on <${removed.from?.localName ?? '?'}>`);
    }
  }
  dom.window.close();
  return [...new Set(found)];
}
