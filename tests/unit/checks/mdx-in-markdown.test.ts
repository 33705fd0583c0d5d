import { describe, expect, it } from 'vitest';
import { mdxInMarkdown } from '../../../src/lib/checks/mdx-in-markdown.ts';

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
