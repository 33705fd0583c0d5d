/** Whether a downloaded document is a web page rather than the feed or feed list asked for. */

const MAX_HTML_SNIFF = 1024;

/**
 * True when the document (leading whitespace and byte order mark removed) opens as an HTML page: its doctype or
 * <html> tag, after any XML declaration (XHTML) and comments.
 */
export function isHtmlPage(document: string): boolean {
  const head = document.slice(0, MAX_HTML_SNIFF).toLowerCase();
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/.test(head);
}
