/** Markdown with what is shown as written, not rendered, blanked out: for looking at what a page renders. */
import { replaceFencedCode } from '../text/code-fences.ts';

/** Spaces for `text`, keeping its line breaks. */
export const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * Code is shown, not rendered, and an HTML comment (a picture or heading an editor has put aside) is neither: blank
 * both out (keeping line breaks and offsets, so line numbers hold) before looking for pictures and headings.
 */
export function withoutCode(body: string): string {
  return replaceFencedCode(body, blank).replace(/`[^`\n]+`/g, blank).replace(/<!--[\s\S]*?-->/g, blank);
}
