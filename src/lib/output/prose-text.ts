/** The words of an article body outside its code, for the passes that mend what smart punctuation or the layout did to them. */
import type { Element, Root, RootContent } from 'hast';
import type { HastVisitorContext } from 'satteri';

/** Elements whose text is code, written as it is: smart punctuation leaves it alone, and so do the passes here. */
export const CODE_ELEMENTS: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp']);

/**
 * Replaces each text of the body outside code by `rewrite(text)`, in document order; `entering` is told of each
 * element outside code before its text is read.
 */
export function rewriteProseText(root: Readonly<Root>, ctx: HastVisitorContext, rewrite: (text: string) => string, entering?: (element: Readonly<Element>) => void): void {
  const visit = (node: Readonly<Root | RootContent>) => {
    if (node.type === 'text') {
      const rewritten = rewrite(node.value);
      if (rewritten !== node.value) ctx.replaceNode(node, { type: 'text', value: rewritten });
      return;
    }
    if (node.type === 'element') {
      if (CODE_ELEMENTS.has(node.tagName)) return;
      entering?.(node);
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(root);
}
