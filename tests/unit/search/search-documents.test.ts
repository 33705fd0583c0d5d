import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_FEATURES } from '../../../src/lib/output/markdown-processor.ts';
import { excerptSafeText } from '../../../src/lib/search/excerpt-text.ts';
import { elementsOpening, markdownOpening, mdxSearchContent, searchDocumentHtml } from '../../../src/lib/search/search-documents.ts';
import { readUnsearchable } from '../../../src/lib/search/unsearchable-meta.ts';

/** What every document carries beside its text: the outlet it is credited to, when it was published and its index. */
const dated = { outlet: 'Newsdesk', published: '2026-11-20T09:00:00.000Z', index: '2026-11/en' };

describe('searchDocumentHtml', () => {
  const hostile = '</h1><script>alert(1)</script> & "quotes"';
  const html = searchDocumentHtml({ ...dated, lang: 'en', title: hostile, description: `${hostile} dek`, date: 'Nov 20, 2026', body: '<h2 id="why">Why</h2><p>Body <em>words</em>.</p>' });
  const document = parse(html);

  it('marks the article for Pagefind: headline and date as metadata, the headline kept out of the excerpt', () => {
    const article = document.querySelector('html[lang="en"] body > article[data-pagefind-body]')!;
    expect(article.getAttribute('data-pagefind-meta')).toBe('date:Nov 20, 2026');
    const headline = article.querySelector('h1')!;
    expect(headline.getAttribute('data-pagefind-meta')).toBe('title');
    expect(headline.hasAttribute('data-pagefind-ignore')).toBe(true);
  });

  it('carries the instant of publication as the sort "published" and as metadata, so results can be put newest first', () => {
    const head = parse(searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', date: 'Nov 20, 2026', body: '' })).querySelector('head')!;
    const sort = head.querySelector('[data-pagefind-sort]')!;
    expect([sort.getAttribute('data-pagefind-sort'), sort.getAttribute('data-pagefind-meta'), sort.getAttribute('content')]).toEqual(['published[content]', 'published[content]', '2026-11-20T09:00:00.000Z']);
  });

  it('carries its index as the filter "index", for the search page to search each index on its own', () => {
    const head = parse(searchDocumentHtml({ ...dated, lang: 'ja', title: 'T', description: 'D', date: 'x', body: '' })).querySelector('head')!;
    expect(head.querySelectorAll('[data-pagefind-filter]').map((meta) => [meta.getAttribute('data-pagefind-filter'), meta.getAttribute('content')])).toEqual([
      ['outlet[content]', 'Newsdesk'],
      ['index[content]', '2026-11/en'],
    ]);
  });

  it('carries the outlet as the filter "outlet", in an attribute, escaped', () => {
    const outlet = `Smith, Jones & Co: "${hostile}"`;
    const withOutlet = searchDocumentHtml({ ...dated, outlet, lang: 'ja', title: 'T', description: 'D', date: 'x', body: '' });
    const filter = parse(withOutlet).querySelector('[data-pagefind-filter^="outlet"]')!;
    expect(filter.getAttribute('data-pagefind-filter')).toBe('outlet[content]');
    expect(filter.getAttribute('content')).toBe(outlet);
    // Quoted, so the name stays one attribute value: no element comes out of it.
    expect(parse(withOutlet).querySelectorAll('script')).toHaveLength(0);
  });

  it('carries the outlet the article page credits as the metadata "outlet", searched, in an attribute, escaped; none for our own reporting', () => {
    const outlet = `Smith, Jones & Co: "${hostile}"`;
    const credited = parse(searchDocumentHtml({ ...dated, outlet, creditedOutlet: outlet, lang: 'en', title: 'T', description: 'D', date: 'x', body: '' }));
    const meta = credited.querySelector('head [data-pagefind-meta^="outlet"]')!;
    expect([meta.getAttribute('data-pagefind-meta'), meta.getAttribute('content')]).toEqual(['outlet[content]', outlet]);
    expect(credited.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelector('[data-pagefind-meta^="outlet"]')).toBeNull();
    // Its words are searched as the article's own are: a symbol-bearing term in its name too.
    const terms = parse(searchDocumentHtml({ ...dated, outlet: 'C# Weekly', creditedOutlet: 'C# Weekly', lang: 'en', title: 'T', description: 'D', date: 'x', body: '' }));
    expect(terms.querySelector('[data-pagefind-meta="terms"]')?.text).toBe('_csharp');
  });

  it("carries the story's headline and page as metadata no query matches, escaped and kept out of the excerpt, only when there is a story", () => {
    const withStory = parse(searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', date: 'Nov 20, 2026', body: '', story: { title: hostile, url: '/desk/stories/s/' } }));
    const [story, url] = ['story', 'story_url'].map((key) => withStory.querySelector(`[data-pagefind-meta="${key}"]`)!);
    expect([story!.text, url!.text].join('')).not.toMatch(/[\p{L}\p{N}]/u);
    expect(readUnsearchable(story!.text)).toBe(hostile);
    expect(readUnsearchable(url!.text)).toBe('/desk/stories/s/');
    expect(story!.hasAttribute('data-pagefind-ignore') && url!.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(withStory.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelector('[data-pagefind-meta="story"]')).toBeNull();
  });

  it("carries the article's language, when it is not the site's, as metadata no query matches, kept out of the excerpt", () => {
    const inGerman = parse(searchDocumentHtml({ ...dated, lang: 'en', textLang: 'de', title: 'T', description: 'D', date: 'Nov 20, 2026', body: '' })).querySelector('[data-pagefind-meta="lang"]')!;
    expect(inGerman.text).not.toMatch(/[\p{L}\p{N}]/u);
    expect(readUnsearchable(inGerman.text)).toBe('de');
    expect(inGerman.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(document.querySelector('[data-pagefind-meta="lang"]')).toBeNull();
  });

  it("carries which way the article's language runs, when not the site's way, as metadata no query matches", () => {
    const inHebrew = parse(searchDocumentHtml({ ...dated, lang: 'en', textLang: 'he', textDir: 'rtl', title: 'T', description: 'D', date: 'Nov 20, 2026', body: '' })).querySelector('[data-pagefind-meta="dir"]')!;
    expect(inHebrew.text).not.toMatch(/[\p{L}\p{N}]/u);
    expect(readUnsearchable(inHebrew.text)).toBe('rtl');
    expect(inHebrew.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(document.querySelector('[data-pagefind-meta="dir"]')).toBeNull();
  });

  it("carries the language of the story's headline, when it is not the site's, as metadata no query matches", () => {
    const story = { title: 'Google ו-AWS מתחרות', url: '/stories/s/', lang: 'he', dir: 'rtl' as const };
    const other = parse(searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', date: 'x', body: '', story }));
    const [lang, dir] = ['story_lang', 'story_dir'].map((key) => other.querySelector(`[data-pagefind-meta="${key}"]`)!);
    expect([lang!.text, dir!.text].join('')).not.toMatch(/[\p{L}\p{N}]/u);
    expect([readUnsearchable(lang!.text), readUnsearchable(dir!.text)]).toEqual(['he', 'rtl']);
    expect(lang!.hasAttribute('data-pagefind-ignore') && dir!.hasAttribute('data-pagefind-ignore')).toBe(true);
    const inSiteLanguage = parse(searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', date: 'x', body: '', story: { title: 'S', url: '/stories/s/' } }));
    expect(inSiteLanguage.querySelector('[data-pagefind-meta="story_lang"], [data-pagefind-meta="story_dir"]')).toBeNull();
  });

  it("gives the story's lead, whose headline is the story's, what else covers it in place of the story's headline", () => {
    const lead = parse(searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', date: 'x', body: '', story: { title: 'T', url: '/stories/t/', more: `and 2 more from ${hostile}` } }));
    expect(readUnsearchable(lead.querySelector('[data-pagefind-meta="story_more"]')!.text)).toBe(`and 2 more from ${hostile}`);
    expect(lead.querySelector('[data-pagefind-meta="story_more"]')!.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(readUnsearchable(lead.querySelector('[data-pagefind-meta="story_url"]')!.text)).toBe('/stories/t/');
    expect(lead.querySelector('[data-pagefind-meta="story"]')).toBeNull();
    expect(lead.querySelectorAll('script')).toHaveLength(0);
  });

  it('carries the words of the symbol-bearing terms the headline, dek, body or tags mention as metadata, kept out of the excerpt', () => {
    const terms = (fields: { title?: string; description?: string; tags?: string[]; body?: Parameters<typeof searchDocumentHtml>[0]['body'] }) =>
      parse(searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', date: 'x', body: '', ...fields })).querySelector('[data-pagefind-meta="terms"]');
    const found = terms({ title: 'C# 14 ships', description: 'With .NET 10.', body: '<p>Ported from C++ and <code>F#</code>.</p>' })!;
    expect(found.text).toBe('_csharp _cplusplus _fsharp _dotnet');
    expect(found.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(terms({ tags: ['C#'] })?.text).toBe('_csharp');
    expect(terms({ body: mdxSearchContent('Written in <Note>C++</Note>.', MARKDOWN_FEATURES) })?.text).toBe('_cplusplus');
    expect(terms({ title: 'The C compiler', description: 'Net gains at example.net.', body: '<p>ASP.NET</p>' })).toBeNull();
  });

  it("carries, in an index the site's stemmer does not make, the site-language stems of its words that do not begin them, as metadata kept out of the excerpt", () => {
    const stems = (lang: string, fields: { tags?: string[]; authors?: string[]; body?: string }) =>
      parse(searchDocumentHtml({ ...dated, lang, queryLang: 'en-GB', title: 'Privacy 規則', description: 'D', date: 'x', body: '', ...fields })).querySelector('[data-pagefind-meta="stems"]');
    const found = stems('ja', { tags: ['Industry'], authors: ['Yuki Kennedy'], body: '<p class="energy">半導体 supply chains</p>' })!;
    expect(found.text).toBe('privaci suppli industri kennedi');
    expect(found.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(stems('en-GB', { tags: ['Industry'] })).toBeNull();
    expect(stems('ja', { tags: ['Security', 'Chips'] })?.text).toBe('privaci');
  });

  it('indexes the byline as the page reads it, escaped, and writes none for an article without authors', () => {
    const article = (authors: string[]) => parse(searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', authors, date: 'x', body: '' })).querySelector('article')!;
    const bylined = article(['Marc Dupré', hostile, 'Priya Raman']);
    expect(bylined.querySelectorAll('p').map((p) => p.text)).toEqual([`By Marc Dupré, ${hostile} and Priya Raman`, 'D']);
    expect(bylined.querySelectorAll('script')).toHaveLength(0);
    expect(article([]).querySelectorAll('p').map((p) => p.text)).toEqual(['D']);
  });

  it('indexes the tags after the body, escaped, and writes none for an article without them', () => {
    const article = (tags: string[]) => parse(searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', tags, date: 'x', body: '<p>Body</p>' })).querySelector('article')!;
    const tagged = article(['Fintech', hostile, '日本']);
    expect(tagged.querySelectorAll('p').map((p) => p.text)).toEqual(['D', 'Body', `Fintech, ${hostile} and 日本`]);
    expect(tagged.querySelectorAll('script')).toHaveLength(0);
    expect(article([]).querySelectorAll('p').map((p) => p.text)).toEqual(['D', 'Body']);
  });

  it('escapes headline and dek, so they stay text', () => {
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelector('h1')!.text).toBe(hostile);
    expect(document.querySelector('article > p')!.text).toBe(`${hostile} dek`);
  });

  it('keeps the rendered body as it is, after the dek', () => {
    expect(document.querySelector('article > h2#why')!.text).toBe('Why');
    expect(document.querySelectorAll('article > p').map((paragraph) => paragraph.text)).toEqual([`${hostile} dek`, 'Body words.']);
  });

  it('writes the dek and body, which excerpts show, excerpt-safe, and the metadata, which the template escapes, as it is', () => {
    const written = '&lt;script&gt; &copy 2026 AT&T';
    const [markdownBody, mdxBody] = ['<p>&amp;lt;script&amp;gt; &amp;copy 2026 AT&amp;T</p>', mdxSearchContent('&amp;lt;script&amp;gt; &amp;copy 2026 AT&T', MARKDOWN_FEATURES)];
    for (const body of [markdownBody, mdxBody]) {
      const indexed = parse(searchDocumentHtml({ ...dated, lang: 'en', title: written, description: written, date: 'Nov 20, 2026', body, story: { title: written, url: '/s/' } }));
      expect(indexed.querySelectorAll('article > p:not([data-pagefind-meta])').map((paragraph) => paragraph.text)).toEqual([excerptSafeText(written), excerptSafeText(written)]);
      expect([indexed.querySelector('h1')!.text, readUnsearchable(indexed.querySelector('[data-pagefind-meta="story"]')!.text)]).toEqual([written, written]);
    }
  });
});

describe('mdxSearchContent', () => {
  const render = (body: string) => searchDocumentHtml({ ...dated, lang: 'en', title: 'T', description: 'D', date: 'Nov 20, 2026', body: mdxSearchContent(body, MARKDOWN_FEATURES) });
  const mdx = [
    "import Callout from '../../components/Callout.astro';",
    "export const desk = 'fintech';",
    '',
    '## The bank\'s view',
    '',
    'Some **bold** words and {desk} an expression.',
    '',
    '<Callout kind="note">Inside the *callout*.</Callout>',
    '',
    '| a | b |',
    '| - | - |',
    '| 1 | 2 |',
  ].join('\n');
  const document = parse(render(mdx));

  it('keeps the prose, with Markdown structure and the site’s curly quotes', () => {
    expect(document.querySelector('article h2')!.text).toBe('The bank’s view');
    expect(document.querySelector('article strong')!.text).toBe('bold');
    expect(document.querySelectorAll('article td').map((cell) => cell.text)).toEqual(['1', '2']);
  });

  it('drops imports, exports and expressions, which are code, and keeps the text inside components', () => {
    const text = document.querySelector('article')!.text;
    expect(text).not.toMatch(/import|export|fintech|Callout|\{/);
    expect(text).toContain('Some bold words and  an expression.');
    expect(text).toContain('Inside the callout.');
  });
});

describe('markdownOpening', () => {
  const words = (count: number, word = 'word') => Array.from({ length: count }, () => word).join(' ');

  it('keeps whole blocks from the start until they hold the words asked for', () => {
    const body = `${words(3, 'alpha')}\n\n## A heading\n\n${words(3, 'beta')}\n${words(2, 'gamma')}\n\n${words(4, 'delta')}\n`;
    expect(markdownOpening(body, 3)).toBe(words(3, 'alpha'));
    expect(markdownOpening(body, 4)).toBe(`${words(3, 'alpha')}\n\n## A heading`);
    expect(markdownOpening(body, 6)).toBe(`${words(3, 'alpha')}\n\n## A heading\n\n${words(3, 'beta')}\n${words(2, 'gamma')}`);
    expect(markdownOpening(body, 100)).toBe(body);
  });

  it('never cuts inside fenced code, and counts no words in it', () => {
    const body = `${words(2, 'alpha')}\n\n\`\`\`js\nconst a = 1;\n\nconst b = 2;\n\`\`\`\n\n${words(2, 'beta')}\n\n${words(2, 'gamma')}`;
    expect(markdownOpening(body, 3)).toBe(`${words(2, 'alpha')}\n\n\`\`\`js\nconst a = 1;\n\nconst b = 2;\n\`\`\`\n\n${words(2, 'beta')}`);
  });

  it('gives nothing for 0 words only when the body starts with a blank line', () => {
    expect(markdownOpening('\nFirst paragraph.\n\nSecond.', 0)).toBe('');
    expect(markdownOpening('First paragraph.\n\nSecond.', 0)).toBe('First paragraph.');
  });
});

describe('elementsOpening', () => {
  it('keeps whole elements from the start until they hold the words asked for', () => {
    const elements = mdxSearchContent('Alpha beta gamma.\n\n<Aside>\n\nDelta *epsilon*.\n\n</Aside>\n\nZeta eta.\n', MARKDOWN_FEATURES);
    const text = (count: number) => parse(searchDocumentHtml({ ...dated, lang: 'en', title: 't', description: 'd', date: 'x', body: elementsOpening(elements, count) })).querySelector('article')!.text;
    expect(text(3)).toContain('Alpha beta gamma.');
    expect(text(3)).not.toContain('Delta');
    expect(text(4)).toContain('Delta epsilon.');
    expect(text(4)).not.toContain('Zeta');
    expect(text(100)).toContain('Zeta eta.');
  });
});
