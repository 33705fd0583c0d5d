import { describe, expect, it } from 'vitest';
import { articleRenderFailureMessage, componentLine, failedArticlePage } from '../../../src/lib/build/article-render-failure.ts';

/** The end of Astro's standard error when an MDX expression throws, as Astro 7 writes it. */
const astroTail = (route: string, thrown: string) =>
  [
    `10:55:07 [ERROR] ${thrown}`,
    '    at boom (file:///project/.astro/.prerender/chunks/sub-boom_INq4N_Tk.mjs:4:8)',
    `10:55:07 [ERROR] [build] Caught error rendering ${route}: ${thrown}`,
    'kaboom',
    '  Hint:',
    '    This issue often occurs when your MDX component encounters runtime errors.',
  ].join('\n');

describe('failedArticlePage', () => {
  it('reads the article whose page Astro could not render, and what was thrown', () => {
    expect(failedArticlePage(astroTail('/articles/sub-boom/', 'Error: kaboom'))).toEqual({ slug: 'sub-boom', error: 'Error: kaboom' });
  });

  it('reads a slug outside Latin whether Astro writes it as is or percent-encoded', () => {
    expect(failedArticlePage(astroTail('/articles/café-über/', 'TypeError: x is undefined'))?.slug).toBe('café-über');
    expect(failedArticlePage(astroTail('/articles/caf%C3%A9/', 'Error: x'))?.slug).toBe('café');
  });

  it('leaves a failure on another page, or no page at all, to Astro’s own words', () => {
    expect(failedArticlePage(astroTail('/tags/ai/', 'Error: x'))).toBeUndefined();
    expect(failedArticlePage('[ERROR] [vite] Rollup failed to resolve import')).toBeUndefined();
  });
});

describe('a component that throws', () => {
  const thrown = 'NoMatchingRenderer: Unable to render `Chart`.';
  it('is read by the component Astro names, since Astro reports it as having no renderer', () => {
    expect(failedArticlePage(astroTail('/articles/broken-chart/', thrown))).toEqual({ slug: 'broken-chart', error: thrown, component: 'Chart' });
  });

  it('is found at its first tag in the article, not at a longer name that starts alike', () => {
    const text = '---\ntitle: x\n---\n\n<ChartLegend />\n\nText\n\n<Chart data={[1]} />\n<Chart/>\n';
    expect(componentLine(text, 'Chart')).toBe(9);
    expect(componentLine(text, 'Map')).toBeUndefined();
    expect(componentLine('<ui.Chart />', 'ui.Chart')).toBe(1);
  });
});

describe('articleRenderFailureMessage', () => {
  it('names the file as the check does, what was thrown, and what to do', () => {
    expect(articleRenderFailureMessage({ slug: 'sub-boom', error: 'Error: kaboom' }, { path: 'content/articles/desk/sub-boom.mdx' })).toBe(
      'content/articles/desk/sub-boom.mdx: the MDX threw "Error: kaboom" while its page was built, so the site cannot be built with this article; ' +
        'fix the code between { and } that fails when it runs (npm run dev shows the page with the error), ' +
        'or set draft: true to build the site without it until it is fixed',
    );
  });

  it('names the component that failed, at its line', () => {
    expect(articleRenderFailureMessage({ slug: 'a', error: 'NoMatchingRenderer: Unable to render `Chart`.', component: 'Chart' }, { path: 'a.mdx', line: 12 })).toMatch(
      /^a\.mdx:12: the component <Chart> failed while the page was built \(Astro: "NoMatchingRenderer: Unable to render `Chart`\."\), so the site cannot be built with this article; fix the component or what it is given/,
    );
  });

  it('names the page when the file is not known', () => {
    expect(articleRenderFailureMessage({ slug: 'sub-boom', error: 'Error: kaboom' })).toMatch(/^the article at \/articles\/sub-boom\/: the MDX threw/);
  });

  it('keeps a thrown message that holds a CI command on its one line, inert', () => {
    const message = articleRenderFailureMessage({ slug: 'a', error: 'Error: x\n::error::forged' }, { path: 'a.mdx' });
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/(^|\s)::error/);
  });
});
