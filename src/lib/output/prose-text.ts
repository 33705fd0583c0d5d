/** The words of an article body outside its code, for the passes that mend what smart punctuation or the layout did to them. */
import type { Element, Parents, Text } from 'hast';
import type { HastFilteredVisitor, HastVisitorContext } from 'satteri';

/** Elements whose text is code, written as it is: smart punctuation leaves it alone, and so do the passes here. */
export const CODE_ELEMENTS: ReadonlySet<string> = new Set(['code', 'pre', 'kbd', 'samp']);

/** Blocks of prose: a quotation opened in one is closed in it. */
export const PROSE_BLOCKS: ReadonlySet<string> = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'dt', 'dd', 'figcaption', 'summary']);

/** What smart punctuation made of a straight quote, which each pass here mends: a text without one is left alone. */
const CURLED_MARK = /[“”‘’]/;

/** One rewrite of the curled quotation marks in the body's text outside code. */
export interface ProseRewrite {
  /** The text as it should read, given each text outside code in document order. */
  rewrite(text: string): string;
  /** Told that a block of prose begins, before its first text. */
  startBlock?(): void;
  /**
   * A text read apart from the body's (a picture's description, a heading as a table's name), as a block of its
   * own; `rewrite` serves for a pass that keeps no state.
   */
  alone?(text: string): string;
}

/** The body's next text outside code, in document order, as `rewrites` make it. */
export function rewriteText(rewrites: readonly ProseRewrite[], text: string): string {
  return CURLED_MARK.test(text) ? rewrites.reduce((read, pass) => pass.rewrite(read), text) : text;
}

/** `text`, read apart from the body's, as `rewrites` make it. */
export function readAlone(rewrites: readonly ProseRewrite[], text: string): string {
  return rewrites.reduce((read, pass) => (pass.alone ?? pass.rewrite)(read), text);
}

/**
 * Visitors for the safety plugin's walk that replace each text of the body outside code by what `rewrites` make of
 * it, each given what the one before made. Sätteri hands the walk's matches over in document order, each text with
 * its value alone: the tree is never built in JavaScript, the costly part of reading it. A text is inside code when
 * it starts within the source of the last code element met (the walk goes into an element before its next sibling;
 * a footnote's text, moved to the end, may come from earlier in the source), or, having no place in the source (made
 * by a plugin), when one of its ancestors is code. The plugin asks Sätteri for positions (`options.position`).
 */
export function proseTextVisitors(rewrites: readonly ProseRewrite[]): { element: HastFilteredVisitor<Element>; text: (node: Readonly<Text>, ctx: HastVisitorContext) => Text | undefined } {
  // Where in the source the last code element met lies.
  let code = { start: -1, end: -1 };
  return {
    element: {
      filter: [...PROSE_BLOCKS, ...CODE_ELEMENTS],
      visit(node) {
        if (!CODE_ELEMENTS.has(node.tagName)) for (const pass of rewrites) pass.startBlock?.();
        else if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) code = { start: node.position.start.offset, end: node.position.end.offset };
      },
    },
    text(node, ctx) {
      if (!CURLED_MARK.test(node.value)) return undefined;
      const start = node.position?.start.offset;
      if (start === undefined ? insideCode(node, ctx) : start >= code.start && start < code.end) return undefined;
      const rewritten = rewriteText(rewrites, node.value);
      return rewritten === node.value ? undefined : { type: 'text', value: rewritten };
    },
  };
}

function insideCode(node: Readonly<Text>, ctx: HastVisitorContext): boolean {
  for (let parent: Readonly<Parents> | undefined = ctx.parent(node); parent && parent.type !== 'root'; parent = ctx.parent(parent)) {
    if (parent.type === 'element' && CODE_ELEMENTS.has(parent.tagName)) return true;
  }
  return false;
}
