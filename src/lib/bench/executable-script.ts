/** Whether a built page makes the browser run JavaScript: the site promises article pages that do not. */

/** A <script> the browser runs (JSON-LD and other data blocks do not count), or a module preload. */
export function hasExecutableScript(html: string): boolean {
  if (/<link\b[^>]*rel="modulepreload"/i.test(html)) return true;
  for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/gi)) {
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes!)?.[1]?.toLowerCase();
    if (type === undefined || type === 'module' || type.endsWith('javascript') || type.endsWith('ecmascript')) return true;
  }
  return false;
}
