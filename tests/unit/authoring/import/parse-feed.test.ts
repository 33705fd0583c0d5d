import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../../../src/lib/authoring/import/draft.ts';
import { FeedError, parseFeedText, type ParseOptions } from '../../../../src/lib/authoring/import/parse-feed.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/feeds/${name}`, import.meta.url), 'utf8');

function parseError(text: string, options?: ParseOptions): FeedError {
  try {
    parseFeedText(text, options);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected the document to be refused');
}

describe('RSS 2.0 with content:encoded, dc:creator, CDATA and entities', () => {
  const feed = parseFeedText(fixture('rss2.xml'));
  const [chips, outage, qa] = feed.entries;

  it('reads the channel', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('The Circuit Ledger');
    expect(feed.homeUrl).toBe('https://circuitledger.example/');
    expect(feed.publishedAt?.toISOString()).toBe('2026-05-12T08:30:00.000Z');
    expect(feed.entries).toHaveLength(3);
  });

  it('maps an item fully', () => {
    // A narrow no-break space (&#8239;) is whitespace like any other in a headline.
    expect(chips.title).toBe('Chipmakers race to ship 2 nm parts before the year’s end');
    expect(chips.link).toBe('https://circuitledger.example/2026/05/chipmakers-2nm-race/?utm_source=rss&utm_medium=rss&utm_campaign=chipmakers-2nm-race');
    expect(chips.guid).toBe('https://circuitledger.example/?p=48213');
    expect(chips.authors).toEqual(['Priya Raman']);
    expect(chips.categories).toEqual(['Semiconductors', 'ai', 'Uncategorized']);
    expect(chips.publishedAt?.toISOString()).toBe('2026-05-11T14:05:00.000Z');
    expect(chips.contentHtml).toContain('<h2>Who is ahead</h2>');
    expect(chips.summaryHtml).toContain('appeared first on');
  });

  it('turns a title with markup into plain text and resolves a relative link against the channel', () => {
    expect(outage.title).toBe('Exclusive: Cloud region outage traced to a single config push');
    expect(outage.link).toBe('https://circuitledger.example/2026/05/cloud-outage-config-push/');
    expect(outage.publishedAt).toBeUndefined();
    expect(outage.contentHtml).toBeUndefined();
  });

  it('decodes entities in titles once', () => {
    expect(qa.title).toBe('Q&A: what the new EU data rules mean for start-ups');
  });

  it('prefers the base URL the feed was fetched from for relative links', () => {
    const fetched = parseFeedText(fixture('rss2.xml'), { baseUrl: 'https://mirror.example/feeds/ledger.xml' });
    expect(fetched.entries[1].link).toBe('https://mirror.example/2026/05/cloud-outage-config-push/');
  });
});

describe('RSS 1.0 (RDF)', () => {
  const feed = parseFeedText(fixture('rdf.xml'));

  it('reads items with Dublin Core dates, creators and subjects', () => {
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Lab Notes Weekly');
    expect(feed.publishedAt?.toISOString()).toBe('2026-05-08T16:00:00.000Z');
    const [quantum, licences] = feed.entries;
    expect(quantum.title).toBe('Quantum error rates fall below the threshold that matters');
    expect(quantum.link).toBe('https://lablog.example/2026/quantum-error-rates');
    expect(quantum.publishedAt?.toISOString()).toBe('2026-05-07T08:30:00.000Z');
    expect(quantum.authors).toEqual(['Hannah Obi']);
    expect(quantum.categories).toEqual(['Quantum Computing']);
    expect(quantum.contentHtml).toContain('figures/rates.png');
    expect(licences.authors).toEqual(['Hannah Obi', 'Leo Park']);
    expect(licences.publishedAt).toBeUndefined();
  });
});

describe('Atom 1.0', () => {
  const feed = parseFeedText(fixture('atom.xml'));
  const [review, firmware] = feed.entries;

  it('reads text constructs by their type', () => {
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Byte & Bolt');
    expect(review.title).toBe('Review: the Model K keyboard & its hot-swap sockets');
    expect(review.summaryHtml).toContain('<strong>one</strong>');
    expect(review.contentHtml).toContain('<img src="/img/model-k.jpg"');
    expect(firmware.summaryHtml).toBe('<p>The update stops the radio waking every few seconds. Owners report two extra days of battery.</p>');
  });

  it('resolves relative entry links against the feed’s alternate link', () => {
    expect(review.link).toBe('https://byteandbolt.example/reviews/model-k-keyboard');
  });

  it('links an entry, and the feed, to their web page among alternates of other types', () => {
    const feed = parseFeedText(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-11-30T00:00:00Z</updated>' +
        '<link rel="alternate" type="application/json" href="https://blog.example/feed.json"/><link rel="alternate" type="text/html" href="https://blog.example/"/>' +
        '<entry><title>Post</title><id>urn:1</id><updated>2026-11-30T00:00:00Z</updated>' +
        '<link rel="alternate" type="application/activity+json" href="https://blog.example/posts/1.json"/><link rel="alternate" type="text/html" href="https://blog.example/posts/1"/></entry>' +
        '<entry><title>Other</title><id>urn:2</id><updated>2026-11-30T00:00:00Z</updated><link rel="alternate" type="application/json" href="https://blog.example/posts/2.json"/></entry></feed>',
    );
    expect(feed.homeUrl).toBe('https://blog.example/');
    expect(feed.entries.map((entry) => entry.link)).toEqual(['https://blog.example/posts/1', 'https://blog.example/posts/2.json']);
  });

  it.each([
    [
      'an Atom feed’s, the feed’s and then the entry’s',
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/news/"><title>A</title><id>urn:a</id><link href="./"/><updated>2026-11-30T00:00:00Z</updated>' +
        '<entry xml:base="2026/"><title>Based</title><id>urn:1</id><link href="one.html"/><updated>2026-11-30T00:00:00Z</updated></entry>' +
        '<entry><title>Feed base</title><id>urn:2</id><link href="two.html"/><updated>2026-11-30T00:00:00Z</updated></entry></feed>',
    ],
    [
      'an RSS feed’s, the document’s and then the item’s',
      '<rss version="2.0" xml:base="https://blog.example/news/"><channel><title>R</title><link>./</link>' +
        '<item xml:base="2026/"><title>Based</title><link>one.html</link></item>' +
        '<item><title>Feed base</title><link>two.html</link></item></channel></rss>',
    ],
  ])('resolves relative links against xml:base (%s) over the address it was fetched from', (_, document) => {
    const feed = parseFeedText(document, { baseUrl: 'https://feeds.example/feed.xml' });
    expect(feed.homeUrl).toBe('https://blog.example/news/');
    expect(feed.entries.map((entry) => entry.link)).toEqual(['https://blog.example/news/2026/one.html', 'https://blog.example/news/two.html']);
  });

  it('resolves the links and pictures in an item’s HTML as its lead image: against xml:base, else the item’s own address', () => {
    const draftsOf = (text: string) =>
      parseFeedText(text, { baseUrl: 'https://feeds.example/feed.xml' }).entries.map((entry) => {
        const result = buildDraft(entry, { format: 'atom', entries: [] }, { now: new Date('2026-12-01T00:00:00Z'), siteLang: 'en' });
        if (!result.ok) throw new Error(result.reason);
        return { image: result.draft.image?.src, body: result.draft.body };
      });
    const content = '<p>See <a href="../about">about</a>.</p><p><img src="img/chart.png" alt="A chart" width="800" height="400"></p>';
    const atom = draftsOf(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/news/"><title>A</title><id>urn:a</id><updated>2026-11-30T00:00:00Z</updated>' +
        `<entry><title>Based</title><id>urn:1</id><link href="2026/11/one"/><updated>2026-11-30T00:00:00Z</updated><content type="html"><![CDATA[${content}]]></content></entry></feed>`,
    );
    expect(atom).toEqual([{ image: 'https://blog.example/news/img/chart.png', body: 'See [about](https://blog.example/about).\n\n![A chart](https://blog.example/news/img/chart.png)' }]);
    const rss = draftsOf(
      '<rss version="2.0"><channel><title>R</title><link>https://site.example/</link>' +
        `<item><title>Post</title><link>https://site.example/2026/11/post/</link><description><![CDATA[${content}]]></description></item></channel></rss>`,
    );
    expect(rss).toEqual([{ image: 'https://site.example/2026/11/post/img/chart.png', body: 'See [about](https://site.example/2026/11/about).\n\n![A chart](https://site.example/2026/11/post/img/chart.png)' }]);
  });

  it('uses labels for categories and skips scheme URLs later (terms are kept here)', () => {
    expect(review.categories).toEqual(['Hardware', 'https://byteandbolt.example/tags/peripherals']);
  });

  it('falls back to updated for the date and to the feed’s author', () => {
    expect(review.publishedAt?.toISOString()).toBe('2026-05-10T13:00:00.000Z');
    expect(review.authors).toEqual(['Sam Lee']);
    expect(firmware.publishedAt?.toISOString()).toBe('2026-05-09T08:00:00.000Z');
    expect(firmware.authors).toEqual(['Byte & Bolt Staff']);
  });
});

describe('items another outlet published (RSS <source>)', () => {
  it('takes the outlet’s name off the end of the headline, as Google News appends it', () => {
    const rss = `<rss version="2.0"><channel><title>Google News</title><link>https://news.google.com/</link>
      <item><title>Veltrix stock jumps on AT&amp;amp;T deal - The Wall Street Journal - WSJ</title><link>https://news.google.com/rss/articles/a</link><source url="https://www.wsj.com">The Wall Street Journal - WSJ</source></item>
      <item><title>Fab opens - in Dresden</title><link>https://news.google.com/rss/articles/b</link><source url="https://www.reuters.com">Reuters</source></item>
      <item><title>Reuters</title><link>https://news.google.com/rss/articles/c</link><source url="https://www.reuters.com">Reuters</source></item>
    </channel></rss>`;
    expect(parseFeedText(rss).entries.map((entry) => entry.title)).toEqual(['Veltrix stock jumps on AT&T deal', 'Fab opens - in Dresden', 'Reuters']);
  });
});

describe('authors given as e-mail addresses', () => {
  it('credits the names and drops the addresses, in each format, so no address becomes an author page', () => {
    const rss = parseFeedText(`<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><item><title>A</title><link>https://x.example/a</link><dc:creator>jane@x.example (Jane Doe)</dc:creator><dc:creator>desk@x.example</dc:creator></item></channel></rss>`);
    const atom = parseFeedText(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-05-01T00:00:00Z</updated><entry><title>A</title><id>urn:a</id><link href="https://x.example/a"/><updated>2026-05-01T00:00:00Z</updated><author><name>Bob Roe &lt;bob@x.example&gt;</name></author></entry></feed>`);
    const json = parseFeedText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: 'a', url: 'https://x.example/a', title: 'A', content_text: 'x', authors: [{ name: 'desk@x.example' }, { name: 'Ana Lima' }] }] }));
    expect([rss, atom, json].map((feed) => feed.entries[0]!.authors)).toEqual([['Jane Doe'], ['Bob Roe'], ['Ana Lima']]);
  });
});

describe('Media RSS descriptions', () => {
  it('gives an entry without a summary its media:description (a YouTube video’s, in its media:group)', () => {
    const video = parseFeedText(fixture('pictures/atom-media.xml')).entries.find((entry) => entry.title === 'A video in a media group');
    expect(video?.summaryHtml).toBe('<p>We explain what a 2 nm process is and why it matters for phones.</p>\n<p>Chapters: 0:00 Intro</p>');
  });
});

describe('JSON Feed 1.1', () => {
  const feed = parseFeedText(fixture('feed.json'));
  const [browser, terminal] = feed.entries;

  it('reads items with HTML and plain-text content', () => {
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('Patch Notes Daily');
    expect(browser.title).toBe('Browser engine cuts memory use by a fifth');
    expect(browser.summaryHtml).toBe('<p>The next release shares more between tabs. Heavy users will notice first.</p>');
    expect(browser.categories).toEqual(['Browsers', 'Performance']);
    expect(browser.authors).toEqual(['Ines Duarte']);
    expect(terminal.title).toBe('');
    expect(terminal.contentHtml).toBe('<p>The terminal app now renders font ligatures. It is off by default; a setting turns it on.</p>\n<p>Theme authors have asked for this for years.</p>');
    expect(terminal.authors).toEqual(['Patch Notes Desk']);
    expect(terminal.publishedAt).toBeUndefined();
    expect(feed.publishedAt).toBeUndefined();
  });

  it('links an item without url to its id when that is a web address, as Atom ids and RSS GUIDs are', () => {
    const items = [{ id: 'https://json.example/posts/1', title: 'Only an id' }, { id: '2', title: 'Neither' }];
    const json = parseFeedText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items }));
    expect(json.entries.map((entry) => entry.link)).toEqual(['https://json.example/posts/1', undefined]);
  });
});

describe('podcast and video items with no link but their enclosure', () => {
  const rss = (enclosure: string, extra = '') => `<rss version="2.0"><channel><title>Show</title><item><title>Episode</title><guid isPermaLink="false">ep-1</guid>${extra}${enclosure}</item></channel></rss>`;
  const [audio] = parseFeedText(rss('<enclosure url="/media/ep-1.mp3" type="audio/mpeg" length="1"/>'), { baseUrl: 'https://show.example/feed.xml' }).entries;

  it('links the item to its audio or video, resolved against the feed, while the show notes keep the feed’s base', () => {
    expect(audio).toMatchObject({ link: 'https://show.example/media/ep-1.mp3', htmlBase: 'https://show.example/feed.xml' });
    const atom = parseFeedText(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Show</title><entry><id>urn:uuid:1</id><title>Episode</title><updated>2026-11-30T08:00:00Z</updated><link rel="enclosure" type="video/mp4" href="https://video.example/ep-1.mp4"/></entry></feed>`);
    expect(atom.entries[0]!.link).toBe('https://video.example/ep-1.mp4');
    const json = parseFeedText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Show', items: [{ id: 'ep-1', title: 'Episode', content_text: 'Notes', attachments: [{ url: 'https://show.example/ep-1.m4a', mime_type: 'audio/x-m4a' }] }] }));
    expect(json.entries[0]!.link).toBe('https://show.example/ep-1.m4a');
  });

  it('prefers the item’s own link, and takes no picture, nor an address that is not http(s), for one', () => {
    expect(parseFeedText(rss('<enclosure url="https://show.example/ep-1.mp3" type="audio/mpeg" length="1"/>', '<link>https://show.example/episodes/1</link>')).entries[0]!.link).toBe('https://show.example/episodes/1');
    expect(parseFeedText(rss('<enclosure url="https://show.example/cover.jpg" type="image/jpeg" length="1"/>')).entries[0]!.link).toBeUndefined();
    expect(parseFeedText(rss('<enclosure url="ftp://show.example/ep-1.mp3" type="audio/mpeg" length="1"/>')).entries[0]!.link).toBeUndefined();
  });
});

describe('the language each item is written in', () => {
  const languages = (text: string) => parseFeedText(text).entries.map((entry) => entry.language);

  it('is the RSS channel’s <language>, unless an item names its own with dc:language', () => {
    const rss = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://t.example/</link><language>ar</language>
      <item><title>A</title><link>https://t.example/a</link></item>
      <item><title>B</title><link>https://t.example/b</link><dc:language>fr</dc:language></item>
    </channel></rss>`;
    expect(languages(rss)).toEqual(['ar', 'fr']);
  });

  it('is an RSS 1.0 channel’s dc:language, unless an item names its own', () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://t.example/"><title>T</title><link>https://t.example/</link><dc:language>ja</dc:language></channel>
      <item rdf:about="https://t.example/a"><title>A</title><link>https://t.example/a</link></item>
      <item rdf:about="https://t.example/b"><title>B</title><link>https://t.example/b</link><dc:language>de</dc:language></item>
    </rdf:RDF>`;
    expect(languages(rdf)).toEqual(['ja', 'de']);
  });

  it('is the xml:lang of an Atom entry, else of the feed', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-CH"><title>T</title><id>urn:t</id><updated>2026-11-01T00:00:00Z</updated>
      <entry><title>A</title><id>https://t.example/a</id><updated>2026-11-01T00:00:00Z</updated></entry>
      <entry xml:lang="he"><title>B</title><id>https://t.example/b</id><updated>2026-11-01T00:00:00Z</updated></entry>
    </feed>`;
    expect(languages(atom)).toEqual(['de-CH', 'he']);
  });

  it('is a JSON Feed item’s language, else the feed’s (both JSON Feed 1.1 fields)', () => {
    const items = [{ id: 'https://j.example/1', title: 'A' }, { id: 'https://j.example/2', title: 'B', language: 'ko' }];
    expect(languages(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', language: 'ar', items }))).toEqual(['ar', 'ko']);
  });

  it('is unknown when the feed does not say', () => {
    expect(languages('<rss version="2.0"><channel><title>T</title><link>https://t.example/</link><item><title>A</title><link>https://t.example/a</link></item></channel></rss>')).toEqual([undefined]);
  });
});

describe('documents that are not feeds, or not safe', () => {
  it('refuses a billion-laughs document quickly, without expanding anything', () => {
    const started = performance.now();
    const error = parseError(fixture('billion-laughs.xml'));
    expect(error.kind).toBe('unsafe');
    expect(error.message).toContain('<!ENTITY>');
    // Generous bound: expansion would take minutes and gigabytes, not milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses external entities and never reads the file they point at', () => {
    const error = parseError(fixture('external-entity.xml'));
    expect(error.kind).toBe('unsafe');
    expect(error.message).not.toContain('root:');
  });

  it('refuses a feed whose own title or author nests too deep, as a feed error rather than a crash', () => {
    const deep = '&lt;b&gt;'.repeat(150);
    const documents = [
      `<rss version="2.0"><channel><title>${deep}</title><item><title>ok</title><link>https://x.example/1</link></item></channel></rss>`,
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', authors: [{ name: '<i>'.repeat(150) }], items: [{ id: '1', url: 'https://x.example/1', title: 'ok' }] }),
    ];
    for (const document of documents) {
      const error = parseError(document);
      expect(error.kind).toBe('unsafe');
      expect(error.message).toBe("the feed's own title or author cannot be read: its HTML nests more than 100 elements deep, deeper than any article needs");
    }
  });

  it('reports malformed XML with its position', () => {
    const error = parseError(fixture('malformed.xml'));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/^malformed XML at line 1[0-9], column \d+: /);
  });

  it('reads a bare & or < as the character meant, with a warning naming the lines, when nothing else is wrong', () => {
    const rss = (titles: string[]) =>
      `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title>\n${titles.map((title, index) => `<item><title>${title}</title><link>https://wire.example/${index}?a=1&b=2</link></item>`).join('\n')}\n</channel></rss>`;
    const feed = parseFeedText(rss(['AT&T buys R&D lab', 'Q&amp;A', '3 < 4 in the polls']));
    expect(feed.entries.map((entry) => [entry.title, entry.link])).toEqual([
      ['AT&T buys R&D lab', 'https://wire.example/0?a=1&b=2'],
      ['Q&A', 'https://wire.example/1?a=1&b=2'],
      ['3 < 4 in the polls', 'https://wire.example/2?a=1&b=2'],
    ]);
    expect(feed.warnings).toEqual(['malformed XML at lines 3, 4 and 5: a bare “&” or “<” (as in AT&T), read as the character itself; the publisher should write &amp; or &lt;']);
    expect(parseFeedText(rss(Array.from({ length: 8 }, () => 'A&B'))).warnings![0]).toMatch(/^malformed XML at lines 3, 4, 5, 6, 7 and 3 more: /);
    expect(parseFeedText(fixture('rss2.xml')).warnings).toBeUndefined();
  });

  it('refuses a feed with a bare & as before when something else is wrong with it too', () => {
    const broken = fixture('malformed.xml').replace('This item is fine', 'AT&T is fine');
    expect(parseError(broken).message).toMatch(/^malformed XML at line 7, column \d+: char '&' is not expected$/);
  });

  describe('a feed after other text, as a server printing a PHP warning first sends it', () => {
    const warning = '<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent in <b>/var/www/wp-includes/feed.php</b> on line <b>8</b><br />\n';
    const feed = (items: string) => `${warning}<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title>\n${items}\n</channel></rss>`;

    it('reads the feed from its XML declaration, with a warning saying what was left out and where', () => {
      const read = parseFeedText(feed('<item><title>Fab opens</title><link>https://wire.example/fab</link></item>'));
      expect(read.entries.map((entry) => [entry.title, entry.link])).toEqual([['Fab opens', 'https://wire.example/fab']]);
      expect(read.warnings).toEqual([`malformed XML at line 3: ${warning.length} characters of other text before the XML declaration, left out; the publisher's server prints them before the feed (a PHP warning, most often) and should not`]);
    });

    it('names the lines of the whole document in its other problems', () => {
      const escaped = parseFeedText(feed('<item><title>AT&T</title><link>https://wire.example/att</link></item>'));
      expect(escaped.warnings?.[1]).toMatch(/^malformed XML at line 5: a bare “&”/);
      expect(parseError(feed('<item><title>Broken</titel></item>')).message).toMatch(/^malformed XML at line 5, column \d+: /);
    });

    it('leaves a feed without a declaration that quotes one in an item as it is', () => {
      const quoted = '<rss version="2.0"><channel><title>W</title><item><title>XML at 28</title><link>https://wire.example/xml</link><description><![CDATA[<pre><?xml version="1.0"?></pre>]]></description></item></channel></rss>';
      const read = parseFeedText(quoted);
      expect(read.entries.map((entry) => entry.title)).toEqual(['XML at 28']);
      expect(read.warnings).toBeUndefined();
    });

    it('leaves a feed that opens with a comment and a stylesheet instruction, and no declaration, as it is', () => {
      const read = parseFeedText('<!-- generated --><?xml-stylesheet href="feed.xsl" type="text/xsl"?><rss version="2.0"><channel><title>W</title><item><title>A</title><link>https://wire.example/a</link></item></channel></rss>');
      expect(read.entries).toHaveLength(1);
      expect(read.warnings).toBeUndefined();
    });
  });

  it('says a feed cut short ends inside the elements left open, at its last line', () => {
    const rss = fixture('rss2.xml');
    const cut = rss.slice(0, rss.indexOf('</description>', rss.indexOf('<item>')));
    const error = parseError(cut);
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe(`malformed XML at line ${cut.trimEnd().split('\n').length}: the feed ends inside <rss>, <channel>, <item>, <description>, so it looks cut short`);
  });

  it('says a feed cut short before its first element is cut short, naming no column', () => {
    const error = parseError('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet href="feed.xsl"');
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe('malformed XML at line 2: the feed ends before its first element, so it looks cut short');
  });

  it('recognises an HTML page', () => {
    const error = parseError(fixture('not-a-feed.html'));
    expect(error.kind).toBe('not-a-feed');
    expect(error.message).toContain('HTML web page');
  });

  it('names the feeds a page gives in its head, at their full addresses, so the editor can use one', () => {
    const page = (head: string) =>
      `<!DOCTYPE html><html><head><title>Chip Wire</title>${head}</head><body><link rel="alternate" type="application/rss+xml" href="/in-the-body.xml"></body></html>`;
    const messageFor = (head: string) => {
      try {
        parseFeedText(page(head), { baseUrl: 'https://chipwire.example/news/' });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected the page to be refused');
    };
    expect(messageFor('<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">')).toBe(
      'this is an HTML web page, not a feed; the page names its feed, https://chipwire.example/feed.xml: use that address',
    );
    expect(messageFor('<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom?a=1&amp;b=2"><link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json"><link rel="alternate" type="text/html" hreflang="de" href="/de/"><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">')).toBe(
      'this is an HTML web page, not a feed; the page names its feeds, https://chipwire.example/news/atom?a=1&b=2, https://cdn.example/feed.json: use one of those addresses',
    );
    expect(messageFor('<link rel="stylesheet" href="/site.css">')).toBe('this is an HTML web page, not a feed; look for its RSS or Atom link');
  });

  it('recognises an XHTML page, and a page whose doctype follows an XML declaration or a comment', () => {
    for (const opening of ['<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n', '<!-- served by the cache -->\n<!DOCTYPE html>\n']) {
      const error = parseError(`${opening}<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Home</title></head><body><p>Not a feed</p></body></html>`);
      expect(error.kind).toBe('not-a-feed');
      expect(error.message).toContain('HTML web page');
    }
  });

  it('recognises a page sent without its doctype, as robot checks and error pages are, by the element it opens with', () => {
    const pages = ['<head><title>Just a moment...</title></head><body>Checking your browser</body>', '<h1>Service Unavailable</h1>\n<p>Try again later.</p>', '<meta http-equiv="refresh" content="0;url=/consent">', '<!-- cache --><script>location.href = "/consent"</script>', '<BODY><P>Not found</P></BODY>'];
    for (const page of pages) {
      const error = parseError(page);
      expect(error.kind).toBe('not-a-feed');
      expect(error.message).toBe('this is an HTML web page, not a feed; look for its RSS or Atom link');
    }
  });

  it('names XML and JSON that are not feeds as unsupported', () => {
    expect(parseError(fixture('unsupported.xml')).kind).toBe('unsupported');
    expect(parseError(fixture('not-a-json-feed.json')).message).toContain('not a JSON Feed');
  });

  it('reports malformed JSON, empty documents and plain text', () => {
    expect(parseError('{"version": "https://jsonfeed.org/version/1.1", ').kind).toBe('malformed');
    expect(parseError('  \n ').kind).toBe('empty');
    expect(parseError('Just some text').kind).toBe('not-a-feed');
  });

  it('names a feed with no title and no items as empty, with its format, rather than as feedsmith\'s bare "Invalid feed format"', () => {
    const advice = "check that the address is the feed's; if it is, the publisher's site sent it empty: try again later, and tell the publisher if it stays empty";
    const empty = {
      '<rss/>': 'an RSS 2.0 feed',
      '<rss version="2.0"/>': 'an RSS 2.0 feed',
      '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>': 'an RSS 2.0 feed',
      '<rss version="2.0"><channel><link>https://x.example/</link><description>News</description></channel></rss>': 'an RSS 2.0 feed',
      '<rss version="2.0"><channel><item></item></channel></rss>': 'an RSS 2.0 feed',
      '<feed/>': 'an Atom feed',
      '<feed xmlns="http://www.w3.org/2005/Atom"></feed>': 'an Atom feed',
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>': 'an RSS 1.0 (RDF) feed',
      '{"version": "https://jsonfeed.org/version/1.1"}': 'a JSON Feed',
      '{"version": "https://jsonfeed.org/version/1.1", "title": "", "items": []}': 'a JSON Feed',
      '{}': 'an empty JSON object ({}),',
    };
    for (const [document, what] of Object.entries(empty)) {
      const error = parseError(document, { baseUrl: 'https://x.example/feed' });
      expect(error.kind).toBe('empty');
      expect(error.message).toBe(`this is ${what} with no title and no items, so there is no feed to read; ${advice}`);
    }
    expect(parseError('', { baseUrl: 'https://x.example/feed' }).message).toBe(`the document is empty, so there is no feed to read; ${advice}`);
    expect(parseError('<feed/>').message).toBe('this is an Atom feed with no title and no items, so there is no feed to read; check that this is the file you meant');
  });

  it('reads a feed with a title and no items as a feed with nothing in it, in every format', () => {
    for (const document of [
      '<rss version="2.0"><channel><title>Chip Wire</title></channel></rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Chip Wire</title></feed>',
      '{"version": "https://jsonfeed.org/version/1.1", "title": "Chip Wire", "items": []}',
    ]) {
      const feed = parseFeedText(document);
      expect(feed.title).toBe('Chip Wire');
      expect(feed.entries).toEqual([]);
    }
  });

  it('accepts a byte-order mark and leading whitespace before the XML declaration', () => {
    expect(parseFeedText(`\uFEFF\n  ${fixture('rdf.xml')}`).entries).toHaveLength(2);
  });
});

describe('titles are one line of plain text', () => {
  it('flattens line breaks and paragraphs in titles', () => {
    const feed = parseFeedText('<rss version="2.0"><channel><title>T</title><item><title>&lt;p&gt;Two&lt;/p&gt;&lt;p&gt;lines&lt;/p&gt;\n  here</title><link>https://x.example/a</link></item></channel></rss>');
    expect(feed.entries[0].title).toBe('Two lines here');
  });

  it('decodes entities a publisher escaped twice, in RSS and JSON Feed titles alike', () => {
    const rss = parseFeedText('<rss version="2.0"><channel><title>T</title><item><title>AT&amp;amp;T&amp;#8217;s R&amp;amp;D: 3 &amp;lt; 4</title><link>https://x.example/a</link></item></channel></rss>');
    expect(rss.entries[0].title).toBe('AT&T’s R&D: 3 < 4');
    const json = parseFeedText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://x.example/b', title: 'Q&amp;A &quot;live&quot;' }] }));
    expect(json.entries[0].title).toBe('Q&A "live"');
  });

  it('keeps an element a headline names ("Styling <select>"), never closed, as text, in RSS and JSON Feed titles alike', () => {
    const rss = parseFeedText(
      '<rss version="2.0"><channel><title>T</title>' +
        '<item><title>Styling &lt;select&gt; is finally possible</title><link>https://x.example/a</link></item>' +
        '<item><title>The &lt;video&gt; element turns 20 &lt;br&gt;</title><link>https://x.example/b</link></item>' +
        '<item><title>&lt;b&gt;Breaking:&lt;/b&gt; fab opens &lt;img src="https://x.example/flag.png" alt=""&gt;</title><link>https://x.example/c</link></item></channel></rss>',
    );
    expect(rss.entries.map((entry) => entry.title)).toEqual(['Styling <select> is finally possible', 'The <video> element turns 20', 'Breaking: fab opens']);
    const json = parseFeedText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://x.example/d', title: 'Using <template> and <slot> in web components' }] }));
    expect(json.entries[0].title).toBe('Using <template> and <slot> in web components');
  });

  const atomTitled = (title: string) =>
    parseFeedText(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-11-30T00:00:00Z</updated><entry>${title}<id>urn:1</id><link href="https://x.example/c"/><updated>2026-11-30T00:00:00Z</updated></entry></feed>`).entries[0].title;

  it('decodes in an Atom text title only what its publisher escaped twice, and keeps what reads as markup as text', () => {
    expect(atomTitled('<title type="text">AT&amp;amp;T&amp;#39;s Q&amp;amp;A</title>')).toBe("AT&T's Q&A");
    expect(atomTitled('<title type="text">Why &lt;em&gt; beats &lt;i&gt;</title>')).toBe('Why <em> beats <i>');
    expect(atomTitled('<title type="html">AT&amp;amp;amp;T</title>')).toBe('AT&T');
  });

  it('decodes what an RSS title escapes twice, in CDATA too, and typographic quotes given by number', () => {
    const rssTitled = (title: string) => parseFeedText(`<rss version="2.0"><channel><title>T</title><item><title>${title}</title><link>https://x.example/a</link></item></channel></rss>`).entries[0].title;
    expect(rssTitled('Q&amp;amp;A with Tom&amp;#39;s')).toBe("Q&A with Tom's");
    expect(rssTitled('<![CDATA[<b>Chips</b> &amp; AT&amp;amp;T: Tom&#39;s]]>')).toBe("Chips & AT&T: Tom's");
    expect(rssTitled('&#8220;Faster&#8221;, it&#146;s&amp;nbsp;here')).toBe('“Faster”, it’s here');
  });

  it('drops a reference to a character XML forbids from a title rather than show U+FFFD, in RSS, Atom and JSON Feed alike', () => {
    const rss = parseFeedText('<rss version="2.0"><channel><title>T</title><item><title>Chip&#0;maker&#x1; &amp;#0;wins</title><link>https://x.example/a</link></item><item><title><![CDATA[Fab&#0;s]]></title><link>https://x.example/b</link></item></channel></rss>');
    expect(rss.entries.map((entry) => entry.title)).toEqual(['Chipmaker wins', 'Fabs']);
    expect(atomTitled('<title type="text">Chip&#0;maker &amp;#xFFFE;wins</title>')).toBe('Chipmaker wins');
    const json = parseFeedText(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://x.example/b', title: 'Chip&#0;maker' }] }));
    expect(json.entries[0].title).toBe('Chipmaker');
  });
});
