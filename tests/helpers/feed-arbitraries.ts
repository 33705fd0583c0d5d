/**
 * fast-check generators of hostile feeds: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed documents whose items have any
 * mix of present, missing and empty fields, filled with the text, links, dates and bylines real feeds get wrong.
 */
import fc from 'fast-check';

/** One piece of text, as XML element content (`xml`) and as the string a JSON Feed would carry (`json`). */
interface Piece {
  xml: string;
  json: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Text XML cannot carry raw (controls, lone surrogates) left out of the XML form; the JSON form keeps it. */
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const plainPiece = (text: string): Piece => ({ xml: escapeXml(text.replace(XML_UNSAFE, '')), json: text });
/** HTML a publisher escaped once for XML, as most feeds carry it. */
const htmlPiece = (html: string): Piece => ({ xml: escapeXml(html), json: html });
/** A character written as a numeric reference in XML (which may name one XML forbids), raw in JSON. */
const referencePiece = (codePoint: number): Piece => ({ xml: `&#x${codePoint.toString(16)};`, json: String.fromCharCode(codePoint) });

const HOSTILE_HTML = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>',
  '<style>body{display:none}</style>',
  '<iframe src="https://evil.example/"></iframe>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://img.example/pic.jpg" onload="steal()" alt="A pic" width="640" height="480">',
  '<p onclick="steal()">Clicked paragraph.</p>',
  '<a href="javascript:alert(1)">js link</a>',
  '<a href="  JaVaScRiPt:alert(1)">spaced js</a>',
  '<a href="java&#x09;script:alert(1)">tabbed js</a>',
  '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data link</a>',
  '<img src="data:image/png;base64,iVBORw0KGgo=" alt="data pic">',
  '<a href="//cdn.example/proto">protocol-relative</a>',
  '<a href="/relative/path">relative</a>',
  '<a href="other.html">sibling</a>',
  '<a href="mailto:desk@example.com">mail</a>',
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<object data="https://evil.example/x.swf"></object>',
  '<form action="https://evil.example/"><input name="q"></form>',
  '<h1>Heading one</h1>',
  '<blockquote><p>Quoted <em>words</em>.</p></blockquote>',
  '<ul><li>one</li><li>two</li></ul>',
  '<p>A paragraph with <strong>bold</strong> and <a href="https://example.com/ok">a link</a>.</p>',
  '<pre><code>const x = "<b>";</code></pre>',
  '<table><tr><td>cell</td></tr></table>',
  '<div class="sharedaddy">Share this</div>',
  '<p>The post <a href="https://blog.example/p">Title</a> appeared first on Blog.</p>',
  '<a href="https://x.example/">Subscribe now</a>',
  '<img src="https://s.w.org/images/core/emoji/15.0.3/72x72/1f600.png" alt="😀">',
  '<!-- a comment --><p>after comment</p>',
  '<br><br/><hr>',
  '<hr><p>tags: chips</p><hr>',
  '<hr><p>title: x</p>',
  '<pre><code>```\n<script>alert(1)</script>\n```</code></pre>',
  '<a href="https://ok.example/">[x](javascript:alert(1))</a>',
  '<img src="https://img.example/a.jpg" alt="](javascript:alert(1))" width="600" height="400">',
  '<a href="https://ok.example/a)b(c d">paren</a>',
  '<math><mi>x</mi></math>',
  '<a href="https://example.com/x" onmouseover="steal()">hover</a>',
  '<details open ontoggle="alert(1)"><summary>s</summary></details>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<noscript><p>noscript</p></noscript>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
];

const ENTITY_TEXT = [
  '&amp;', '&amp;amp;', 'AT&amp;amp;T', 'Tom&amp;#39;s', '&amp;lt;b&amp;gt;', '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;',
  '&lt;b&gt;bold&lt;/b&gt;', '&lt;script&gt;x&lt;/script&gt;', '&amp;nbsp;', '&amp;#x202E;', '&amp;#0;', '&#38;#60;script&#38;#62;',
  '&#0;', '&#x1;', '&#x7F;', '&#x85;', '&#x9F;', '&#xFFFE;',
];

/** Pieces whose XML form is written raw, not escaped: entity references and CDATA sections as publishers write them. */
const RAW_XML: Piece[] = [
  ...ENTITY_TEXT.map((xml) => ({ xml, json: xml })),
  { xml: '<![CDATA[<script>alert(1)</script>]]>', json: '<script>alert(1)</script>' },
  { xml: '<![CDATA[<b>bold]]]]><![CDATA[>tail</b>]]>', json: '<b>bold]]>tail</b>' },
  { xml: '<![CDATA[<p onclick="x()">cdata para</p>]]>', json: '<p onclick="x()">cdata para</p>' },
  { xml: '&lt;![CDATA[escaped cdata]]&gt;', json: '<![CDATA[escaped cdata]]>' },
  { xml: '<![CDATA[<![CDATA[nested]]]]><![CDATA[>]]>', json: '<![CDATA[nested]]>' },
  { xml: '<![CDATA[]]>', json: '' },
];

const UNICODE = [
  'مرحبا بالعالم', 'שלום עולם', 'Привет', '日本語のニュース', '😀', '👩‍👩‍👧', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'e\u0301', 'a\u0300\u0301\u0302\u0303', 'ñ', 'ß',
  '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202E', '\u2066', '\u2069', '\uFEFF', '\u2028', '\u00A0', '\u00AD', '\u2060', '\u061C',
  '\u{E0041}', '\u206A', '\uFFF9',
];

const CONTROLS = [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xfffe, 0xffff];

const MARKDOWN_ISH = [
  '*', '_', '**', '#', '# ', '## Heading', '---', '`', '```', '\\', '|', '{', '}', '$', ':', '"', "'", '[x](javascript:alert(1))',
  '![p](data:image/png;base64,AA)', '<', '>', '&', '3 < 4', 'R&D', '- ', '1. ', '> ', '[^1]', '{{x}}', '<!-- -->', '\n', '\n\n', '  ', '\t',
  'javascript:alert(1)', 'data:text/html,x', 'on' + 'click=alert(1)', 'The post X appeared first on Y.', 'Continue reading…', 'By ',
];

/** Runs with no space or full stop to cut at, of characters that take two UTF-16 units or two code points. */
const LONG_RUNS = ['😀'.repeat(200), 'A'.repeat(400), 'e\u0301'.repeat(200), '日本語'.repeat(150), 'x. '.repeat(200), '👩‍👩‍👧'.repeat(60), 'https://very.example/' + 'a'.repeat(400)];

const WORDS = ['Chipmakers', 'race', 'to', 'ship', 'parts.', 'Cloud', 'outage', 'traced', 'config', 'push.', 'The', 'new', 'EU', 'data', 'rules', 'Q&A:', 'Why', 'passkeys', 'stall?'];

const TAGS = ['p', 'div', 'span', 'a', 'img', 'h1', 'h2', 'h3', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'br', 'hr', 'sup', 'dl', 'dt', 'dd', 'script', 'iframe', 'picture', 'source', 'video', 'audio', 'details', 'summary'];
const ATTRIBUTES = [
  '', ' href="https://ok.example/x"', ' href="/local"', ' href="#frag"', ' href="javascript:alert(1)"', ' src="https://img.example/p.jpg" width="640" height="480"', ' src="./local.png"',
  ' src="data:image/png;base64,AA"', ' onclick="x()"', ' style="color:red"', ' alt="Alt text"', ' id="main"', ' class="sharedaddy"', ' srcset="a.jpg 1x, b.jpg 2x"', ' start="3"', ' lang="ar" dir="rtl"',
];
const WORDS_HTML = fc.constantFrom('Chip plant opens.', 'Update:', 'title: x', '1.', '- item', '> quoted', '# hash', '|', '*', '\\', '`', '[a]', '![b](c)', '&amp;', '&lt;b&gt;', 'مرحبا', '😀', ' ', '\n', '---', '===', 'x'.repeat(30));

/** Random HTML, nested a few levels, of prose tags, hostile ones and text that means something to Markdown. */
const randomHtml: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    WORDS_HTML,
    fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRIBUTES), fc.array(tie('node'), { maxLength: 4 })).map(([tag, attributes, children]) => `<${tag}${attributes}>${children.join('')}</${tag}>`),
  ),
})).node;

export const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS).map((word) => plainPiece(`${word} `)) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_HTML).map(htmlPiece) },
  { weight: 2, arbitrary: fc.array(randomHtml, { minLength: 1, maxLength: 4 }).map((nodes) => htmlPiece(nodes.join(''))) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_XML) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE).map(plainPiece) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROLS).map(referencePiece) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN_ISH).map(plainPiece) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_RUNS).map(plainPiece) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map(plainPiece) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map(plainPiece) },
);

/** A field's text: empty, a few pieces, or (rarely) a very long run. */
export const text: fc.Arbitrary<Piece> = fc
  .oneof(
    { weight: 1, arbitrary: fc.constant([] as Piece[]) },
    { weight: 8, arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => Array.from({ length: 120 }, () => pieces).flat()) },
  )
  .map((pieces) => ({ xml: pieces.map((p) => p.xml).join(''), json: pieces.map((p) => p.json).join('') }));

/** Links from a small pool, so items share links (duplicates) as often as they differ. */
export const link = fc.constantFrom(
  'https://news.example/a/1',
  'https://news.example/a/1',
  'http://news.example/b?utm_source=feed&id=2#comments',
  'https://WWW.News.Example/c/3/',
  '/relative/path',
  'relative.html',
  '//cdn.example/proto',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://files.example/x',
  '',
  '   ',
  '  https://spaces.example/d  ',
  'https://user:secret@host.example/e',
  'mailto:desk@example.com',
  'https://例え.jp/パス',
  'HTTPS://UPPER.EXAMPLE/F',
  'https://news.example/g?a=1&b=2',
  'https://news.example/"><script>alert(1)</script>',
  'https://news.example/h\u202Eevil',
  'http://[::1]:8080/i',
  'https:news.example/j',
);

export const date = fc.constantFrom(
  '', '   ', 'garbage', 'yesterday', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-11-30T10:00:00+14:00',
  '2026-11-30T10:00:00-12:00', 'Mon, 30 Nov 2026 10:00:00 EST', 'Mon, 30 Nov 2026 10:00:00 PDT', 'Mon, 30 Nov 2026 10:00:00 IST',
  'Mon, 30 Nov 2026 10:00:00 +1400', 'Mon, 30 Nov 2026 10:00:00 Z', 'Mon, 30 Nov 2026 10:00:00 A', '30 Nov 2026', 'Tue, 31 Nov 2026 10:00:00 GMT',
  '1970-01-01T00:00:00Z', '1899-12-31T23:00:00Z', '1900-01-01T00:30:00+02:00', '1900-01-01', '1901-01-01T00:00:00+14:00',
  '2026-02-29', '2026-13-01', '2027-06-01T00:00:00Z', 'Do, 03 Dez 2026 10:00:00 +0100', 'jeu., 03 déc. 2026 10:00:00 CEST',
  '2026-11-30', '2026-11-30T10:00', '2026-11-30T10:00:00.123456789Z', '20261130T100000Z', '1e21', '-1', '0', '2026-11-30T24:00:00Z',
);

export const author = fc.oneof(
  fc.constantFrom(
    'Jane Doe', 'jane@example.com (Jane Doe)', 'Jane Doe <jane@example.com>', 'jane@example.com', 'By Jane Doe', '/u/someone', 'admin', 'Staff',
    'Jane Doe and John Roe', 'Smith, Alice', 'Alice Smith, Jr.', 'Jane Doe, Senior Editor', 'A, B, C, D', 'x'.repeat(150), '', '   ',
    '<b>Jane</b> Doe', 'Jane\u202E Doe', 'جين دو', '😀 Emoji Person', 'Jane\u0000Doe', 'Ja\u200Bne Doe', '-', '#', '"Quoted" Name', 'Name: With Colon',
  ).map(plainPiece),
  text,
);

const category = fc.oneof(
  fc.constantFrom('AI', 'ai', 'Ai', 'Uncategorized', 'https://schema.example/cat', '/category/tech', 'AR/VR', 'C/C++', '   ', '', '#hashtag', '-', '😀', 'x'.repeat(60), 'e\u0301', 'Tag\u200B').map(plainPiece),
  text,
);

const lang = fc.constantFrom('en', 'en-US', 'en_US', 'de-CH', 'DE-ch', 'ar', 'he', 'xx-invalid-!!', '', 'i-klingon', 'zh-Hant-TW');

export interface Item {
  title?: Piece;
  link?: string;
  guid?: { value: string; permalink?: boolean };
  summary?: Piece;
  content?: Piece;
  date?: string;
  authors: Piece[];
  categories: Piece[];
  image?: string;
  enclosure?: { url: string; type: string };
  source?: { name: Piece; url: string };
  lang?: string;
  /** How an Atom entry types its text (a JSON Feed item's content: text when not html). */
  textType?: 'text' | 'html' | 'xhtml';
  /** RSS: the byline as a podcast's itunes:author, the summary as media:description. */
  podcast?: boolean;
}

const item: fc.Arbitrary<Item> = fc.record(
  {
    title: text,
    link,
    guid: fc.record({ value: fc.oneof(link, fc.constantFrom('tag:news.example,2026:1', 'urn:uuid:1', '1')), permalink: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['value'] }),
    summary: text,
    content: text,
    date,
    authors: fc.array(author, { maxLength: 4 }),
    categories: fc.oneof(fc.array(category, { maxLength: 4 }), fc.array(category, { minLength: 20, maxLength: 40 })),
    image: link,
    enclosure: fc.record({ url: link, type: fc.constantFrom('audio/mpeg', 'video/mp4', 'image/jpeg', '', 'text/html') }),
    source: fc.record({ name: text, url: link }),
    lang,
    textType: fc.constantFrom('text', 'html', 'xhtml'),
    podcast: fc.boolean(),
  },
  { requiredKeys: ['authors', 'categories', 'textType'] },
);

export interface Feed {
  format: 'rss' | 'rdf' | 'atom' | 'json';
  title?: Piece;
  home?: string;
  date?: string;
  lang?: string;
  base?: string;
  items: Item[];
}

export const feed: fc.Arbitrary<Feed> = fc
  .record(
    {
      format: fc.constantFrom('rss', 'rdf', 'atom', 'json'),
      title: text,
      home: link,
      date,
      lang,
      base: link,
      items: fc.array(item, { minLength: 1, maxLength: 5 }),
    },
    { requiredKeys: ['format', 'items'] },
  )
  // Duplicate items: the same item again, as feeds repeat a story.
  .chain((generated) => fc.boolean().map((repeat) => (repeat ? { ...generated, items: [...generated.items, generated.items[0]!] } : generated)));

const attr = (value: string) => escapeXml(value.replace(XML_UNSAFE, ''));
const element = (name: string, value: Piece | string | undefined, attributes = '') =>
  value === undefined ? '' : `<${name}${attributes}>${typeof value === 'string' ? attr(value) : value.xml}</${name}>`;

function rssItem(entry: Item): string {
  return [
    '<item>',
    element('title', entry.title),
    element('link', entry.link),
    entry.guid ? element('guid', entry.guid.value, entry.guid.permalink === undefined ? '' : ` isPermaLink="${entry.guid.permalink}"`) : '',
    entry.podcast ? element('media:description', entry.summary) : element('description', entry.summary),
    element('content:encoded', entry.content),
    element('pubDate', entry.date),
    ...entry.authors.map((name, index) => (entry.podcast ? element('itunes:author', name) : index % 2 ? element('author', name) : element('dc:creator', name))),
    ...entry.categories.map((name) => element('category', name)),
    entry.image === undefined ? '' : `<media:content url="${attr(entry.image)}" medium="image" width="800" height="600"/>`,
    entry.enclosure ? `<enclosure url="${attr(entry.enclosure.url)}" type="${attr(entry.enclosure.type)}" length="1"/>` : '',
    entry.source ? element('source', entry.source.name, ` url="${attr(entry.source.url)}"`) : '',
    element('dc:language', entry.lang),
    '</item>',
  ].join('');
}

function rdfItem(entry: Item): string {
  return [
    `<item${entry.link === undefined ? '' : ` rdf:about="${attr(entry.link)}"`}>`,
    element('title', entry.title),
    element('link', entry.link),
    element('description', entry.summary),
    element('content:encoded', entry.content),
    element('dc:date', entry.date),
    ...entry.authors.map((name) => element('dc:creator', name)),
    ...entry.categories.map((name) => element('dc:subject', name)),
    element('dc:language', entry.lang),
    '</item>',
  ].join('');
}

/** An Atom text construct: xhtml wraps its content in the one div the format asks for. */
function atomText(name: string, value: Piece | undefined, type: NonNullable<Item['textType']>): string {
  if (value === undefined) return '';
  if (type !== 'xhtml') return element(name, value, ` type="${type}"`);
  return `<${name} type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${value.xml}</div></${name}>`;
}

function atomEntry(entry: Item): string {
  const type = entry.textType ?? 'html';
  return [
    `<entry${entry.lang === undefined ? '' : ` xml:lang="${attr(entry.lang)}"`}>`,
    atomText('title', entry.title, type),
    entry.link === undefined ? '' : `<link rel="alternate" href="${attr(entry.link)}"/>`,
    entry.guid ? element('id', entry.guid.value) : '',
    element('published', entry.date),
    element('updated', entry.date),
    ...entry.authors.map((name) => `<author>${element('name', name)}</author>`),
    ...entry.categories.map((name) => `<category term="${attr(name.json)}"/>`),
    atomText('summary', entry.summary, type),
    atomText('content', entry.content, type),
    entry.enclosure ? `<link rel="enclosure" href="${attr(entry.enclosure.url)}" type="${attr(entry.enclosure.type)}"/>` : '',
    '</entry>',
  ].join('');
}

function jsonItem(entry: Item): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (entry.guid) value.id = entry.guid.value;
  if (entry.link !== undefined) value.url = entry.link;
  if (entry.source) value.external_url = entry.source.url;
  if (entry.title) value.title = entry.title.json;
  if (entry.content) value[entry.textType === 'html' ? 'content_html' : 'content_text'] = entry.content.json;
  if (entry.summary) value.summary = entry.summary.json;
  if (entry.date !== undefined) value.date_published = entry.date;
  if (entry.authors.length) value.authors = entry.authors.map((name) => ({ name: name.json }));
  if (entry.categories.length) value.tags = entry.categories.map((name) => name.json);
  if (entry.image !== undefined) value.image = entry.image;
  if (entry.enclosure) value.attachments = [{ url: entry.enclosure.url, mime_type: entry.enclosure.type }];
  if (entry.lang !== undefined) value.language = entry.lang;
  return value;
}

const NAMESPACES = 'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';

/** The feed as its publisher would serve it. */
export function feedDocument(generated: Feed): string {
  const base = generated.base === undefined ? '' : ` xml:base="${attr(generated.base)}"`;
  switch (generated.format) {
    case 'rss':
      return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" ${NAMESPACES}${base}><channel>${element('title', generated.title)}${element('link', generated.home)}${element('lastBuildDate', generated.date)}${element('language', generated.lang)}${generated.items.map(rssItem).join('\n')}</channel></rss>`;
    case 'rdf':
      return `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ${NAMESPACES}${base}><channel rdf:about="https://news.example/">${element('title', generated.title)}${element('link', generated.home)}${element('dc:date', generated.date)}${element('dc:language', generated.lang)}</channel>${generated.items.map(rdfItem).join('\n')}</rdf:RDF>`;
    case 'atom':
      return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"${base}${generated.lang === undefined ? '' : ` xml:lang="${attr(generated.lang)}"`}>${element('title', generated.title)}${generated.home === undefined ? '' : `<link href="${attr(generated.home)}"/>`}${element('updated', generated.date)}<id>urn:feed</id>${generated.items.map(atomEntry).join('\n')}</feed>`;
    case 'json':
      return JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        ...(generated.title ? { title: generated.title.json } : {}),
        ...(generated.home === undefined ? {} : { home_page_url: generated.home }),
        ...(generated.lang === undefined ? {} : { language: generated.lang }),
        items: generated.items.map(jsonItem),
      });
  }
}
