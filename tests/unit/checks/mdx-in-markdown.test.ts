import { describe, expect, it } from 'vitest';
import { mdxInMarkdown, withMdxLinesAsText } from '../../../src/lib/checks/mdx-in-markdown.ts';
import { withoutCode } from '../../../src/lib/checks/without-code.ts';

const lines = (body: string) => mdxInMarkdown(body).map(({ index, kind, written }) => [body.slice(0, index).split('\n').length, kind, written]);

describe('MDX in a Markdown body', () => {
  it('finds import and export statements and component tags opening a line', () => {
    const body = [
      "import Chart from './chart.astro';",
      'import { Bar, Line } from "../components/charts.tsx"',
      "import * as Charts from './charts.ts'",
      "import './figure.css'",
      'export const year = 2026;',
      '',
      '<Chart data={[1, 2]} />',
      '  <Charts.Bar>',
      '<Callout type="note">',
    ].join('\n');
    expect(lines(body)).toEqual([
      [1, 'statement', 'import'],
      [2, 'statement', 'import'],
      [3, 'statement', 'import'],
      [4, 'statement', 'import'],
      [5, 'statement', 'export'],
      [7, 'component', 'Chart'],
      [8, 'component', 'Charts.Bar'],
      [9, 'component', 'Callout'],
    ]);
  });

  it('leaves prose that starts like a statement, HTML in capitals or lower case, and a tag inside a line', () => {
    const body = [
      'Import duties from China rose.',
      'import tariffs from abroad fell, officials said.',
      'export controls tightened in May.',
      '<DIV ALIGN="center">pasted from an old page</DIV>',
      '<P>',
      '<figure>',
      'A generic List<String> in Java.',
      '    <Chart /> in an indented code block',
    ].join('\n');
    expect(mdxInMarkdown(body)).toEqual([]);
  });
});

describe('withMdxLinesAsText', () => {
  it('starts each line that reads as MDX with a character reference, and leaves code and the other lines as written', () => {
    const body = ["Bring the hook in:", '', "import { useState } from 'react'", '', 'export default function App() {}', '', '```js', "import x from 'y'", '```', '', "`import z from 'w'` inline"].join('\n');
    const text = withMdxLinesAsText(body);
    expect(text.split('\n')).toEqual(["Bring the hook in:", '', "&#105;mport { useState } from 'react'", '', '&#101;xport default function App() {}', '', '```js', "import x from 'y'", '```', '', "`import z from 'w'` inline"]);
    expect(mdxInMarkdown(withoutCode(text))).toEqual([]);
    expect(withMdxLinesAsText('<Chart data={x} /> and text')).toBe('&#60;Chart data={x} /> and text');
  });
});
