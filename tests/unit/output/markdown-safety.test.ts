import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parse } from 'node-html-parser';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { EMBED_SANDBOX } from '../../../src/lib/output/embeds.ts';
import { createIdClaimer, createMarkdownSafetyPlugin, createRawHtmlSanitizer, externalRel, isExternalUrl, underBase } from '../../../src/lib/output/markdown-safety.ts';
import { isSafeUrl } from '../../../src/lib/content/url-scheme.ts';

const SITE = 'https://news.example.org';
/** Ids of a page around the body, as the article template's are. */
const PAGE_IDS = ['main', 'explore-more'];
const sanitize = createRawHtmlSanitizer(SITE);

/** Renders Markdown the way the site does: Astro's Sätteri pipeline with the safety plugin. */
async function render(markdown: string, site = SITE): Promise<string> {
  const processor = await createSatteriMarkdownProcessor({ hastPlugins: [createMarkdownSafetyPlugin({ site, pageIds: PAGE_IDS })] });
  return (await processor.render(markdown)).code;
}

/**
 * Compiles MDX the way Astro does (Sätteri's MDX compiler with the safety plugin) and lists, in order, each value of
 * `attribute` the compiled elements and components are given.
 */
async function compiledAttributes(mdx: string, attribute: string, site: string): Promise<string[]> {
  const { code } = await mdxToJs(mdx, { hastPlugins: [createMarkdownSafetyPlugin({ site, pageIds: PAGE_IDS })], jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
  return [...code.matchAll(new RegExp(`\\b${attribute}: ("(?:[^"\\\\]|\\\\.)*")`, 'g'))].map((match) => JSON.parse(match[1]!));
}

const idsIn = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);

describe('rendered Markdown with raw HTML', () => {
  it('drops scripts, event handlers and javascript: links, and keeps the figure', async () => {
    const html = await render(
      [
        'Intro.',
        '',
        '<script>alert(1)</script>',
        '',
        '<img src=x onerror=alert(1)>',
        '',
        'A <a href="javascript:alert(1)">bad *link*</a> inline.',
        '',
        '<figure>',
        '<img src="https://images.example.com/chart.png" alt="Chart">',
        '<figcaption>Shipments</figcaption>',
        '</figure>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script|alert\(1\)|onerror|javascript:/i);
    expect(html).toContain('<figure>\n<img src="https://images.example.com/chart.png" alt="Chart" />\n<figcaption>Shipments</figcaption>\n</figure>');
    // The inline link keeps its text and emphasis, and is still one element.
    expect(html).toContain('A <a>bad <em>link</em></a> inline.');
  });

  it('drops the code between a script’s or style’s tags written inside a paragraph, and keeps a lone tag’s text', async () => {
    const html = await render("Hello <script>alert('x') *now*</script> world <STYLE media=x>p{}</style >.\n\nUse the <style> element.\n");
    expect(html).toBe('<p>Hello  world .</p>\n<p>Use the  element.</p>\n');
  });

  it('drops a <noscript> or <template> that is a paragraph of its own with that paragraph, leaving no empty one on the page', async () => {
    const html = await render('Before.\n\n<noscript>Enable JavaScript to see the chart.</noscript>\n\n<template><p>Later</p></template>\n\nText <noscript>inline</noscript> stays.\n\nAfter.\n');
    expect(html).toBe('<p>Before.</p>\n\n\n<p>Text  stays.</p>\n<p>After.</p>\n');
  });

  it('drops the list item or quotation a <noscript>, <template> or <script> alone leaves empty, and a list all of whose items went so', async () => {
    expect(await render('- Chips.\n- <noscript>Enable JavaScript.</noscript>\n- <template>x</template> <noscript>y</noscript>\n- <script>track()</script>\n- Boards.\n')).toBe('<ul>\n<li>Chips.</li>\n\n\n\n<li>Boards.</li>\n</ul>\n');
    expect(await render('1. Chips.\n\n2. <noscript>Enable JavaScript.</noscript>\n\n3. Boards.\n')).toBe('<ol>\n<li>\n<p>Chips.</p>\n</li>\n\n<li>\n<p>Boards.</p>\n</li>\n</ol>\n');
    expect(await render('> <noscript>Enable JavaScript.</noscript>\n\n- > <template>x</template>\n\nAfter.\n')).toBe('\n\n<p>After.</p>\n');
    expect(await render('> Said.\n>\n> <noscript>Enable JavaScript.</noscript>\n')).toBe('<blockquote>\n<p>Said.</p>\n\n</blockquote>\n');
  });

  it('keeps a list item or quotation the editor left empty, and one whose text stays beside a dropped element', async () => {
    expect(await render('- Chips.\n- \n- Boards.\n\n> \n\n- Text <noscript>x</noscript>\n')).toBe('<ul>\n<li>Chips.</li>\n<li></li>\n<li>Boards.</li>\n</ul>\n<blockquote>\n</blockquote>\n<ul>\n<li>Text </li>\n</ul>\n');
  });

  it('keeps Markdown inside an HTML block that is opened and closed in separate blocks', async () => {
    const html = await render('<div class="note" onmouseover="x()">\n\n**Note:** illustrative.\n\n</div>\n');
    expect(html).toBe('<div>\n<p><strong>Note:</strong> illustrative.</p>\n</div>\n');
  });

  it('neutralises Markdown links and images with unsafe schemes, whatever their spelling', async () => {
    const html = await render('[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,hi) ![d](javascript:alert(1)) [e](mailto:desk@example.org)');
    expect(html).not.toMatch(/javascript:|data:/i);
    expect(html).toContain('<a href="mailto:desk@example.org">e</a>');
  });

  it('marks links that leave the site, keeps internal ones as they are', async () => {
    const html = await render('[out](https://other.example.com/x) [home](https://news.example.org/tags/ai/) [rel](/articles/x/) <https://auto.example.com/>');
    expect(html).toContain('<a href="https://other.example.com/x" rel="noopener noreferrer">out</a>');
    expect(html).toContain('<a href="https://news.example.org/tags/ai/">home</a>');
    expect(html).toContain('<a href="/articles/x/">rel</a>');
    expect(html).toContain('<a href="https://auto.example.com/" rel="noopener noreferrer">');
  });

  it('puts paths from the site root under its base path, in Markdown and raw HTML alike, and leaves every other URL', async () => {
    const html = await render(
      [
        '[tags](/tags/ai/) [page](other/) [top](#top) [far](https://other.example.com/x) ![logo](/logo.png)',
        '',
        'An <a href="/search/">inline</a> link.',
        '',
        '<picture><source srcset="/logo.png 1x, /logo@2x.png 2x"><img src="/logo.png" alt=""></picture>',
      ].join('\n'),
      'https://news.example.org/desk/',
    );
    const page = parse(html);
    expect(page.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual(['/desk/tags/ai/', 'other/', '#top', 'https://other.example.com/x', '/desk/search/']);
    expect(page.querySelectorAll('img').map((image) => image.getAttribute('src'))).toEqual(['/desk/logo.png', '/desk/logo.png']);
    expect(page.querySelector('source')!.getAttribute('srcset')).toBe('/desk/logo.png 1x, /desk/logo@2x.png 2x');
  });

  it('puts paths from the site root under its base path in MDX’s JSX elements too, leaving expressions and components as written', async () => {
    const mdx = [
      `[Markdown](/tags/ai/), <a href="/tags/">all tags</a>, <a href="//cdn.example.com/x">far</a>, <a href={'/code/'}>code</a>, <a href="other/">near</a>.`,
      '',
      '<img src="/logo.png" srcset="/logo.png 1x, /logo@2x.png 2x" alt="" />',
      '',
      '<Card href="/card/" />',
    ].join('\n');
    const site = 'https://news.example.org/desk/';
    expect(await compiledAttributes(mdx, 'href', site)).toEqual(['/desk/tags/ai/', '/desk/tags/', '//cdn.example.com/x', '/code/', 'other/', '/card/']);
    expect(await compiledAttributes(mdx, 'src', site)).toEqual(['/desk/logo.png']);
    expect(await compiledAttributes(mdx, 'srcset', site)).toEqual(['/desk/logo.png 1x, /desk/logo@2x.png 2x']);
  });

  it('gives a heading of symbols or emoji alone an anchor all the same, never an empty id', async () => {
    expect(await render('## 🚀\n\n## !!!\n\n## Section\n')).toBe('<h2 id="section">🚀</h2>\n<h2 id="section-1">!!!</h2>\n<h2 id="section-2">Section</h2>\n');
  });

  it('shows a body’s level-1 headings as h2, since the headline is the page’s one h1', async () => {
    const html = await render('# What *changed*\n\nSetext\n===\n\n### Detail\n');
    expect(html).toBe('<h2 id="what-changed">What <em>changed</em></h2>\n<h2 id="setext">Setext</h2>\n<h3 id="detail">Detail</h3>\n');
  });

  it('gives headings anchor ids (Astro’s heading-id plugin, still in place alongside ours)', async () => {
    const html = await render('## What changed\n\n## What changed\n');
    expect(html).toContain('<h2 id="what-changed">What changed</h2>');
    expect(html).toContain('<h2 id="what-changed-1">What changed</h2>');
  });
});

describe('ids in rendered Markdown: never one of the page’s, never twice', () => {
  it('numbers a heading anchor that would take a page id, and the heading keeps that anchor', async () => {
    const processor = await createSatteriMarkdownProcessor({ hastPlugins: [createMarkdownSafetyPlugin({ site: SITE, pageIds: PAGE_IDS })] });
    const { code, metadata } = await processor.render('## Explore more\n\n## Main\n\nSee [below](#main-1).\n');
    expect(code).toContain('<h2 id="explore-more-1">Explore more</h2>');
    expect(code).toContain('<h2 id="main-1">Main</h2>');
    // Astro's own heading list (a table of contents' links) names the same anchors.
    expect(metadata.headings.map((heading) => heading.slug)).toEqual(['explore-more-1', 'main-1']);
  });

  it('numbers raw-HTML ids that repeat a page id, a heading anchor or each other, in document order', async () => {
    const html = await render(
      ['## Summary', '', '<div id="explore-more">', '', 'Pasted.', '', '</div>', '', '<p id="summary">Again</p>', '', '<span id="main">a</span> <span id="main">b</span>', '', '## Summary'].join('\n'),
    );
    expect(idsIn(html)).toEqual(['summary', 'explore-more-1', 'summary-1', 'main-1', 'main-2', 'summary-2']);
  });

  it('leaves the footnotes their ids, which their links point at, and numbers a heading or raw-HTML id that repeats one', async () => {
    const processor = await createSatteriMarkdownProcessor({ hastPlugins: [createMarkdownSafetyPlugin({ site: SITE, pageIds: PAGE_IDS })] });
    const { code, metadata } = await processor.render(
      ['## Footnote label', '', 'A claim[^1], cited twice[^1].', '', '### User content fn 1', '', '<p id="user-content-fnref-1">Pasted.</p>', '', '[^1]: The source.'].join('\n'),
    );
    const ids = idsIn(code);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(code).toContain('<h2 id="footnote-label-1">Footnote label</h2>');
    expect(code).toContain('<h3 id="user-content-fn-1-1">User content fn 1</h3>');
    expect(code).toContain('<p id="user-content-fnref-1-1">Pasted.</p>');
    expect(metadata.headings.map((heading) => heading.slug)).toEqual(['footnote-label-1', 'user-content-fn-1-1', 'footnote-label']);

    // Every footnote link has its one target: the note, the reference it came from, the footnotes' label.
    const page = parse(code);
    const target = (id: string) => page.querySelectorAll('[id]').filter((element) => element.id === id);
    const refs = page.querySelectorAll('a[data-footnote-ref]');
    const backRefs = page.querySelectorAll('a[data-footnote-backref]');
    expect([refs.length, backRefs.length]).toEqual([2, 2]);
    for (const ref of refs) {
      expect(target(ref.getAttribute('href')!.slice(1)).map((element) => element.tagName)).toEqual(['LI']);
      expect(target(ref.getAttribute('aria-describedby')!).map((element) => element.text)).toEqual(['Footnotes']);
    }
    expect(backRefs.map((backRef) => target(backRef.getAttribute('href')!.slice(1)).map((ref) => refs.indexOf(ref)))).toEqual([[0], [1]]);
  });

  it('drops class names from raw HTML, so pasted markup cannot borrow the site’s styles', async () => {
    const html = await render('<header class="site-header"><nav class="site-nav">Sign in</nav></header>\n\n<figure class="chart">\n<figcaption class="explore">Chart</figcaption>\n</figure>\n');
    expect(html).not.toContain('class=');
    expect(html).toContain('<figure>\n<figcaption>Chart</figcaption>\n</figure>');
  });

  it('leads pasted ARIA references and cell headers to the article\'s own ids, and drops those that would lead nowhere or to the page\'s parts', async () => {
    const html = await render(
      [
        '## Chart',
        '',
        '<section aria-labelledby="main">Before the lead.</section>',
        '',
        '<div id="main">Pasted lead</div>',
        '',
        '<figure aria-labelledby="caption-1 chart" aria-describedby="credit explore-more">',
        '<img src="https://cdn.example/x.png" alt="A">',
        '<figcaption id="caption-1">Caption</figcaption>',
        '</figure>',
        '',
        '<p aria-describedby="main">About the lead.</p> <button aria-controls="site-search">Search</button>',
        '',
        '<table><tr><th id="h-year">Year</th></tr><tr><td headers="h-year nav-col">2026</td></tr></table>',
      ].join('\n'),
    );
    const page = parse(html);
    const attribute = (selector: string, name: string) => page.querySelector(selector)?.getAttribute(name);
    // Named before the body gives it, main is the page's region: dropped. The pasted lead was given main-1, the page
    // keeping main, and references after it lead there; the figure's caption comes further on.
    expect(attribute('section', 'aria-labelledby')).toBeUndefined();
    expect(attribute('div', 'id')).toBe('main-1');
    expect(attribute('figure', 'aria-labelledby')).toBe('caption-1 chart');
    expect(attribute('figure', 'aria-describedby')).toBeUndefined();
    expect(attribute('p', 'aria-describedby')).toBe('main-1');
    expect(attribute('button', 'aria-controls')).toBeUndefined();
    expect(attribute('td', 'headers')).toBe('h-year');
    // Every reference left has its one target in the article.
    for (const element of page.querySelectorAll('[aria-labelledby], [aria-describedby], [headers]')) {
      for (const id of ['aria-labelledby', 'aria-describedby', 'headers'].flatMap((name) => element.getAttribute(name)?.split(' ') ?? [])) {
        expect(page.querySelectorAll('[id]').filter((target) => target.id === id), id).toHaveLength(1);
      }
    }
  });

  it('leads a pasted block\'s references to its own elements when their ids were renumbered, as two copies of one embed are', async () => {
    const html = await render(
      [
        '## Chart',
        '',
        '<figure aria-labelledby="chart"><img src="https://cdn.example/a.png" alt="A"><figcaption id="chart">Sales by region</figcaption></figure>',
        '',
        '<figure aria-labelledby="dw-title" aria-describedby="dw-note"><h3 id="dw-title">Exports</h3><p id="dw-note">Source: customs</p></figure>',
        '',
        '<figure aria-labelledby="dw-title" aria-describedby="dw-note"><h3 id="dw-title">Imports</h3><p id="dw-note">Source: port</p></figure>',
        '',
        '<p aria-describedby="dw-note">After both charts.</p>',
      ].join('\n'),
    );
    const page = parse(html);
    const labelOf = (figure: ReturnType<typeof page.querySelector>, name: string) =>
      figure!.getAttribute(name)!.split(' ').map((id) => page.querySelectorAll('[id]').find((target) => target.id === id)?.text);
    const [sales, exports, imports] = page.querySelectorAll('figure');
    // Each names its own caption, not the heading or the first copy that took the id before it.
    expect(labelOf(sales, 'aria-labelledby')).toEqual(['Sales by region']);
    expect(labelOf(exports, 'aria-labelledby')).toEqual(['Exports']);
    expect(labelOf(exports, 'aria-describedby')).toEqual(['Source: customs']);
    expect(labelOf(imports, 'aria-labelledby')).toEqual(['Imports']);
    expect(labelOf(imports, 'aria-describedby')).toEqual(['Source: port']);
    // Outside the blocks, an id leads to its first element, as a browser finds it.
    expect(labelOf(page.querySelector('p[aria-describedby]'), 'aria-describedby')).toEqual(['Source: customs']);
  });
});

describe('rendered Markdown whose raw HTML tries to leave the article', () => {
  it('comes out balanced: stray end tags dropped, what it opened closed at the end', async () => {
    const html = await render('Intro.\n\n</div></article></main>\n\n<header><nav><a href="/login">Sign in</a></nav></header>\n\n<main><h1>Breaking</h1>\n\nText <b>bold and never closed.\n');
    expect(html).not.toMatch(/<\/(?:article|main)>|<main|<h1/);
    const opens = (name: string) => html.split(`<${name}`).length - 1;
    const closes = (name: string) => html.split(`</${name}>`).length - 1;
    for (const name of ['div', 'header', 'nav', 'b']) expect(closes(name), `${name} in ${html}`).toBe(opens(name));
  });
});

describe('createRawHtmlSanitizer on the fragments Sätteri hands over', () => {
  it('leaves a lone opening tag open and keeps the end tag that closes it in a later fragment', () => {
    const open: string[] = [];
    expect(sanitize('<a href="https://news.example.org/x" onclick="x()">', open)).toBe('<a href="https://news.example.org/x">');
    expect(open).toEqual(['a']);
    expect(sanitize('</a>', open)).toBe('</a>');
    expect(open).toEqual([]);
    expect(sanitize('<div><p>hi', open)).toBe('<div><p>hi');
    expect(open).toEqual(['div', 'p']);
    expect(sanitize('</script>', open)).toBe('');
  });

  it('drops end tags that close nothing raw HTML opened: the page\'s own containers stay closed by the page', () => {
    expect(sanitize('</div></article></main>')).toBe('');
    const open: string[] = [];
    sanitize('<section><div>', open);
    expect(sanitize('</div></section></article>', open)).toBe('</div></section>');
  });

  it('closes the elements opened inside the one an end tag closes', () => {
    const open: string[] = [];
    sanitize('<div><b>', open);
    expect(sanitize('</div>', open)).toBe('</b></div>');
  });

  it('gives kept elements the ids it is handed, and claims none for elements it drops', () => {
    const claimId = createIdClaimer(['main']);
    expect(sanitize('<script id="chart"></script><div id="main"><p id="chart">x</p></div>', [], claimId)).toBe('<div id="main-1"><p id="chart">x</p></div>');
  });

  it('turns a second <main> and <h1> into ordinary blocks', () => {
    expect(sanitize('<main><h1>Fake</h1></main>')).toBe('<div><h2>Fake</h2></div>');
  });

  it('drops incomplete tags, so an attribute cannot swallow the Markdown after it', () => {
    expect(sanitize('<div title="')).toBe('');
    expect(sanitize('<div\nonmouseover="alert(1)"')).toBe('');
  });

  it('allows only known video embeds in iframes', () => {
    expect(sanitize('<iframe src="https://evil.example.com/x"></iframe>')).toBe('');
    expect(sanitize('<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>')).toBe(
      `<iframe src="https://www.youtube-nocookie.com/embed/abc" sandbox="${EMBED_SANDBOX}" title="Embedded video"></iframe>`,
    );
  });

  it('moves YouTube embeds to youtube-nocookie.com and keeps the editor\'s title but never their sandbox', () => {
    expect(sanitize('<iframe src="https://www.youtube.com/embed/abc?start=5" title="Launch" sandbox="allow-top-navigation"></iframe>')).toBe(
      `<iframe src="https://www.youtube-nocookie.com/embed/abc?start=5" title="Launch" sandbox="${EMBED_SANDBOX}"></iframe>`,
    );
  });

  it('sees through entity-encoded schemes and drops svg and style', () => {
    expect(sanitize('<a href="jav&#x61;script:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitize('<svg onload=alert(1)><circle r="1"/></svg><style>body{display:none}</style>')).toBe('');
  });

  it('adds rel to external links in raw HTML, keeping the editor’s own rel tokens', () => {
    expect(sanitize('<a href="https://other.example.com/" rel="nofollow" target="_blank">x</a>')).toBe(
      '<a href="https://other.example.com/" rel="nofollow noopener noreferrer" target="_blank">x</a>',
    );
  });
});

describe('URL helpers', () => {
  it('isSafeUrl allows relative, http(s) and mailto only, ignoring whitespace tricks', () => {
    for (const url of ['/a/', '#top', 'b.html', 'https://x.example', 'http://x.example', 'mailto:a@b.example']) expect(isSafeUrl(url), url).toBe(true);
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'VBScript:x', 'data:text/html,x']) expect(isSafeUrl(url), url).toBe(false);
  });

  it('isExternalUrl compares origins', () => {
    expect(isExternalUrl('https://other.example.com/', SITE)).toBe(true);
    expect(isExternalUrl('//other.example.com/', SITE)).toBe(true);
    expect(isExternalUrl('https://news.example.org/x', SITE)).toBe(false);
    expect(isExternalUrl('/x', SITE)).toBe(false);
    // Spellings a browser also takes to another host.
    for (const url of ['https:/\\other.example.com/', '/\\other.example.com/x', 'HTTPS://other.example.com']) expect(isExternalUrl(url, SITE), url).toBe(true);
    for (const url of ['x/y', '#top', 'mailto:desk@news.example.org', '?page=2']) expect(isExternalUrl(url, SITE), url).toBe(false);
  });

  it('underBase moves only paths from the site root under the base path', () => {
    expect(underBase('/tags/ai/', '/desk/')).toBe('/desk/tags/ai/');
    expect(underBase('/tags/ai/', '/')).toBe('/tags/ai/');
    for (const url of ['//cdn.example.com/x', '/\\cdn.example.com/x', 'tags/ai/', '#top', 'https://x.example/']) expect(underBase(url, '/desk/'), url).toBe(url);
  });

  it('externalRel merges tokens without duplicates', () => {
    expect(externalRel('noopener')).toEqual(['noopener', 'noreferrer']);
    expect(externalRel(['me'])).toEqual(['me', 'noopener', 'noreferrer']);
    expect(externalRel(undefined)).toEqual(['noopener', 'noreferrer']);
  });
});
