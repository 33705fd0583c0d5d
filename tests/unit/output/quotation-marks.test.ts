import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { createArticleBodyRenderer, MARKDOWN_FEATURES } from '../../../src/lib/output/markdown-processor.ts';
import { createMarkdownSafetyPlugin } from '../../../src/lib/output/markdown-safety.ts';

describe("quotation marks in an article body, as the article's language writes them", async () => {
  const render = await createArticleBodyRenderer('https://news.example.org');
  const toHtml = (body: string, lang?: string) => render(body, undefined, lang);

  it('are German’s in a German article, a quotation inside a quotation included', async () => {
    expect(await toHtml('Er sagte: "Das ist *\'neu\'*", nicht mehr.\n', 'de')).toBe('<p>Er sagte: „Das ist <em>‚neu‘</em>“, nicht mehr.</p>\n');
  });

  it('are guillemets set off by narrow no-break spaces in French, and an apostrophe stays one', async () => {
    expect(await toHtml('Il a dit "l\'État paiera".\n', 'fr')).toBe('<p>Il a dit «\u202Fl’État paiera\u202F».</p>\n');
  });

  it('follow the region where it writes its own (Swiss German), else the language (Austrian German)', async () => {
    expect(await toHtml('"Grüezi" und \'so\'\n', 'de-CH')).toBe('<p>«Grüezi» und ‹so›</p>\n');
    expect(await toHtml('"Servus"\n', 'de-AT')).toBe('<p>„Servus“</p>\n');
  });

  it('are Italian’s, Spanish’s, Polish’s, Swedish’s and Japanese’s in theirs', async () => {
    expect(await toHtml('"Sì"\n', 'it')).toBe('<p>«Sì»</p>\n');
    expect(await toHtml('"Sí"\n', 'es')).toBe('<p>«Sí»</p>\n');
    expect(await toHtml('"Tak"\n', 'pl')).toBe('<p>„Tak”</p>\n');
    expect(await toHtml('"Ja"\n', 'sv')).toBe('<p>”Ja”</p>\n');
    expect(await toHtml('彼は"はい"と言った。\n', 'ja')).toBe('<p>彼は「はい」と言った。</p>\n');
  });

  it('an apostrophe ending a word stays one, unless it closes a quote opened in its paragraph', async () => {
    expect(await toHtml("Die 'Kunden' Bücher und der Kunden' Rest\n\nDer Autos' Preis\n", 'de')).toBe('<p>Die ‚Kunden‘ Bücher und der Kunden’ Rest</p>\n<p>Der Autos’ Preis</p>\n');
  });

  it('are left as the editor typed them when the body has curly ones of its own', async () => {
    expect(await toHtml('Er sagte „Hallo“ und "tschüss".\n', 'de')).toBe('<p>Er sagte „Hallo“ und “tschüss”.</p>\n');
    expect(await toHtml('彼は“はい”と言った。\n', 'ja')).toBe('<p>彼は“はい”と言った。</p>\n');
  });

  it('leave a Hebrew abbreviation quoted in a German article straight, beside German marks in the same sentence', async () => {
    expect(await toHtml('Die Armee צה"ל sagte: "Ja".\n', 'de')).toBe('<p>Die Armee צה"ל sagte: „Ja“.</p>\n');
  });

  it('are the language’s in a picture’s description too, as in the text around it', async () => {
    expect(await toHtml('![Das "neue" Werk](https://example.org/a.png) "Ja"\n', 'de')).toBe('<p><img src="https://example.org/a.png" alt="Das „neue“ Werk"> „Ja“</p>\n');
    expect(await toHtml('![Le "nouveau" siège](https://example.org/a.png)\n', 'fr')).toBe('<p><img src="https://example.org/a.png" alt="Le «\u202Fnouveau\u202F» siège"></p>\n');
  });

  it('leave code, raw HTML attributes, English and articles without a language untouched', async () => {
    expect(await toHtml('`"x"` <abbr title="a \'b\'">"AB"</abbr>\n\n```\nsay "hi"\n```\n', 'de')).toBe(
      '<p><code>"x"</code> <abbr title="a \'b\'">„AB“</abbr></p>\n<pre class="astro-code catppuccin-mocha" style="background-color:#1e1e2e;color:#cdd6f4; overflow-x: auto;" tabindex="0" data-language="plaintext"><code><span class="line"><span>say "hi"</span></span></code></pre>\n',
    );
    expect(await toHtml('"Yes," it\'s \'fine\'.\n', 'en-GB')).toBe('<p>“Yes,” it’s ‘fine’.</p>\n');
    expect(await toHtml('"Yes"\n')).toBe('<p>“Yes”</p>\n');
  });
});

describe("quotation marks on a site whose own language is not English's", () => {
  /** The site's one Markdown plugin, as the processor sets it for a site in `language`. */
  async function siteRenderer(language: string) {
    const processor = await createSatteriMarkdownProcessor({ hastPlugins: [createMarkdownSafetyPlugin({ site: 'https://news.example.org', pageIds: [], language })], features: { ...MARKDOWN_FEATURES } });
    return async (body: string, lang?: string) => (await processor.render(body, { frontmatter: lang === undefined ? {} : { lang } })).code;
  }

  it("are the site's language's in an article that gives none, and an article's own language still wins", async () => {
    const render = await siteRenderer('de');
    expect(await render('Er sagte: "Ja".\n')).toBe('<p>Er sagte: „Ja“.</p>\n');
    expect(await render('He said: "Yes".\n', 'en')).toBe('<p>He said: “Yes”.</p>\n');
  });
});
