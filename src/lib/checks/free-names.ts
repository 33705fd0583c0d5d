/**
 * The names a piece of JavaScript uses without declaring them (ESTree, as oxc parses it), found by its scopes
 * rather than by running it: the MDX check asks which of them the article's module does not declare either.
 */

/** An ESTree node as oxc gives it: its type, its UTF-16 offsets in the parsed text, and its fields. */
export interface EsNode {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

export interface NameUse {
  name: string;
  /** Offset of the name in the parsed text. */
  offset: number;
  /** The JSX tag as written when the name is used as one (`Callout`, or `Chart.Bar` for Chart), not as a value. */
  tag?: string;
  /** Declared by a scope around the tag, which `tagsSkipScopes` looked past. */
  shadowed?: boolean;
  /** Inside a function: runs only when the function is called, not when the code itself runs. */
  deferred?: boolean;
}

export interface FreeNameOptions {
  /**
   * Tags are looked up among the module's names only, never in the scopes around them: Sätteri compiles a tag in an
   * MDX body's `{…}` that way, so `{items.map((Item) => <Item />)}` fails to render.
   */
  tagsSkipScopes?: boolean;
}

/** `fn` for a function's own scope. */
type Scope = { names: Set<string>; parent?: Scope; fn?: boolean };

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
/** Fields that never hold code: offsets, the raw text of literals and the like. */
const NOT_CODE = new Set(['type', 'start', 'end', 'range', 'loc', 'raw', 'value', 'regex', 'bigint']);

/**
 * A JSX name that means a component, as Sätteri (and MDX) reads it: `<Callout>`, `<_x>`, and the object of
 * `<ui.Tabs>`; `<aside>`, `<my-element>` and `<svg:rect>` are HTML. Returns the name that must be defined, if any.
 */
export function tagReference(tagName: string): string | undefined {
  if (tagName.includes(':')) return undefined;
  const root = tagName.split('.')[0]!;
  if (root !== tagName) return root;
  return tagName.includes('-') || /^[a-z]/.test(tagName) ? undefined : tagName;
}

/** Every use of a name in `node` that no scope inside `node` declares, in the order written. */
export function freeNames(node: EsNode, options: FreeNameOptions = {}): NameUse[] {
  const found: NameUse[] = [];
  const declared = (name: string, scope: Scope | undefined): boolean => !!scope && (scope.names.has(name) || declared(name, scope.parent));
  const inFunction = (scope: Scope | undefined): boolean => !!scope && (!!scope.fn || inFunction(scope.parent));
  const use = (name: string, offset: number, scope: Scope, tag?: string) => {
    if (tag !== undefined && options.tagsSkipScopes) found.push({ name, offset, tag, shadowed: declared(name, scope) });
    else if (declared(name, scope)) return;
    else if (tag !== undefined) found.push({ name, offset, tag });
    else found.push(inFunction(scope) ? { name, offset, deferred: true } : { name, offset });
  };

  const visitChildren = (parent: EsNode, scope: Scope) => {
    for (const [field, value] of Object.entries(parent)) {
      if (NOT_CODE.has(field)) continue;
      if (Array.isArray(value)) for (const item of value) visitNode(item, scope);
      else visitNode(value, scope);
    }
  };

  /**
   * A pattern's default values and computed keys are code. Its names are declared elsewhere when it binds them
   * (`const { a = b } = c`); when it assigns to them (`({ a = b } = c)`), they are uses too.
   */
  const visitPattern = (pattern: EsNode, scope: Scope, assigns = false) => {
    switch (pattern.type) {
      case 'AssignmentPattern':
        visitPattern(pattern.left as EsNode, scope, assigns);
        visitNode(pattern.right, scope);
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties as EsNode[]) {
          if (property.type === 'RestElement') visitPattern(property.argument as EsNode, scope, assigns);
          else {
            if (property.computed) visitNode(property.key, scope);
            visitPattern(property.value as EsNode, scope, assigns);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements as (EsNode | null)[]) if (element) visitPattern(element, scope, assigns);
        return;
      case 'RestElement':
        visitPattern(pattern.argument as EsNode, scope, assigns);
        return;
      case 'Identifier':
        if (assigns) visitNode(pattern, scope);
        return;
      default:
        // A member as the target (`[a.b] = list`).
        visitNode(pattern, scope);
    }
  };

  const visitFunction = (fn: EsNode, scope: Scope) => {
    const inner: Scope = { names: new Set(), parent: scope, fn: true };
    if (fn.type !== 'ArrowFunctionExpression') inner.names.add('arguments');
    if (fn.type === 'FunctionExpression' && fn.id) inner.names.add((fn.id as EsNode).name as string);
    for (const param of fn.params as EsNode[]) bindingNames(param, inner.names);
    const body = fn.body as EsNode;
    if (body.type === 'BlockStatement') {
      hoistedNames(body.body as EsNode[], inner.names);
      blockNames(body.body as EsNode[], inner.names);
    }
    for (const param of fn.params as EsNode[]) visitPattern(param, inner);
    if (body.type === 'BlockStatement') for (const statement of body.body as EsNode[]) visitNode(statement, inner);
    else visitNode(body, inner);
  };

  /** Whether the tag is HTML (no name to look up). */
  const visitJsxName = (name: EsNode, scope: Scope): boolean => {
    const tag = jsxName(name);
    const reference = tag === undefined ? undefined : tagReference(tag);
    if (reference) use(reference, name.start, scope, tag);
    return !reference;
  };

  function visitNode(value: unknown, scope: Scope): void {
    if (!value || typeof value !== 'object' || typeof (value as EsNode).type !== 'string') return;
    const node = value as EsNode;
    if (FUNCTIONS.has(node.type)) return visitFunction(node, scope);
    switch (node.type) {
      case 'Identifier':
        return use(node.name as string, node.start, scope);
      case 'Program':
      case 'BlockStatement':
      case 'StaticBlock':
      case 'SwitchStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        const inner: Scope = { names: new Set(), parent: scope };
        const statements = node.type === 'SwitchStatement' ? (node.cases as EsNode[]).flatMap((branch) => branch.consequent as EsNode[]) : (node.body as EsNode[]);
        if (node.type === 'Program') hoistedNames(statements, inner.names);
        if (Array.isArray(statements)) blockNames(statements, inner.names);
        const head = (node.init ?? node.left) as EsNode | undefined;
        if (head?.type === 'VariableDeclaration') for (const declarator of head.declarations as EsNode[]) bindingNames(declarator.id as EsNode, inner.names);
        if (node.type === 'ForInStatement' || node.type === 'ForOfStatement') {
          if (head?.type === 'VariableDeclaration') visitChildren(head, inner);
          else visitPattern(head!, inner, true);
          visitNode(node.right, inner);
          return visitNode(node.body, inner);
        }
        return visitChildren(node, inner);
      }
      case 'CatchClause': {
        const inner: Scope = { names: new Set(), parent: scope };
        if (node.param) bindingNames(node.param as EsNode, inner.names);
        if (node.param) visitPattern(node.param as EsNode, inner);
        return visitNode(node.body, inner);
      }
      case 'VariableDeclarator':
        visitPattern(node.id as EsNode, scope);
        return visitNode(node.init, scope);
      case 'ClassDeclaration':
      case 'ClassExpression': {
        const inner: Scope = { names: new Set(node.id ? [(node.id as EsNode).name as string] : []), parent: scope };
        visitNode(node.superClass, scope);
        return visitNode(node.body, inner);
      }
      case 'MemberExpression':
        visitNode(node.object, scope);
        if (node.computed) visitNode(node.property, scope);
        return;
      case 'Property':
      case 'MethodDefinition':
      case 'PropertyDefinition':
      case 'AccessorProperty':
        if (node.computed) visitNode(node.key, scope);
        return visitNode(node.value, scope);
      case 'AssignmentExpression':
        visitPattern(node.left as EsNode, scope, true);
        return visitNode(node.right, scope);
      case 'UnaryExpression':
        // `typeof x` is how code asks whether x exists: it never fails.
        if (node.operator === 'typeof' && (node.argument as EsNode).type === 'Identifier') return;
        return visitNode(node.argument, scope);
      case 'LabeledStatement':
        return visitNode(node.body, scope);
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
        return;
      case 'ExportNamedDeclaration':
        if (node.declaration) return visitNode(node.declaration, scope);
        // `export { a as b }` uses a; `export { a } from './x'` only passes it on.
        if (!node.source) for (const specifier of node.specifiers as EsNode[]) visitNode(specifier.local, scope);
        return;
      case 'JSXOpeningElement': {
        const html = visitJsxName(node.name as EsNode, scope);
        for (const attribute of node.attributes as EsNode[]) {
          const value = attribute.type === 'JSXAttribute' ? (attribute.value as EsNode | null) : attribute.argument;
          if (!(html && isFunction((value as EsNode | null)?.expression))) visitNode(value, scope);
        }
        return;
      }
      case 'JSXClosingElement':
        return;
      default:
        return visitChildren(node, scope);
    }
  }

  visitNode(node, { names: new Set() });
  return found;
}

/**
 * A function, which as an HTML attribute's value (`<button onclick={() => …}>`) Astro writes into the page as text:
 * the build never runs it, so what it names need not exist.
 */
export function isFunction(node: unknown): boolean {
  return !!node && FUNCTIONS.has((node as EsNode).type);
}

/**
 * The names `node` asks about with `typeof` (`typeof window !== 'undefined'`): code that asks knows the name may be
 * missing, and guards its other uses of it.
 */
export function typeofNames(node: EsNode, into: Set<string>): Set<string> {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object' || typeof (value as EsNode).type !== 'string') return;
    const child = value as EsNode;
    const argument = child.argument as EsNode | undefined;
    if (child.type === 'UnaryExpression' && child.operator === 'typeof' && argument?.type === 'Identifier') into.add(argument.name as string);
    for (const field of Object.values(child)) visit(field);
  };
  visit(node);
  return into;
}

/** `Chart.Bar` for `<Chart.Bar>`; undefined for a namespaced name (`svg:rect`), which is never a component. */
function jsxName(name: EsNode): string | undefined {
  if (name.type === 'JSXIdentifier') return name.name as string;
  if (name.type !== 'JSXMemberExpression') return undefined;
  const object = jsxName(name.object as EsNode);
  return object === undefined ? undefined : `${object}.${(name.property as EsNode).name as string}`;
}

/** The names a binding pattern declares (`{ a, b: [c], ...d }` declares a, c and d). */
export function bindingNames(pattern: EsNode, into: Set<string>): Set<string> {
  switch (pattern.type) {
    case 'Identifier':
      into.add(pattern.name as string);
      break;
    case 'AssignmentPattern':
      bindingNames(pattern.left as EsNode, into);
      break;
    case 'RestElement':
      bindingNames(pattern.argument as EsNode, into);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as (EsNode | null)[]) if (element) bindingNames(element, into);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties as EsNode[]) bindingNames((property.type === 'RestElement' ? property : property.value) as EsNode, into);
      break;
  }
  return into;
}

/** What a list of statements declares for the block it is in: let, const, class, function and import. */
function blockNames(statements: EsNode[], into: Set<string>): void {
  for (const statement of statements) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? (statement.declaration as EsNode | null) : statement;
    if (!declaration) continue;
    if (declaration.type === 'VariableDeclaration' && declaration.kind !== 'var') for (const declarator of declaration.declarations as EsNode[]) bindingNames(declarator.id as EsNode, into);
    else if ((declaration.type === 'ClassDeclaration' || declaration.type === 'FunctionDeclaration') && declaration.id) into.add((declaration.id as EsNode).name as string);
    else if (declaration.type === 'ImportDeclaration') for (const specifier of declaration.specifiers as EsNode[]) into.add((specifier.local as EsNode).name as string);
  }
}

/** The `var`s of a function or program body, wherever they sit in it outside nested functions. */
function hoistedNames(statements: EsNode[], into: Set<string>): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object' || typeof (value as EsNode).type !== 'string') return;
    const node = value as EsNode;
    if (FUNCTIONS.has(node.type) || node.type.startsWith('Class') || node.type.endsWith('Expression')) return;
    if (node.type === 'VariableDeclaration') {
      if (node.kind === 'var') for (const declarator of node.declarations as EsNode[]) bindingNames(declarator.id as EsNode, into);
      return;
    }
    for (const [field, child] of Object.entries(node)) if (!NOT_CODE.has(field)) visit(child);
  };
  visit(statements);
}
