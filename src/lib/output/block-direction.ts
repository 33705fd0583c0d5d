/**
 * Blocks of a right-to-left article that open with a word in Latin letters ("OpenAI تفتح مكتبا…"). The page sets each
 * block in the direction of its first letter, so that an English paragraph in an Arabic article reads left to right;
 * a block of Arabic or Hebrew that starts with a brand name would then run left to right too, its words in the wrong
 * order for its reader. Such a block is given `dir="rtl"`: in an article in a right-to-left language, a block with
 * any word in that script is in that language, whatever its first word.
 */
import type { Root, RootContent } from 'hast';
import type { HastVisitorContext } from 'satteri';
import { opensWithForeignWord } from '../text/letter-direction.ts';
import { CODE_ELEMENTS } from './prose-text.ts';

/** The blocks whose direction the page takes from their own letters (src/styles/global.css, `.prose`). */
const BLOCKS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Text that is not the block's own words: code, and a list item's nested lists, which are blocks of their own. */
const NOT_OWN_WORDS = new Set([...CODE_ELEMENTS, 'ul', 'ol']);

/** The words of `node` that decide its direction. */
function ownWords(node: Readonly<Root | RootContent>): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && NOT_OWN_WORDS.has(node.tagName)) return '';
  return 'children' in node ? node.children.map(ownWords).join('') : '';
}

/** Marks `dir="rtl"` on each block of a right-to-left article's body that opens with a word in a left-to-right script. */
export function setRightToLeftBlocks(root: Readonly<Root>, ctx: HastVisitorContext): void {
  const visit = (node: Readonly<Root | RootContent>) => {
    if (node.type === 'element' && BLOCKS.has(node.tagName) && opensWithForeignWord(ownWords(node))) ctx.setProperty(node, 'dir', 'rtl');
    if (node.type === 'root' || (node.type === 'element' && !CODE_ELEMENTS.has(node.tagName))) node.children.forEach(visit);
  };
  visit(root);
}
