import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, htmlToText, looksLikeHtml, sanitizeFeedHtml, textToMarkdown } from '../../../../src/lib/authoring/import/html.ts';

const BASE = 'https://news.example/2026/05/story';

describe('sanitizeFeedHtml: nothing executable survives', () => {
  it('drops scripts, styles, frames, forms and objects together with their contents', () => {
    const html = `<p>Kept</p><script>steal()</script><style>p{}</style><iframe src="https://evil.example">frame text</iframe>
      <form action="/x"><input name="p"></form><object data="x.swf">object text</object><noscript>noscript text</noscript><svg onload="x()"><script>y()</script></svg>`;
    const safe = sanitizeFeedHtml(html, BASE);
    expect(safe).toContain('<p>Kept</p>');
    for (const gone of ['script', 'steal', 'style', 'iframe', 'frame text', 'form', 'input', 'object', 'noscript', 'svg', 'onload']) {
      expect(safe).not.toContain(gone);
    }
  });

  it('drops event handlers and style attributes', () => {
    const safe = sanitizeFeedHtml('<p onclick="a()" style="background:url(javascript:b())">Text <span onmouseover="c()">here</span></p>', BASE);
    expect(safe).toBe('<p>Text <span>here</span></p>');
  });

  it('drops javascript:, vbscript: and data: URLs, however they are spelled', () => {
    const safe = sanitizeFeedHtml(
      '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="java&#x09;script:alert(1)">c</a><a href="vbscript:x">d</a><a href="data:text/html,x">e</a><img src="data:image/png;base64,xx" alt="f">',
      BASE,
    );
    expect(safe).not.toMatch(/javascript|vbscript|data:|href|src/i);
    expect(safe).toContain('a');
  });

  it('removes tracking pixels: 1×1 images and known tracker hosts', () => {
    const safe = sanitizeFeedHtml(
      '<img src="https://news.example/p.gif" width="1" height="1" alt=""><img src="https://pixel.wp.com/g.gif" alt=""><img src="https://feeds.feedburner.com/~r/x/~4/abc" alt=""><img src="https://news.example/chart.png" alt="Chart" width="640">',
      BASE,
    );
    expect(safe).toBe('<img alt="Chart" src="https://news.example/chart.png" width="640" />');
  });

  it('removes share links left empty once their tracker images are gone', () => {
    expect(sanitizeFeedHtml('<p>Text<a href="https://feeds.feedburner.com/~ff/x"><img src="https://feeds.feedburner.com/~ff/x?i=1"></a></p>', BASE)).toBe('<p>Text</p>');
  });

  it('keeps a picture that a link wraps in further elements, as Substack wraps its captioned images', () => {
    const safe = sanitizeFeedHtml('<figure><a href="https://news.example/big.jpg"><div><picture><source srcset="a.webp"><img src="https://news.example/a.jpg" alt="Fab"></picture></div></a><figcaption>The fab</figcaption></figure>', BASE);
    expect(safe).toContain('<img alt="Fab" src="https://news.example/a.jpg" />');
    expect(safe).toContain('<figcaption>The fab</figcaption>');
  });

  it('removes buttons: links that only say Subscribe, Share or Comments (Substack, Ghost, Hacker News)', () => {
    const html = '<p>The race is about power.</p><p class="button-wrapper"><a class="button primary" href="https://x.substack.com/subscribe?"><span>Subscribe now</span></a></p><p><a href="https://x.substack.com/p/a?action=share">Share</a></p><a href="https://news.ycombinator.com/item?id=1">Comments</a><p>How to <a href="https://news.example/subscribe">subscribe to the paper</a>.</p>';
    expect(htmlToMarkdown(html, BASE)).toBe('The race is about power.\n\nHow to [subscribe to the paper](https://news.example/subscribe).');
  });

  it('makes relative links and images absolute against the item link', () => {
    const safe = sanitizeFeedHtml('<a href="/about">About</a> <a href="next">Next</a> <img src="img/a.png" alt="A">', BASE);
    expect(safe).toContain('href="https://news.example/about"');
    expect(safe).toContain('href="https://news.example/2026/05/next"');
    expect(safe).toContain('src="https://news.example/2026/05/img/a.png"');
  });

  it('keeps mailto links', () => {
    expect(sanitizeFeedHtml('<a href="mailto:tips@news.example">Tips</a>', BASE)).toBe('<a href="mailto:tips@news.example">Tips</a>');
  });
});

describe('htmlToMarkdown: clean Markdown for the article body', () => {
  it('converts prose markup to Markdown', () => {
    const markdown = htmlToMarkdown('<h2>Heading</h2><p>Some <strong>bold</strong> and <em>italic</em> text with a <a href="/x">link</a>.</p><ul><li>One</li><li>Two</li></ul><blockquote><p>Quoted</p></blockquote>', BASE);
    expect(markdown).toContain('## Heading');
    expect(markdown).toContain('Some **bold** and _italic_ text with a [link](https://news.example/x).');
    expect(markdown).toMatch(/^- +One$/m);
    expect(markdown).toContain('> Quoted');
  });

  it('demotes h1 so the article title stays the only h1', () => {
    expect(htmlToMarkdown('<h1>Inside</h1>', BASE)).toBe('## Inside');
  });

  it('keeps decoded markup as text, escaped so a Markdown renderer cannot turn it back into HTML', () => {
    const markdown = htmlToMarkdown('<p>Write &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;b&amp;gt;</p>', BASE);
    expect(markdown).toBe('Write \\<script>alert(1)\\</script> and \\<b>');
  });

  it('leaves ordinary ampersands and comparisons readable', () => {
    expect(htmlToMarkdown('<p>R&amp;D spend rose 3 &lt; 4 times</p>', BASE)).toBe('R&D spend rose 3 < 4 times');
  });

  it('keeps code as code, unescaped', () => {
    expect(htmlToMarkdown('<pre><code>if (a &lt; b) { run(); }</code></pre>', BASE)).toBe('```\nif (a < b) { run(); }\n```');
  });

  it('drops paragraphs that are only a publisher’s trailer: WordPress’s "The post … appeared first on …", Medium’s "Continue reading"', () => {
    const html = '<p>The post office reopens on Monday.</p><p>The post <a href="https://news.example/a">Veltrix&#8217;s parts ship</a> appeared first on <a href="https://news.example">News</a>.</p>';
    expect(htmlToMarkdown(html, BASE)).toBe('The post office reopens on Monday.');
    expect(htmlToMarkdown('<p>Our cache grew again.</p><p class="medium-feed-link"><a href="https://medium.com/@a/b">Continue reading on Medium »</a></p>', BASE)).toBe('Our cache grew again.');
  });

  it('drops Jetpack’s blocks, found by their class, and keeps text that reads like them', () => {
    const html = '<p>Like this: a ferry that leaves on time.</p><div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="https://news.example/a?share=twitter"><span>Twitter</span></a></li></ul></div><div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3></div><div class="share-this-story"><p>Share this: readers sent 40 photos.</p></div>';
    expect(htmlToMarkdown(html, BASE)).toBe('Like this: a ferry that leaves on time.\n\nShare this: readers sent 40 photos.');
    expect(htmlToText(html)).toBe('Like this: a ferry that leaves on time.\n\nShare this: readers sent 40 photos.');
  });

  it('writes an emoji drawn as an image as the emoji itself', () => {
    expect(htmlToMarkdown('<p>We shipped it <img src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f389.png" alt="🎉" class="wp-smiley"></p>', BASE)).toBe('We shipped it 🎉');
  });

  it('writes link and image URLs that cannot break out of the Markdown syntax', () => {
    const markdown = htmlToMarkdown('<p><a href="https://news.example/a (b)">x</a> <img src="https://news.example/my image.png" alt="A [bracketed] alt"></p>', BASE);
    expect(markdown).toContain('[x](https://news.example/a%20%28b%29)');
    expect(markdown).toContain('![A \\[bracketed\\] alt](https://news.example/my%20image.png)');
  });

  it('turns links to unsafe targets into plain text', () => {
    expect(htmlToMarkdown('<p>Click <a href="javascript:alert(1)">here</a>.</p>', BASE)).toBe('Click here.');
  });
});

describe('htmlToMarkdown: text its publisher escaped twice', () => {
  it('decodes the references left in prose once more, keeping what they give as text, and those in code as they are', () => {
    expect(htmlToMarkdown('<p>AT&amp;amp;T&amp;#8217;s <a href="https://x.example/?a=1&amp;b=2">Q&amp;amp;A</a> on &amp;lt;b&amp;gt; tags</p>', BASE)).toBe('AT&T’s [Q&A](https://x.example/?a=1&b=2) on \\<b> tags');
    expect(htmlToMarkdown('<p>Write <code>&amp;amp;</code>, not AT&amp;amp;T</p><pre><code>a &amp;amp;&amp;amp; b</code></pre>', BASE)).toBe('Write `&amp;`, not AT&T\n\n```\na &amp;&amp; b\n```');
  });

  it('leaves alone prose whose references were escaped once, as HTML should be', () => {
    expect(htmlToMarkdown('<p>AT&amp;T &lt;b&gt; &amp;c.</p>', BASE)).toBe('AT&T \\<b> &c.');
  });
});

describe('htmlToText: titles, deks, names', () => {
  it('drops tags and decodes entities, and once more those a publisher escaped twice, keeping decoded markup as text', () => {
    expect(htmlToText('<em>Rust</em> &amp; Go: AT&amp;amp;T &#8217;s &hellip; Tom&amp;#39;s')).toBe('Rust & Go: AT&T ’s … Tom\'s');
    expect(htmlToText('Q&amp;amp;amp;A')).toBe('Q&amp;A');
    expect(htmlToText('Use &amp;lt;b&amp;gt; &amp;bogus;')).toBe('Use <b> &bogus;');
  });

  it('drops a reference to a character no text may hold, escaped once or twice, rather than show U+FFFD', () => {
    expect(htmlToText('<b>Chip&#0;maker</b> &amp;#0;wins')).toBe('Chipmaker wins');
  });

  it('leaves the references code shows as they are, since they are what the code says', () => {
    expect(htmlToText('<p>Write <code>&amp;amp;</code> for AT&amp;amp;T&amp;#8217;s &lt;kbd&gt;: <kbd>&amp;lt;</kbd></p><pre>a &amp;amp;&amp;amp; b</pre>')).toBe('Write &amp; for AT&T’s <kbd>: &lt;\n\na &amp;&amp; b');
  });

  it('drops script and style contents, not just the tags', () => {
    expect(htmlToText('Title<script>alert(1)</script><style>x{}</style> here')).toBe('Title here');
  });

  it('leaves out figure captions, so a dek or excerpt taken from a body that opens with a picture starts with the story', () => {
    expect(htmlToText('<figure><img src="https://news.example/wafer.jpg" alt=""><figcaption>A wafer. Photo: Veltrix</figcaption></figure><p>Veltrix began shipping.</p>')).toBe('Veltrix began shipping.');
  });

  it('separates blocks with a blank line and collapses other whitespace', () => {
    expect(htmlToText('<p>One\n   two</p><p>Three&nbsp;four</p>')).toBe('One two\n\nThree four');
  });
});

describe('textToMarkdown', () => {
  it('keeps paragraphs and escapes Markdown and HTML syntax', () => {
    expect(textToMarkdown('# not a heading <b>bold</b>\n\nSecond *para*')).toBe('\\# not a heading \\<b>bold\\</b>\n\nSecond \\*para\\*');
  });
});

describe('looksLikeHtml', () => {
  it('tells markup from plain text that merely mentions symbols', () => {
    expect(looksLikeHtml('<em>Exclusive</em>: story')).toBe(true);
    expect(looksLikeHtml('Hello<br/>world')).toBe(true);
    expect(looksLikeHtml('3 < 4 and 5 > 2')).toBe(false);
    expect(looksLikeHtml('AT&T')).toBe(false);
  });
});

describe('what the site renders from an imported body', () => {
  it('stays inert when the Markdown engine renders it', async () => {
    // Satteri is the Markdown engine Astro 7 builds articles with.
    const { markdownToHtml } = await import('satteri');
    const markdown = htmlToMarkdown(
      '<p>Text &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; and &amp;lt;b&amp;gt;</p><p><a href="javascript:alert(3)">x</a> <a href="https://news.example/a (b)">ok</a></p><script>alert(4)</script>',
      BASE,
    );
    const { html } = markdownToHtml(markdown);
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    expect(html).toContain('Text &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; and &lt;b&gt;');
    expect(html).toContain('<a href="https://news.example/a%20%28b%29">ok</a>');
  });
});
