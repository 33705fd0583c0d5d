import { bundledThemes, normalizeTheme } from 'shiki';
import { describe, expect, it, vi } from 'vitest';
import { CODE_THEME, createArticleBodyRenderer, createMarkdownToHtml } from '../../../src/lib/output/markdown-processor.ts';
import { ARTICLE_PAGE_IDS } from '../../../src/lib/site/page-ids.ts';

describe('createMarkdownToHtml (the pages’ processor, for the search index)', async () => {
  const toHtml = await createMarkdownToHtml('https://news.example.org');

  it('renders as the pages do: curly quotes, tables, heading ids', async () => {
    const html = await toHtml('## The bank\'s "view"\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(html).toContain('<h2 id="the-banks-view">The bank’s “view”</h2>');
    expect(html).toContain('<td>1</td>');
  });

  it('sanitises raw HTML with the same plugin', async () => {
    const html = await toHtml('<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:alert(1)">x</a></p>');
    expect(html).not.toMatch(/onclick|<script|javascript:/);
    expect(html).toContain('Hi');
  });

  it('leaves code unhighlighted: the words, without colour markup', async () => {
    const html = await toHtml('```js\nconst answer = 42;\n```\n');
    expect(html).toContain('const answer = 42;');
    expect(html).not.toContain('style=');
  });
});

describe('createArticleBodyRenderer (bodies rendered with their pages)', async () => {
  const render = await createArticleBodyRenderer('https://news.example.org');

  it('colours code with the site’s Shiki theme, as Astro does for Markdown', async () => {
    const html = await render('```js\nconst answer = 42;\n```\n');
    expect(html).toMatch(/^<pre class="astro-code catppuccin-mocha" style="background-color:#1e1e2e;/);
    expect(html).toMatch(/<span style="color:#[0-9A-F]{6}">const<\/span>/);
  });

  it('colours code alike however busy the machine: a line is not given up after Shiki’s half second', async () => {
    // A starved machine, as Shiki's clock sees it: a second passes between any two readings.
    let clock = Date.UTC(2026, 11, 1);
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1000));
    try {
      const html = await render('```ts\nexport const late: number = 42;\n```\n');
      expect(html).toMatch(/<span style="color:#[0-9A-F]{6}">export<\/span>/);
    } finally {
      now.mockRestore();
    }
  });

  it('keeps every id of the body off the ids the article page uses', async () => {
    const pageIds: string[] = Object.values(ARTICLE_PAGE_IDS);
    const headings = ['Main', 'Explore more', 'Story coverage'].map((text) => `## ${text}`);
    const rawIds = pageIds.map((id) => `<div id="${id}">x</div>`);
    const html = await render([...headings, ...rawIds].join('\n\n'));
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(6);
    expect(ids.filter((id) => pageIds.includes(id!))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the safety plugin: raw HTML sanitised, links elsewhere marked external', async () => {
    const html = await render('<p onclick="steal()">Hi</p>\n\n[elsewhere](https://example.com/) and [home](https://news.example.org/)');
    expect(html).not.toContain('onclick');
    expect(html).toContain('<a href="https://example.com/" rel="noopener noreferrer">elsewhere</a>');
    expect(html).toContain('<a href="https://news.example.org/">home</a>');
  });
});

describe('a body without code blocks (the search step hands its page rendering to the search index as it is)', async () => {
  const forPage = await createArticleBodyRenderer('https://news.example.org');
  const forSearch = await createMarkdownToHtml('https://news.example.org');
  const file = new URL('file:///srv/content/articles/2026/a.md');

  it.each([
    ['prose, links, quotes', '## The bank\'s "view"\n\nA [link](https://example.com/) and [home](/tags/ai/), `inline code` & AT&amp;T.\n'],
    ['a table, a list and a quotation', '| a | b |\n| - | - |\n| 1 | 2 |\n\n- one\n- [x] two\n\n> quoted, "again"\n'],
    ['raw HTML the sanitiser rewrites', '<p onclick="steal()">Hi <b>there</b></p>\n\n<details><summary>More</summary>\n\nText[^1]\n\n</details>\n\n[^1]: A note.\n'],
  ])('reads the same for the page and the index: %s', async (_what, body) => {
    for (const lang of [undefined, 'de', 'he']) expect(await forPage(body, file, lang)).toBe(await forSearch(body, lang));
  });

  it('a code block is what tells them apart, by a <pre> in the page’s rendering', async () => {
    const body = 'Text.\n\n```js\nconst answer = 42;\n```\n';
    expect(await forPage(body, file)).toContain('<pre');
    expect(await forPage(body, file)).not.toBe(await forSearch(body));
  });
});

/** WCAG 2's contrast ratio of two #rrggbb colours, from their relative luminance. */
function contrastRatio(first: string, second: string): number {
  const luminance = (hex: string) => {
    const [red, green, blue] = [1, 3, 5].map((at) => {
      const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
  };
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}

describe('CODE_THEME', () => {
  it('gives code only colours that meet WCAG’s 4.5:1 against the code block’s background', async () => {
    // The theme as Shiki reads it: code is painted in token foregrounds on the theme's one background.
    const theme = normalizeTheme((await bundledThemes[CODE_THEME]()).default);
    const colours = [...new Set([theme.fg, ...theme.settings.flatMap((rule) => rule.settings.foreground ?? [])])];
    expect(colours.length).toBeGreaterThan(10);
    for (const colour of colours) {
      expect(colour, colour).toMatch(/^#[\da-f]{6}$/i);
      expect(contrastRatio(colour, theme.bg), `${colour} on ${theme.bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
