/**
 * Article bodies in a real build of tests/fixtures/article-bodies: plain Markdown, Markdown with a picture in its
 * body, Markdown whose headings and pasted HTML use the page's own ids and classes, Markdown whose headings and
 * pasted HTML use its footnotes' ids, and MDX with a component; a Markdown and an MDX one with tables. Each page shows its body as Astro renders it (code
 * coloured, the picture optimised, the component rendered), while Astro's content cache, written as one string that
 * an engine limit caps, holds no rendered HTML for plain Markdown.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/article-bodies', now: '2026-12-01T00:00:00Z' });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
});
afterAll(() => site?.cleanup());

const body = (slug: string) => site.html(`articles/${slug}/`).querySelector('article')!;

/** Each table of a body, as the region around it: its role, whether Tab reaches it, and its name. */
const tableRegions = (slug: string) =>
  body(slug)
    .querySelectorAll('.prose table')
    .map((table) => table.parentNode)
    .map((region) => [region?.getAttribute('role'), region?.getAttribute('tabindex'), region?.getAttribute('aria-label')]);

describe('a plain Markdown article', () => {
  it('shows its body with heading anchors, coloured code and marked external links', () => {
    const article = body('compiler-flags-default');
    expect(article.text).toContain('Both compilers will refuse out-of-range writes in their next releases');
    expect(article.querySelector('h2#what-changes-for-builds')!.text).toBe('What changes for builds');
    const code = article.querySelector('pre.astro-code')!;
    expect(code.classList.contains('catppuccin-mocha')).toBe(true);
    expect(code.getAttribute('style')).toContain('background-color:#1e1e2e');
    // The parser keeps a <pre>'s content as text: its markup is read as written.
    expect(code.innerHTML.match(/<span style="color:#[0-9A-F]{6}">/g)!.length).toBeGreaterThan(3);
    expect(code.innerHTML.replace(/<[^>]+>/g, '')).toContain('return values[3];');
    const link = article.querySelector('a[href="https://compilers.example.org/notes"]')!;
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('puts each table, Markdown’s or pasted HTML’s, in a region Tab reaches, named after its caption or else its heading', () => {
    expect(tableRegions('compiler-flags-default')).toEqual([
      ['region', '0', 'Release dates'],
      ['region', '0', 'Flags & their defaults'],
    ]);
  });

  it('is not kept as rendered HTML in Astro’s content cache, only its front matter', () => {
    const store = readFileSync(join(site.outDir, '..', 'cache', 'data-store.json'), 'utf8');
    expect(store).toContain('Compilers turn on bounds checks by default');
    expect(store).not.toContain('Both compilers will refuse');
    expect(store).not.toContain('astro-code');
  });
});

describe('every article page', () => {
  it('reads byte for byte as when Astro renders each body itself (`astro build` alone), though the search step rendered the Markdown ones', async () => {
    const alone = await buildSite({ contentDir: 'tests/fixtures/article-bodies', now: '2026-12-01T00:00:00Z', astroOnly: true });
    try {
      if (alone.exitCode !== 0) throw new Error(`astro build failed:\n${alone.stderr}\n${alone.stdout}`);
      const slugs = ['compiler-flags-default', 'footnoted-heading-names', 'pasted-site-parts', 'cable-ship-repairs', 'satellite-broadband-explainer'];
      for (const slug of slugs) expect(site.read(`articles/${slug}/`), slug).toBe(alone.read(`articles/${slug}/`));
    } finally {
      alone.cleanup();
    }
  });
});

describe('a Markdown article with a picture in its body', () => {
  it('shows the picture through the image pipeline, with its size', () => {
    const article = body('cable-ship-repairs');
    expect(article.text).toContain('Traffic returned to the link on Sunday evening.');
    const picture = article.querySelector('img[alt="The repair vessel, in placeholder blue"]')!;
    expect(picture.getAttribute('src')).toMatch(/^\/_astro\/cable-ship\.[\w-]+\.webp$/);
    expect(site.exists(picture.getAttribute('src')!)).toBe(true);
    expect([picture.getAttribute('width'), picture.getAttribute('height')]).toEqual(['64', '40']);
  });
});

describe('a Markdown article whose headings and pasted HTML use the page’s own ids and classes', () => {
  const page = () => site.html('articles/pasted-site-parts/');

  it('has no id twice on its page: the skip link and "Explore more" keep their own targets', () => {
    const ids = page().querySelectorAll('[id]').map((element) => element.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(page().querySelector('a.skip-link')!.getAttribute('href')).toBe('#main');
    expect(page().querySelector('#main')!.tagName).toBe('MAIN');
    expect(page().querySelector('#explore-more')!.closest('aside')?.getAttribute('aria-labelledby')).toBe('explore-more');
  });

  it('numbers the body’s ids instead, in document order, and drops the classes pasted with its HTML', () => {
    const prose = page().querySelector('.prose')!;
    expect(prose.querySelectorAll('[id]').map((element) => `${element.tagName.toLowerCase()}#${element.id}`)).toEqual(['h2#main-1', 'div#explore-more-1', 'h2#explore-more-2', 'p#main-2']);
    expect(prose.querySelectorAll('[class]')).toHaveLength(0);
    expect(page().querySelectorAll('.site-header')).toHaveLength(1);
  });
});

describe('a Markdown article with footnotes, whose headings and pasted HTML take the footnotes\' ids', () => {
  it('has no id twice on its page: the body gives way to the footnotes, and every footnote link has its one target', () => {
    const html = site.html('articles/footnoted-heading-names/');
    const ids = html.querySelectorAll('[id]').map((element) => element.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const prose = html.querySelector('.prose')!;
    expect(prose.querySelectorAll('h2').map((heading) => heading.id)).toEqual(['footnote-label-1', 'user-content-fn-1-1', 'footnote-label']);
    expect(prose.querySelector('p[id]')!.id).toBe('user-content-fnref-tests-1');
    const target = (id: string) => html.querySelectorAll('[id]').filter((element) => element.id === id);
    const refs = prose.querySelectorAll('a[data-footnote-ref]');
    expect(refs.map((ref) => target(ref.getAttribute('href')!.slice(1)).map((note) => note.text.trim().replace(/\s*↩.*$/s, '')))).toEqual([
      ['Notice from the vendor, 12 November.'],
      ['Tests run by the auditors.'],
      ['Notice from the vendor, 12 November.'],
    ]);
    for (const ref of refs) expect(target(ref.getAttribute('aria-describedby')!).map((label) => label.closest('section')?.hasAttribute('data-footnotes'))).toEqual([true]);
    // Each note links back to the references to it, in the body's order.
    const backRefs = prose.querySelectorAll('a[data-footnote-backref]');
    expect(backRefs.map((backRef) => target(backRef.getAttribute('href')!.slice(1)).map((ref) => refs.indexOf(ref)))).toEqual([[0], [2], [1]]);
  });
});

describe('an MDX article', () => {
  it('shows its body with its component rendered', () => {
    const article = body('satellite-broadband-explainer');
    expect(article.text).toContain('A terminal switches satellites every few minutes.');
    expect(article.querySelector('aside.explainer-note')!.text).toBe('Handovers are planned ahead from published orbits.');
  });

  it('puts the tables it writes as JSX in named regions that Tab reaches, as a Markdown article’s', () => {
    expect(tableRegions('satellite-broadband-explainer')).toEqual([
      ['region', '0', 'Handover times'],
      ['region', '0', 'Terminals by band'],
    ]);
  });
});
