/**
 * Limits on front matter that no real article comes near, checked before the YAML is turned into values: a few
 * hundred bytes of nested aliases (a "billion laughs") expand into billions of values that stall every tool that
 * walks or prints them. Counted on the YAML's syntax tree, where an alias is one node however much it stands for.
 */
import { isAlias, isCollection, isPair, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

/** Aliases (`*name`) in one file's front matter; articles need none, a tidy editor might use a few. */
export const MAX_ALIASES = 20;
/** Values the front matter stands for once every alias is expanded. */
const MAX_EXPANDED_VALUES = 5_000;

export interface FrontMatterLimitProblem {
  /** 1-based line within the front matter text given. */
  line: number;
  /** The top-level field the trouble is in, when there is one. */
  field?: string;
  message: string;
  hint: string;
}

/** Thrown by the front-matter reader when the YAML breaks a limit; the parser reports `problem` as the file's one problem. */
export class FrontMatterLimitError extends Error {
  readonly problem: FrontMatterLimitProblem;
  constructor(problem: FrontMatterLimitProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

const HINT = 'write the values out instead of using YAML anchors (&name) and aliases (*name)';

/** The first limit the front matter breaks, or undefined; cheap for the usual text without a `*`. */
export function frontMatterLimitProblem(text: string): FrontMatterLimitProblem | undefined {
  if (!text.includes('*')) return undefined;
  const lineCounter = new LineCounter();
  // The yaml package breaks lines at \n only; js-yaml, which reads the values, at a \r alone too. Read the lines js-yaml
  // reads, or a stray \r makes the aliases below it unreadable here, so never counted (one character for one: offsets hold).
  const document = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { lineCounter, uniqueKeys: false, prettyErrors: false });
  // Unreadable YAML is reported by the parser that reads the values, with its own wording.
  if (document.errors.length || !document.contents) return undefined;

  const sizes = new Map<Node, number>();
  let aliases = 0;
  /** How many values `node` stands for, each anchored node counted once however often it is aliased. */
  const expanded = (node: unknown, depth: number): number => {
    if (depth > 100) return Number.POSITIVE_INFINITY;
    if (isAlias(node)) {
      aliases++;
      const target = node.resolve(document);
      return target ? 1 + expanded(target, depth + 1) : 1;
    }
    if (isScalar(node) || !isCollection(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 1;
    for (const item of node.items) {
      size += isPair(item) ? expanded(item.key, depth + 1) + expanded(item.value, depth + 1) : expanded(item, depth + 1);
      if (size > MAX_EXPANDED_VALUES) break;
    }
    sizes.set(node, size);
    return size;
  };

  const fields = isCollection(document.contents) ? document.contents.items : [document.contents];
  let total = 0;
  for (const item of fields) {
    const size = isPair(item) ? expanded(item.value, 1) : expanded(item, 1);
    total += size;
    const field = isPair(item) && isScalar(item.key) ? String(item.key.value) : undefined;
    const at = (isPair(item) ? (item.key as Node | null)?.range?.[0] : (item as Node).range?.[0]) ?? 0;
    const line = lineCounter.linePos(at).line;
    if (aliases > MAX_ALIASES) {
      return { line, field, message: `uses more than ${MAX_ALIASES} YAML aliases, far more than any article needs`, hint: HINT };
    }
    if (size > MAX_EXPANDED_VALUES || total > MAX_EXPANDED_VALUES) {
      return { line, field, message: `expands to more than ${MAX_EXPANDED_VALUES} values through YAML aliases, far more than any article needs`, hint: HINT };
    }
  }
  return undefined;
}
