import { parse } from 'node-html-parser';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { createMarkdownSafetyPlugin } from '../../../src/lib/output/markdown-safety.ts';
import { createArticleBodyRenderer, createMarkdownToHtml } from '../../../src/lib/output/markdown-processor.ts';
import { createTableRegions } from '../../../src/lib/output/scrolling-tables.ts';

/** Each outermost table of the rendered body, as the element around it and the table's first cell. */
function tablesIn(html: string): Array<{ around: Record<string, string>; firstCell: string }> {
  return parse(html)
    .querySelectorAll('table')
    .filter((table) => !table.parentNode?.closest('table'))
    .map((table) => ({ around: table.parentNode?.attributes ?? {}, firstCell: table.querySelector('th, td')!.text }));
}

const region = (name: string) => ({ class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': name });
/** What screen readers announce each table's region as, in order. */
const regionNames = (html: string) => parse(html).querySelectorAll('.table-scroll').map((element) => element.getAttribute('aria-label'));

describe('tables in article bodies', async () => {
  const toHtml = await createMarkdownToHtml('https://news.example.org');

  it('are each put in a focusable region, Markdown and raw HTML tables alike', async () => {
    const html = await toHtml('| a | b |\n| - | - |\n| 1 | 2 |\n\n<table><tr><td>raw</td></tr></table>\n<table><tr><td>second<table><tr><td>nested</td></tr></table></td></tr></table>\n');
    expect(tablesIn(html)).toEqual([
      { around: region('Table'), firstCell: 'a' },
      { around: region('Table (2)'), firstCell: 'raw' },
      { around: region('Table (3)'), firstCell: 'secondnested' },
    ]);
    // A table inside a table's cell scrolls with it.
    expect(parse(html).querySelectorAll('.table-scroll')).toHaveLength(3);
  });

  it('name their region after the table’s caption, else the heading the table sits under, else “Table”', async () => {
    const html = await toHtml(
      [
        '| before any heading |\n| - |\n| 1 |',
        '## Prices by *region*',
        '| a |\n| - |\n| 1 |',
        '<table>\n  <caption>Fees &amp; <em>"charges"</em>, 2026</caption>\n  <tr><td>1</td></tr>\n</table>',
        '<table><tr><td><table><caption>Inner</caption><tr><td>1</td></tr></table></td></tr></table>',
        '<h3>Raw <b>heading</b></h3>',
        '| b |\n| - |\n| 2 |',
        '### Quotes "and" <angles>',
        '<table><tr><td>1</td></tr></table>',
      ].join('\n\n'),
    );
    expect(regionNames(html)).toEqual(['Table', 'Prices by region', 'Fees & "charges", 2026', 'Prices by region (2)', 'Raw heading', 'Quotes “and”']);
  });

  it('give two regions of one body the same name only once, numbering the later ones', async () => {
    const html = await toHtml(['| 1 |\n| - |', '| 2 |\n| - |', '## Prices', '| 3 |\n| - |', '<table><tr><td>4</td></tr></table>', '<table><caption>Prices</caption><tr><td>5</td></tr></table>'].join('\n\n'));
    expect(regionNames(html)).toEqual(['Table', 'Table (2)', 'Prices', 'Prices (2)', 'Prices (3)']);
  });

  it('leave a raw HTML table opened in one block and closed in another as it is, whole and on its own', async () => {
    const html = await toHtml('<table>\n<tr><td>split</td></tr>\n\n</table>\n\nAfter.\n');
    expect(html).not.toContain('table-scroll');
    expect(parse(html).querySelector('table')?.text.trim()).toBe('split');
  });
});

describe('a table with neither caption nor heading, in an article in another language', async () => {
  const render = await createArticleBodyRenderer('https://news.example.org');
  const body = '| a |\n| - |\n| 1 |\n\n<table><tr><td>raw</td></tr></table>\n';

  it('is named in the article’s language, which the screen reader speaks it in', async () => {
    expect(regionNames(await render(body, undefined, 'de'))).toEqual(['Tabelle', 'Tabelle (2)']);
    expect(regionNames(await render(body, undefined, 'he'))).toEqual(['טבלה', 'טבלה (2)']);
    expect(regionNames(await render(body, undefined, 'zh-Hant-TW'))).toEqual(['表格', '表格 (2)']);
  });

  it('is named in English, the site’s language, when the article gives none or one the site has no word for', async () => {
    expect(regionNames(await render(body))).toEqual(['Table', 'Table (2)']);
    expect(regionNames(await render(body, undefined, 'sw'))).toEqual(['Table', 'Table (2)']);
  });

  it('is named after the heading it sits under with the heading’s quotation marks as the article writes them', async () => {
    const html = await render('## Der "neue" Plan\n\n| a |\n| - |\n| 1 |\n', undefined, 'de');
    expect(parse(html).querySelector('h2')!.text).toBe('Der „neue“ Plan');
    expect(regionNames(html)).toEqual(['Der „neue“ Plan']);
  });

  it('is named from the front matter Astro hands an MDX body', async () => {
    const { code } = await mdxToJs('<table><tr><td>x</td></tr></table>', {
      hastPlugins: [createMarkdownSafetyPlugin({ site: 'https://news.example.org', pageIds: [], tableRegions: createTableRegions })],
      data: { astro: { frontmatter: { lang: 'fr-CA' }, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
    });
    expect(code).toContain('"aria-label": "Tableau"');
  });
});

describe('tables an MDX body writes as JSX', () => {
  /** The compiled body's regions, as each one's name and the element it holds, in order. */
  async function compiledRegions(mdx: string): Promise<string[]> {
    const { code } = await mdxToJs(mdx, { hastPlugins: [createMarkdownSafetyPlugin({ site: 'https://news.example.org', pageIds: [], tableRegions: createTableRegions })], jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
    return [...code.matchAll(/class: "table-scroll",\s*role: "region",\s*tabindex: "0",\s*"aria-label": ("(?:[^"\\]|\\.)*"),\s*children: _jsxs?\(_components\.(\w+)/g)].map((match) => `${JSON.parse(match[1]!)} > ${match[2]}`);
  }

  it('are put in named regions as Markdown’s are, within a line or a component too, and a table in another’s cell scrolls with it', async () => {
    const regions = await compiledRegions(
      [
        '## Results',
        '| a |\n| - |\n| 1 |',
        '<table>\n  <caption>Prices</caption>\n  <tr><td>x</td></tr>\n</table>',
        '<div>\n  <h3>Inside a box</h3>\n  <table><tr><td>inner</td></tr></table>\n</div>',
        '<table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table>',
        '<Chart><table><tr><td>component</td></tr></table></Chart>',
        'A line with <table><tr><td>inline</td></tr></table> in it.',
      ].join('\n\n'),
    );
    expect(regions).toEqual(['Results > table', 'Prices > table', 'Inside a box > table', 'Inside a box (2) > table', 'Inside a box (3) > table', 'Inside a box (4) > table']);
  });
});

describe('createTableRegions().rawHtml', () => {
  it('wraps each outermost table and nothing around it', () => {
    expect(createTableRegions().rawHtml('<p>x</p><table id="t"><tr><td>1</td></tr></table>')).toBe(
      '<p>x</p><div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table id="t"><tr><td>1</td></tr></table></div>',
    );
  });

  it('leaves HTML alone that closes a table it did not open, or opens one it does not close', () => {
    for (const html of ['</td></tr></table><p>x</p>', '<table><tr><td>', '</table><table><tr><td>1</td></tr></table>']) expect(createTableRegions().rawHtml(html)).toBe(html);
  });

  it('names a table after its own caption wherever the table has it, as a browser reads it, and not after a nested table’s', () => {
    const tables = createTableRegions();
    tables.heading('Section');
    expect(tables.rawHtml('<table><tr><td>1</td></tr><caption>Late</caption></table>')).toContain('aria-label="Late"');
    expect(tables.rawHtml('<table><tr><td><table><caption>Inner</caption></table></td></tr></table>')).toContain('aria-label="Section"');
  });

  it('names a later table after a heading in a block it left as it is, and counts no region for that block', () => {
    const tables = createTableRegions();
    tables.rawHtml('<h2>Later</h2><table><tr><td>1</td></tr></table></table>');
    expect(tables.rawHtml('<table><tr><td>1</td></tr></table>')).toContain('aria-label="Later"');
  });
});
