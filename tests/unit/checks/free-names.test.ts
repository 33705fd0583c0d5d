import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { freeNames, tagReference, type EsNode, type FreeNameOptions } from '../../../src/lib/checks/free-names.ts';

const names = (code: string, options?: FreeNameOptions) => freeNames(parseAst(code, { lang: 'jsx', sourceType: 'module' }) as unknown as EsNode, options).map((use) => use.name);

describe('freeNames', () => {
  it('lists the names used but never declared, in the order written', () => {
    expect(names('export const total = price * count + price;')).toEqual(['price', 'count', 'price']);
  });

  it('knows what imports, declarations, parameters, destructuring and hoisting declare', () => {
    expect(names('import a, { b as c } from "./x.js";\nexport const d = () => a + c;\nexport function e({ f, g: [h] = [], ...i }, j = f) { var k; return [f, h, i, j, k, l, arguments]; { var l; } }')).toEqual([]);
  });

  it('keeps a block\'s let, a catch parameter and a loop variable inside them', () => {
    expect(names('export function f() { { let a; } try {} catch (b) { b; } for (const c of []) c; for (let d = 0; d < 1; d++); return [a, b, c, d]; }')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('names a default value, a computed key and a class\'s parent, not object keys, properties or labels', () => {
    expect(names('export const f = ({ [key]: x = fallback }) => ({ y: x.z, [other]: 1, method() { outer: for (;;) break outer; } });\nexport class A extends Base { static s = 1; m() { return this.s; } }')).toEqual(['key', 'fallback', 'other', 'Base']);
  });

  it('counts an assignment to an undeclared name, and leaves typeof alone, which never fails', () => {
    expect(names('export const f = () => { [a, b.c] = [typeof d, e]; return typeof window === "undefined"; };')).toEqual(['a', 'b', 'e']);
  });

  it('marks a use inside a function, which runs only when it is called', () => {
    const code = 'export const a = b; export const f = () => c; export class K { static s = d; m() { return e; } }';
    expect(freeNames(parseAst(code, { lang: 'jsx', sourceType: 'module' }) as unknown as EsNode).map(({ name, deferred }) => `${name}${deferred ? ' later' : ''}`)).toEqual(['b', 'c later', 'd', 'e later']);
  });

  it('reads capitalised and member tags as uses, HTML tags as not', () => {
    const code = '(<section><Chart.Bar data={d} {...rest} /><my-widget /><svg:rect /><Box>x</Box></section>)';
    expect(freeNames(parseAst(code, { lang: 'jsx' }) as unknown as EsNode)).toEqual([
      { name: 'Chart', offset: code.indexOf('Chart'), tag: 'Chart.Bar' },
      { name: 'd', offset: code.indexOf('d}') },
      { name: 'rest', offset: code.indexOf('rest') },
      { name: 'Box', offset: code.indexOf('Box'), tag: 'Box' },
    ]);
  });

  it('with tagsSkipScopes, reports every tag and says when a scope around it declared the name', () => {
    const code = '(items.map((Item) => <Item key={Item} />))';
    expect(names(code)).toEqual(['items']);
    expect(freeNames(parseAst(code, { lang: 'jsx' }) as unknown as EsNode, { tagsSkipScopes: true })).toEqual([
      { name: 'items', offset: 1 },
      { name: 'Item', offset: code.indexOf('<Item') + 1, tag: 'Item', shadowed: true },
    ]);
  });
});

describe('tagReference', () => {
  it('is the name a component tag needs, as MDX compiles tags', () => {
    expect(['Callout', '_x', '$x', 'éa', 'ui.Tabs', 'a.B'].map(tagReference)).toEqual(['Callout', '_x', '$x', 'éa', 'ui', 'a']);
  });

  it('is nothing for HTML: lowercase, dashed and namespaced names', () => {
    expect(['aside', 'my-element', 'Foo-bar', 'svg:rect'].map(tagReference)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
