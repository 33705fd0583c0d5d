import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { createMarkdownToHtml } from '../../../src/lib/output/markdown-processor.ts';
import { withTableRegions } from '../../../src/lib/output/scrolling-tables.ts';

/** Each table of the rendered body, as the element around it and the table's first cell. */
function tablesIn(html: string): Array<{ around: Record<string, string>; firstCell: string }> {
  return parse(html)
    .querySelectorAll('table')
    .filter((table) => !table.parentNode?.closest('table'))
    .map((table) => ({ around: table.parentNode?.attributes ?? {}, firstCell: table.querySelector('th, td')!.text }));
}

const REGION = { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': 'Table' };

describe('tables in article bodies', async () => {
  const toHtml = await createMarkdownToHtml('https://news.example.org');

  it('are each put in a focusable region named Table, Markdown and raw HTML tables alike', async () => {
    const html = await toHtml('| a | b |\n| - | - |\n| 1 | 2 |\n\n<table><tr><td>raw</td></tr></table>\n<table><tr><td>second<table><tr><td>nested</td></tr></table></td></tr></table>\n');
    expect(tablesIn(html)).toEqual([
      { around: REGION, firstCell: 'a' },
      { around: REGION, firstCell: 'raw' },
      { around: REGION, firstCell: 'secondnested' },
    ]);
    // A table inside a table's cell scrolls with it.
    expect(parse(html).querySelectorAll('.table-scroll')).toHaveLength(3);
  });

  it('leave a raw HTML table opened in one block and closed in another as it is, whole and on its own', async () => {
    const html = await toHtml('<table>\n<tr><td>split</td></tr>\n\n</table>\n\nAfter.\n');
    expect(html).not.toContain('table-scroll');
    expect(parse(html).querySelector('table')?.text.trim()).toBe('split');
  });
});

describe('withTableRegions', () => {
  it('wraps each outermost table and nothing around it', () => {
    expect(withTableRegions('<p>x</p><table id="t"><tr><td>1</td></tr></table>')).toBe(
      '<p>x</p><div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table id="t"><tr><td>1</td></tr></table></div>',
    );
  });

  it('leaves HTML alone that closes a table it did not open, or opens one it does not close', () => {
    for (const html of ['</td></tr></table><p>x</p>', '<table><tr><td>', '</table><table><tr><td>1</td></tr></table>']) expect(withTableRegions(html)).toBe(html);
  });
});
