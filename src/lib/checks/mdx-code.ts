/**
 * Mistakes in an MDX article's code that would otherwise stop the build with a stack trace: MDX that does not
 * compile, tags and names the article never defines, a name declared twice. Compiled by the build's own MDX
 * compiler (Sätteri) and read, never run. The files it imports are listed for the caller to look for.
 */
import { parseAst } from 'rolldown/parseAst';
import { mdxToJs, mdxToMdast } from 'satteri';
import { lineOfOffset } from '../content/line-of-offset.ts';
import { bindingNames, freeNames, isFunction, tagReference, typeofNames, type EsNode, type NameUse } from './free-names.ts';

export interface MdxCodeIssue {
  /** Line in the file. */
  line: number;
  message: string;
  hint: string;
  /** Set for what may stop the build, when it cannot be told from code that never runs there; else an error. */
  severity?: 'warning';
}

export interface MdxImport {
  /** Line in the file of the statement that imports it. */
  line: number;
  /** As written: a path (./, ../ or /) or a package's name. */
  source: string;
  /** The names asked of it in braces (`import { Chart } from …`), other than `default`. */
  named: string[];
}

export interface MdxCode {
  issues: MdxCodeIssue[];
  /** Imports of files and packages (not of `astro:` or `node:` modules): the caller checks that each is there. */
  imports: MdxImport[];
  /** Offsets in the body of each `{…}` that holds only a comment (an editor's note): none of it reaches the page. */
  comments: { start: number; end: number }[];
}

/** An mdast node as Sätteri gives MDX: the fields the check reads. */
interface MdxNode {
  type: string;
  position?: { start: { line: number; offset: number }; end: { line: number; offset: number } };
  value?: unknown;
  name?: string | null;
  attributes?: { type: string; value?: unknown }[];
  children?: MdxNode[];
}

/**
 * What Astro's MDX module declares after the article's own code, whatever the article declares: a second declaration
 * stops the build, and `frontmatter` is not set yet while the article's code runs.
 */
const ASTRO_DECLARED = ['frontmatter', 'getHeadings'];
/** What Astro's MDX module declares beside the article's own code (https://docs.astro.build/en/guides/integrations-guide/mdx/); url, file and Content unless the article does. */
const MODULE_NAMES = [...ASTRO_DECLARED, 'url', 'file', 'Content'];
/** The body runs inside the content function, whose argument is `props`. */
const BODY_NAMES = ['props'];
/** Astro passes every MDX article this component. */
const PROVIDED_TAGS = ['Fragment'];
/**
 * The build renders MDX in this same Node, so what its global object holds is what an expression can reach
 * (Math, Date, JSON, Intl, console…) without a ReferenceError.
 */
const GLOBAL_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(globalThis));

/** `astro:assets`, `node:fs`: modules the build provides, not files or packages. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A name used where the article does not define it, at its line in the file. */
type Undefined = Omit<NameUse, 'offset'> & { line: number };

/** The article's code as the MDX tree holds it: import/export blocks, `{…}` expressions (attributes' too), and tags. */
interface MdxParts {
  esm: { code: string; line: number }[];
  /** `range` is where a text or block expression (not an attribute's) is in the body. */
  expressions: { code: string; line: number; spread: boolean; range?: { start: number; end: number }; htmlAttribute?: boolean }[];
  tags: { tag: string; line: number }[];
}

/**
 * The issues in an MDX `body` whose first line is `firstLine` in the file, and what it imports. A body that
 * does not compile has that one issue: what follows a syntax error cannot be read.
 */
export function mdxCode(body: string, firstLine: number): MdxCode {
  const fileLine = (bodyLine: number) => firstLine + bodyLine - 1;
  try {
    mdxToJs(body);
  } catch (error) {
    return { issues: [syntaxIssue((error as Error).message, body, fileLine)], imports: [], comments: [] };
  }
  const { esm, expressions, tags } = mdxParts(body);

  const issues: MdxCodeIssue[] = [];
  const imports: MdxImport[] = [];
  const comments: MdxCode['comments'] = [];
  const declaredAt = new Map<string, number>();
  let providedTags: ReadonlySet<string> | 'any' = new Set(PROVIDED_TAGS);
  const esmUses: Undefined[] = [];
  const asked = new Set<string>();
  let earlyFrontmatter = false;
  for (const block of esm) {
    const program = parseCode(block.code);
    if (!program) continue;
    typeofNames(program, asked);
    const lineOf = (offset: number) => fileLine(block.line + lineOfOffset(block.code, offset) - 1);
    for (const statement of program.body as EsNode[]) {
      const source = (statement.source as EsNode | null | undefined)?.value;
      if (typeof source === 'string' && !SCHEME.test(source)) imports.push({ line: lineOf(statement.start), source, named: namedImports(statement) });
      for (const [name, offset] of topLevelDeclarations(statement)) {
        if (ASTRO_DECLARED.includes(name)) issues.push({ line: lineOf(offset), message: `${name} is declared by Astro in every MDX article, so declaring it again stops the build`, hint: 'rename it (the front matter\'s fields are frontmatter.title and the like)' });
        const earlier = declaredAt.get(name);
        if (earlier === undefined) declaredAt.set(name, lineOf(offset));
        else issues.push({ line: lineOf(offset), message: `${name} is declared twice (also on line ${earlier}), so the page cannot be built`, hint: 'rename one of them, or remove the one not needed' });
      }
      const exported = exportedComponents(statement);
      if (exported !== undefined && providedTags !== 'any') providedTags = exported === 'any' ? 'any' : new Set([...providedTags, ...exported]);
    }
    for (const { offset, ...use } of freeNames(program)) {
      esmUses.push({ ...use, line: lineOf(offset) });
      // Reading a field of it then fails (`frontmatter?.title` is only undefined).
      if (use.name === 'frontmatter' && !use.deferred && /^\s*[.[]/.test(block.code.slice(offset + use.name.length)) && !earlyFrontmatter) {
        earlyFrontmatter = true;
        issues.push({
          line: lineOf(offset),
          message: "frontmatter is not set yet while the article's import and export lines run, so the page cannot be built",
          hint: 'read it in the text ({frontmatter.title}) or inside a function (export const title = () => frontmatter.title)',
        });
      }
    }
  }

  const moduleNames = new Set([...declaredAt.keys(), ...MODULE_NAMES]);
  const nameDefined = (name: string, extra: readonly string[] = []) => moduleNames.has(name) || GLOBAL_NAMES.has(name) || extra.includes(name);
  // A tag in the body is looked up among the article's own declarations and the components Astro passes, only.
  const tagDefined = (name: string) => declaredAt.has(name) || providedTags === 'any' || providedTags.has(name);

  const found = esmUses.filter((use) => !nameDefined(use.name));
  for (const { tag, line } of tags) {
    const name = tagReference(tag);
    if (name && !tagDefined(name)) found.push({ name, tag, line: fileLine(line) });
  }
  for (const { code, line, spread, range, htmlAttribute } of expressions) {
    const expression = parseCode(spread ? `({${code}\n})` : `(${code}\n)`);
    if (!expression) {
      if (range) comments.push(range);
      continue;
    }
    if (htmlAttribute && isFunction((expression.body as EsNode[])[0]?.expression)) continue;
    typeofNames(expression, asked);
    const prefix = spread ? 2 : 1;
    for (const { offset, ...use } of freeNames(expression, { tagsSkipScopes: true })) {
      if (use.tag === undefined ? nameDefined(use.name, BODY_NAMES) : tagDefined(use.name)) continue;
      found.push({ ...use, line: fileLine(line + lineOfOffset(code, offset - prefix) - 1) });
    }
  }
  // Each name once, where it is first used; in a function only, a warning: the function may run in the
  // reader's browser (an onclick handler) or never, and refusing it would stop a deploy that would build.
  const reported = new Set<string>();
  const runsWhenBuilt = new Set(found.filter((use) => use.tag === undefined && !use.deferred).map((use) => use.name));
  for (const use of found.sort((a, b) => a.line - b.line)) {
    const key = `${use.tag === undefined ? 'name' : 'tag'} ${use.name}`;
    if (reported.has(key) || (use.tag === undefined && asked.has(use.name))) continue;
    if (use.tag === undefined && use.deferred && runsWhenBuilt.has(use.name)) continue;
    reported.add(key);
    if (use.tag !== undefined) issues.push({ line: use.line, ...undefinedTag(use) });
    else if (use.deferred) issues.push({ line: use.line, severity: 'warning', ...undefinedInFunction(use.name) });
    else issues.push({ line: use.line, ...undefinedName(use.name) });
  }
  return { issues: issues.sort((a, b) => a.line - b.line), imports, comments };
}

/** The code in `body`'s MDX tree, with body lines. */
function mdxParts(body: string): MdxParts {
  const parts: MdxParts = { esm: [], expressions: [], tags: [] };
  const walk = (node: MdxNode) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'mdxjsEsm') parts.esm.push({ code: String(node.value), line });
    else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const range = node.position && { start: node.position.start.offset, end: node.position.end.offset };
      parts.expressions.push({ code: String(node.value), line, spread: false, range });
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      parts.tags.push({ tag: node.name, line });
      for (const attribute of node.attributes ?? []) {
        const spread = attribute.type === 'mdxJsxExpressionAttribute';
        const value = spread ? attribute.value : (attribute.value as MdxNode | undefined)?.type === 'mdxJsxAttributeValueExpression' ? (attribute.value as MdxNode).value : undefined;
        if (typeof value !== 'string') continue;
        // Attributes carry no position: their code is looked for in the element's source.
        const at = body.indexOf(value, node.position?.start.offset ?? 0);
        parts.expressions.push({ code: value, line: at === -1 ? line : lineOfOffset(body, at), spread, htmlAttribute: !spread && !tagReference(node.name) });
      }
    }
    node.children?.forEach(walk);
  };
  walk(mdxToMdast(body) as unknown as MdxNode);
  return parts;
}

/** oxc's ESTree of code Sätteri has already compiled; undefined for an expression of nothing but a comment. */
function parseCode(code: string): EsNode | undefined {
  try {
    return parseAst(code, { lang: 'jsx', sourceType: 'module' }) as unknown as EsNode;
  } catch {
    return undefined;
  }
}

/** The names a top-level statement of the module binds, with their offsets: imports and exported declarations. */
function topLevelDeclarations(statement: EsNode): [string, number][] {
  if (statement.type === 'ImportDeclaration') return (statement.specifiers as EsNode[]).map((specifier) => [(specifier.local as EsNode).name as string, (specifier.local as EsNode).start]);
  const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as EsNode | null) : undefined;
  if (!declaration) return [];
  if (declaration.type === 'VariableDeclaration') {
    return (declaration.declarations as EsNode[]).flatMap((declarator) => [...bindingNames(declarator.id as EsNode, new Set())].map((name): [string, number] => [name, declarator.start]));
  }
  const id = declaration.id as EsNode | null;
  return id ? [[id.name as string, id.start]] : [];
}

/** The names an import (or `export … from`) statement asks its module for by name, other than `default`. */
function namedImports(statement: EsNode): string[] {
  return ((statement.specifiers as EsNode[] | undefined) ?? []).flatMap((specifier) => {
    const asked = specifier.type === 'ImportSpecifier' ? (specifier.imported as EsNode) : specifier.type === 'ExportSpecifier' ? (specifier.local as EsNode) : undefined;
    return asked && exportName(asked) !== 'default' ? [exportName(asked)] : [];
  });
}

/**
 * The tags an `export const components = { … }` hands every element (Astro merges it into the MDX components); 'any'
 * when it cannot be read without running it; undefined for any other statement.
 */
function exportedComponents(statement: EsNode): ReadonlySet<string> | 'any' | undefined {
  if (statement.type !== 'ExportNamedDeclaration') return undefined;
  const specifiers = (statement.specifiers as EsNode[]) ?? [];
  if (specifiers.some((specifier) => exportName(specifier.exported as EsNode) === 'components')) return 'any';
  const declaration = statement.declaration as EsNode | null;
  if (declaration?.type !== 'VariableDeclaration') return undefined;
  const declarator = (declaration.declarations as EsNode[]).find((candidate) => (candidate.id as EsNode).type === 'Identifier' && (candidate.id as EsNode).name === 'components');
  if (!declarator) return undefined;
  const init = declarator.init as EsNode | null;
  if (init?.type !== 'ObjectExpression') return 'any';
  const keys = new Set<string>();
  for (const property of init.properties as EsNode[]) {
    const key = property.key as EsNode | undefined;
    if (property.type !== 'Property' || property.computed || !key) return 'any';
    keys.add(exportName(key));
  }
  return keys;
}

function exportName(name: EsNode): string {
  return name.type === 'Identifier' ? (name.name as string) : String(name.value);
}

function undefinedName(name: string): Pick<MdxCodeIssue, 'message' | 'hint'> {
  return {
    message: `${name} is not defined in this article, so the page cannot be built`,
    hint: `import it or define it with export const below the front matter (a front matter field is frontmatter.${name}), or write \\{ to show a brace as text`,
  };
}

function undefinedInFunction(name: string): Pick<MdxCodeIssue, 'message' | 'hint'> {
  return {
    message: `${name} is not defined in this article: if the function using it runs while the page is built, the build stops`,
    hint: `import it or define it with export const below the front matter; a name only readers' browsers have (window, document) is fine in code that runs there`,
  };
}

function undefinedTag({ name, tag, shadowed }: Undefined): Pick<MdxCodeIssue, 'message' | 'hint'> {
  const what = tag === name ? `the component <${tag}>` : `<${tag}> uses ${name}, which`;
  return {
    message: `${what} is not imported or defined in this article, so the page cannot be built`,
    hint: shadowed
      ? `a component from inside { } cannot be used as a tag: define ${name} with export const below the front matter`
      : `import it below the front matter (import ${name} from './${name}.astro', the path written from this file) or define it there with export const; a tag with a capital letter is a component, not HTML`,
  };
}

/** Sätteri's error (`3:1: Expected a closing tag for <Callout> (3:1) (mdx-jsx:unexpected-character)`) in the checker's words. */
function syntaxIssue(error: string, body: string, fileLine: (bodyLine: number) => number): MdxCodeIssue {
  const parsed = /^(\d+):\d+: ([\s\S]*?)(?: \(\d+:\d+\))?(?: \([\w:-]+\))?$/.exec(error);
  const at = parsed ? Number(parsed[1]) : 1;
  const reason = parsed ? parsed[2]! : error;
  const code = /^Could not parse (expression|esm) with \w+: ([\s\S]*)$/.exec(reason);
  if (code?.[1] === 'expression') {
    return { line: fileLine(at), message: `the code between { and } is not valid JavaScript (${code[2]})`, hint: 'correct it, or write \\{ to show a brace as text' };
  }
  if (code || /only import\/exports are supported/.test(reason)) {
    // Sätteri names where it gave up, often the sentence after an unfinished statement: the statement's line helps more.
    const start = esmStartLine(body, at);
    return {
      line: fileLine(start),
      message: `the import or export here is not valid JavaScript (${code ? code[2] : reason}${start === at ? '' : `, on line ${fileLine(at)}`})`,
      hint: 'in MDX a line starting with import or export is code: correct the statement, or reword the sentence so it starts differently',
    };
  }
  const unclosed = /^Expected a closing tag for `<([^\s>`]+)[^`]*>`/.exec(reason)?.[1];
  const hint = unclosed
    ? `close it with </${unclosed}> where it ends (or write <${unclosed} /> if it holds nothing), and write \\< to show < as text`
    : 'close every tag (<Callout>…</Callout>, or <Callout /> alone), and write \\< or \\{ to show < or { as text';
  return { line: fileLine(at), message: `the MDX cannot be compiled: ${reason}`, hint };
}

/** The first line of the import/export block that holds body line `line` (the block is parsed only when compiled). */
function esmStartLine(body: string, line: number): number {
  const blocks = (mdxToMdast(body) as unknown as MdxNode).children ?? [];
  const block = blocks.find((node) => node.type === 'mdxjsEsm' && node.position && node.position.start.line <= line && line <= node.position.end.line);
  return block?.position?.start.line ?? line;
}
