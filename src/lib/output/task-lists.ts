/**
 * A Markdown task list's checkboxes (`- [x] done`), named by their items: Sätteri writes each as a bare `<input>`
 * before the item's words, which screen readers announce as an unnamed checkbox. Wrapped with those words in a
 * `<label>`, a checkbox is named by them; a nested list or a later paragraph of the item stays outside the label,
 * which may hold only text and inline elements.
 */
import type { Element, ElementContent } from 'hast';
import type { HastVisitorContext } from 'satteri';

/** The elements that end an item's first line: what follows them is not the checkbox's name. */
const BLOCKS = new Set(['ul', 'ol', 'p', 'div', 'pre', 'blockquote', 'table', 'figure', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Puts a task-list checkbox (the first child of its item, or of the item's first paragraph) and the words after it in a label. */
export function labelTaskCheckbox(node: Readonly<Element>, ctx: HastVisitorContext): void {
  if (node.properties?.type !== 'checkbox' || ctx.indexOf(node) !== 0) return;
  const parent = ctx.parent(node);
  if (parent?.type !== 'element' || (parent.tagName !== 'li' && parent.tagName !== 'p')) return;
  const after = parent.children.slice(1);
  const blockAt = after.findIndex((child) => child.type === 'element' && BLOCKS.has(child.tagName));
  const words = blockAt === -1 ? after : after.slice(0, blockAt);
  // Copies: the pass hands over its nodes as views of its own tree, which a new element cannot hold.
  ctx.wrapNode(node, { type: 'element', tagName: 'label', properties: {}, children: structuredClone(words) as ElementContent[] });
  for (let index = words.length; index >= 1; index--) ctx.removeChildAt(parent, index);
}
