import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedsFromOpml, planOpmlImport, sourcesToOpml } from '../../../src/lib/aggregation/opml.ts';
import { appendSources } from '../../../src/lib/aggregation/registry-edit.ts';
import { parseSources } from '../../../src/lib/aggregation/registry.ts';

const readerExport = readFileSync(resolve(import.meta.dirname, '../../fixtures/opml/reader-export.opml'), 'utf8');
const REGISTRY = `# Outlets the desk follows.

- id: ars-technica
  name: Ars Technica # the one with the long reads
  feed: https://feeds.arstechnica.com/arstechnica/index
  tags: [Science, Hardware]
`;

describe('importing an OPML file', () => {
  const { sources: existing } = parseSources(REGISTRY, 'sources.yaml');
  const plan = planOpmlImport(existing, feedsFromOpml(readerExport));

  it('adds every new feed, from every folder, with an id from its name', () => {
    expect(plan.added).toEqual([
      { id: 'chipwire', name: 'Chipwire', feed: 'https://chipwire.example.com/feed.xml', site: 'https://chipwire.example.com/' },
      { id: 'brussels-tech-briefing', name: 'Brussels Tech Briefing', feed: 'https://brussels.example.eu/atom.xml' },
      { id: 'le-monde-informatique', name: 'Le Monde Informatique', feed: 'https://lemondeinformatique.example.fr/rss' },
      { id: 'tech-example-jp', name: '日本テック', feed: 'https://tech.example.jp/feed' },
    ]);
  });

  it('skips feeds already listed (compared as links), repeated ones, non-web addresses and missing ones, saying why', () => {
    expect(plan.skipped).toEqual([
      { name: 'Ars Technica', feed: 'http://FEEDS.arstechnica.com/arstechnica/index/', reason: 'already listed as Ars Technica' },
      { name: 'Chipwire (again)', feed: 'https://chipwire.example.com/feed.xml', reason: 'already listed as Chipwire' },
      { name: 'Gopher', feed: 'gopher://old.example.com/feed', reason: 'not an http(s) address' },
      { name: 'Wire Without Address', feed: '', reason: 'no feed address (xmlUrl)' },
    ]);
  });

  it('skips a feed listed under another spelling of its address (www., port, feed://), keeping other paths and queries', () => {
    const outlines = [
      ['Ars (www)', 'https://www.feeds.arstechnica.com:443/arstechnica/index/'],
      ['Ars (feed scheme)', 'feed://FEEDS.arstechnica.com/arstechnica/index'],
      ['Ars Science', 'https://feeds.arstechnica.com/arstechnica/science'],
      ['Ars Gadgets', 'https://feeds.arstechnica.com/arstechnica/index?section=gadgets'],
    ].map(([text, xmlUrl]) => `<outline text="${text}" xmlUrl="${xmlUrl}"/>`);
    const spelled = planOpmlImport(existing, feedsFromOpml(`<opml version="2.0"><body>${outlines.join('')}</body></opml>`));
    expect(spelled.skipped.map(({ name, reason }) => [name, reason])).toEqual([
      ['Ars (www)', 'already listed as Ars Technica'],
      ['Ars (feed scheme)', 'already listed as Ars Technica'],
    ]);
    expect(spelled.added.map((source) => source.name)).toEqual(['Ars Science', 'Ars Gadgets']);
  });

  it('keeps ids unique when two outlets share a name', () => {
    const twice = planOpmlImport(existing, [
      { name: 'Ars Technica', feed: 'https://arstechnica.com/science/feed/' },
      { name: 'Ars Technica', feed: 'https://arstechnica.com/gadgets/feed/' },
    ]);
    expect(twice.added.map((source) => source.id)).toEqual(['ars-technica-2', 'ars-technica-3']);
  });

  it('reads a dot in a name, or in the host name of an untitled feed, as a break between words', () => {
    const dotted = planOpmlImport(existing, [
      { name: 'LWN.net', feed: 'https://lwn.net/headlines/rss' },
      { name: 'Le Monde.fr - Actualités', feed: 'https://www.lemonde.fr/rss/une.xml' },
      { name: '', feed: 'https://www.blog.example.com/rss' },
    ]);
    expect(dotted.added.map((source) => [source.id, source.name])).toEqual([
      ['lwn-net', 'LWN.net'],
      ['le-monde-fr-actualites', 'Le Monde.fr - Actualités'],
      ['blog-example-com', 'www.blog.example.com'],
    ]);
  });

  it('keeps ids from long names short, whole words and unique, and the result a valid registry', () => {
    const name = 'Quarterly Semiconductor Manufacturing Equipment Procurement Intelligence Bulletin for Independent Engineering Consultancies Worldwide Including Appendices Tables Charts Commentary Forecasts Interviews Analysis';
    const long = planOpmlImport(existing, [
      { name, feed: 'https://bulletin.example/rss' },
      { name, feed: 'https://bulletin.example/atom' },
    ]);
    const ids = long.added.map((source) => source.id);
    expect(ids[0]).toBe('quarterly-semiconductor-manufacturing-equipment-procurement');
    expect(ids[1]).toBe(`${ids[0]}-2`);
    expect(parseSources(appendSources(REGISTRY, long.added), 'sources.yaml').problems).toEqual([]);
  });

  it('refuses a feed address holding a user name and password, and never repeats the password', () => {
    const secret = planOpmlImport(existing, [
      { name: 'Members Wire', feed: 'https://reader:hunter2@members.example/rss', site: 'https://reader:hunter2@members.example/' },
      { name: 'Open Wire', feed: 'https://open.example/rss', site: 'https://editor:s3cret@open.example/' },
    ]);
    expect(secret.skipped).toEqual([{ name: 'Members Wire', feed: 'https://members.example/rss', reason: expect.stringContaining('user name or password') }]);
    expect(secret.added).toEqual([{ id: 'open-wire', name: 'Open Wire', feed: 'https://open.example/rss' }]);
    expect(JSON.stringify(secret)).not.toMatch(/hunter2|s3cret|reader|editor/);
  });

  it('writes the new sources after the old ones, keeping comments and flow lists, and the result is a valid registry', () => {
    const text = appendSources(REGISTRY, plan.added);
    expect(text.startsWith(REGISTRY)).toBe(true);
    expect(text.slice(REGISTRY.length)).toBe(
      '\n- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n  site: https://chipwire.example.com/\n' +
        '\n- id: brussels-tech-briefing\n  name: Brussels Tech Briefing\n  feed: https://brussels.example.eu/atom.xml\n' +
        '\n- id: le-monde-informatique\n  name: Le Monde Informatique\n  feed: https://lemondeinformatique.example.fr/rss\n' +
        '\n- id: tech-example-jp\n  name: 日本テック\n  feed: https://tech.example.jp/feed\n',
    );
    const reread = parseSources(text, 'sources.yaml');
    expect(reread.problems).toEqual([]);
    expect(reread.sources.map((source) => source.id)).toEqual(['ars-technica', 'chipwire', 'brussels-tech-briefing', 'le-monde-informatique', 'tech-example-jp']);
  });

  it('starts a registry that holds only comments', () => {
    const text = appendSources('# Nothing followed yet.\n', plan.added.slice(0, 1));
    expect(text).toMatch(/^# Nothing followed yet\.\n\n?- id: chipwire\n/);
    expect(parseSources(text, 'sources.yaml').sources).toHaveLength(1);
  });

  it('leaves every line an editor wrote as it was: aligned comments, spacing, folded names, indentation, line ends', () => {
    const handWritten = [
      '# Header',
      '',
      '- id: chipwire                 # aligned comment',
      "  name: 'Chip''s Wire'",
      '  feed:    https://chipwire.example.com/feed.xml',
      '  include: [ RISC-V , /\\bchips?\\b/i ]',
      '',
      '-   id: ledger',
      '    name: >-',
      '      Ledger',
      '      Lines',
      '    feed: https://ledger.example/rss',
      '# Ideas: Quanta?',
      '',
    ].join('\n');
    const added = '\n- id: new-one\n  name: New One\n  feed: https://new.example/rss\n';
    const cut = handWritten.indexOf('# Ideas');
    expect(appendSources(handWritten, [{ id: 'new-one', name: 'New One', feed: 'https://new.example/rss' }])).toBe(handWritten.slice(0, cut) + added + handWritten.slice(cut));
    // The list indented, Windows line ends, no newline at the end.
    const indented = '  - id: chipwire\r\n    name: Chipwire\r\n    feed: https://chipwire.example.com/feed.xml';
    const text = appendSources(indented, [{ id: 'new-one', name: 'New One', feed: 'https://new.example/rss', tags: ['A'] }]);
    expect(text).toBe(`${indented}\r\n\r\n  - id: new-one\r\n    name: New One\r\n    feed: https://new.example/rss\r\n    tags: [A]\r\n`);
    expect(parseSources(text, 'sources.yaml').sources.map((source) => source.id)).toEqual(['chipwire', 'new-one']);
    // A list ended by "..." takes the new sources before the end.
    const ended = appendSources('- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n...\n', [{ id: 'new-one', name: 'New One', feed: 'https://new.example/rss' }]);
    expect(parseSources(ended, 'sources.yaml').sources.map((source) => source.id)).toEqual(['chipwire', 'new-one']);
    const marked = '\uFEFF- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n';
    expect(appendSources(marked, [{ id: 'new-one', name: 'New One', feed: 'https://new.example/rss' }])).toBe(`${marked}${added}`);
  });

  it('adds to a valid registry whose quoted value or [ … ] list goes on at the start of the next line, at its indent', () => {
    const entry = { id: 'chipwire', name: 'Chipwire', feed: 'https://chipwire.example.com/feed.xml' };
    for (const registry of [
      '  - id: ars\n    name: Ars\n    feed: "\nhttps://ars.example/feed"\n',
      '- tags: [\n]\n  id: ars\n  name: Ars\n  feed: https://ars.example/feed\n\n# the end\n',
      '# sources\n&all\n  - id: ars\n    name: "Ars\nTechnica"\n    feed: https://ars.example/feed\n...\n# after the end\n',
    ]) {
      const { sources, problems } = parseSources(registry, 'sources.yaml');
      expect(problems).toEqual([]);
      const edited = parseSources(appendSources(registry, [entry]), 'sources.yaml');
      expect(edited.problems).toEqual([]);
      expect(edited.sources).toEqual([...sources, { ...entry, tags: [], content: 'excerpt', publish: 'review', include: [], exclude: [] }]);
    }
  });

  it('refuses, saying what to do, a registry written as one flow list', () => {
    expect(() => appendSources('[{id: chipwire, name: Chipwire, feed: "https://chipwire.example.com/feed.xml"}]\n', [{ id: 'new-one', name: 'New One', feed: 'https://new.example/rss' }])).toThrow(
      /write each on its own "- id: …" lines/,
    );
  });

  it('quotes names that YAML would misread', () => {
    const text = appendSources('', [{ id: 'colon', name: 'Tech: the "weekly" # one', feed: 'https://colon.example.com/feed' }]);
    expect(parseSources(text, 'sources.yaml').sources[0]!.name).toBe('Tech: the "weekly" # one');
  });

  it('reads names with runs of spaces, line breaks or no-break spaces as single spaces', () => {
    const text = '<opml version="1.0"><body><outline title="  Chip&#160;&#160;Wire&#10;  Daily " xmlUrl="https://chipwire.example.com/feed.xml"/></body></opml>';
    expect(feedsFromOpml(text)).toEqual([{ name: 'Chip Wire Daily', feed: 'https://chipwire.example.com/feed.xml' }]);
  });

  it('drops invisible characters (controls, bidi controls, zero-width spaces) from a reader\'s names', () => {
    const text = '<opml version="1.0"><body><outline title="Chip&#x202E;Wire&#x202C; Dai&#x200B;ly\u0085" xmlUrl="https://chipwire.example.com/feed.xml"/></body></opml>';
    const feeds = feedsFromOpml(text);
    expect(feeds).toEqual([{ name: 'ChipWire Daily', feed: 'https://chipwire.example.com/feed.xml' }]);
    expect(parseSources(appendSources('', [{ id: 'chipwire', ...feeds[0]! }]), 'sources.yaml').problems).toEqual([]);
  });

  it('reads the feed: scheme some readers write as the http(s) address it stands for', () => {
    const text =
      '<opml version="1.0"><body><outline text="One" xmlUrl="feed://one.example/rss"/><outline text="Two" xmlUrl="feed:https://two.example/atom"/><outline text="Three" xmlUrl="FEED:http://three.example/rss"/></body></opml>';
    expect(planOpmlImport([], feedsFromOpml(text)).added.map((source) => source.feed)).toEqual(['http://one.example/rss', 'https://two.example/atom', 'http://three.example/rss']);
  });

  it('refuses an empty file, saying so', () => {
    expect(() => feedsFromOpml('\uFEFF\n ')).toThrow(/^the file is empty; export the list of feeds from the feed reader again$/);
  });

  it('refuses a file that is not OPML', () => {
    expect(() => feedsFromOpml('<html><body>not a feed list</body></html>')).toThrow();
  });
});

describe('refusing what is not a whole OPML file', () => {
  // Cut inside the second outline's attributes, and just after it: either way the first feed would be imported alone.
  const cutInOutline = readerExport.slice(0, readerExport.indexOf('xmlUrl="http://FEEDS'));
  const cutAfterOutline = readerExport.slice(0, readerExport.indexOf('</outline>'));

  it('refuses a file cut short, naming the elements left open and the line it ends at', () => {
    expect(() => feedsFromOpml(cutInOutline)).toThrow('malformed XML at line 7: the file ends inside <opml>, <body>, <outline>, <outline>, so it looks cut short');
    expect(() => feedsFromOpml(cutAfterOutline)).toThrow('malformed XML at line 7: the file ends inside <opml>, <body>, <outline>, so it looks cut short');
    expect(() => feedsFromOpml(`${readerExport.slice(0, readerExport.indexOf('</opml>'))}\n`)).toThrow('malformed XML at line 17: the file ends inside <opml>, so it looks cut short');
  });

  it('refuses an element left unclosed, naming the line', () => {
    const unclosed = '<opml version="2.0">\n<body>\n<outline text="A" xmlUrl="https://a.example/feed">\n</body>\n</opml>\n';
    expect(() => feedsFromOpml(unclosed)).toThrow(/^malformed XML at line 4, column \d+: Expected closing tag 'outline' \(opened in line 3/);
  });

  it('counts lines from the top of the file when blank lines come before the XML declaration', () => {
    const indented = `\n\n${cutInOutline}`;
    expect(() => feedsFromOpml(indented)).toThrow(/^malformed XML at line 9: /);
    expect(() => feedsFromOpml(`\n\n${readerExport.replace('<title>', '<title>&')}`)).toThrow(/^malformed XML at line 5, column \d+: /);
    expect(feedsFromOpml(`\n\n${readerExport}`)).toEqual(feedsFromOpml(readerExport));
  });

  it('refuses an HTML page, saying what it is', () => {
    const page = '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>My feeds</title></head>\n<body><a href="/feeds.opml">Download</a></body>\n</html>\n';
    expect(() => feedsFromOpml(page)).toThrow('this is an HTML web page, not an OPML file');
  });

  it('refuses XML whose root is not <opml>, or an <opml> without a <body>', () => {
    expect(() => feedsFromOpml('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A feed</title></channel></rss>\n')).toThrow(
      'not an OPML file: its root element is <rss>, not <opml>',
    );
    expect(() => feedsFromOpml('<opml version="2.0"><head><title>Feeds</title></head></opml>')).toThrow('not an OPML file: <opml> has no <body>');
  });

  it('refuses text that is not XML at all', () => {
    expect(() => feedsFromOpml('https://chipwire.example.com/feed.xml\n')).toThrow(/^malformed XML at line 1, column 1: /);
  });

  it('reads a whole file with a body but no outlines as no feeds', () => {
    expect(feedsFromOpml('<?xml version="1.0"?>\n<opml version="2.0"><head/><body/></opml>\n')).toEqual([]);
  });

  it('still reads a whole file, with a byte order mark or written on one line', () => {
    const oneLine = readerExport.replace(/\n\s*/g, '');
    expect(feedsFromOpml(`\uFEFF${readerExport}`)).toEqual(feedsFromOpml(readerExport));
    expect(feedsFromOpml(oneLine)).toEqual(feedsFromOpml(readerExport));
    expect(feedsFromOpml(readerExport)).toHaveLength(8);
  });
});

describe('exporting and importing back', () => {
  const VARIED = `- id: chipwire
  name: Chip Wire Daily
  feed: https://chipwire.example.com/feed.xml
  site: https://chipwire.example.com/
  tags: [Semiconductors, "R&D <fabs>"]
  content: full
  publish: auto
  include: [RISC-V, /\\bchips?\\b/i]
  exclude: ["sponsored \\"content\\""]

- id: brussels
  name: Brussels Tech Briefing
  feed: https://brussels.example.eu/atom.xml

- id: spaced
  name: "Spaced  Out\\u00a0Wire"
  feed: https://Spaced.example:443/rss?topic=a b
  site: https://spaced.example
`;

  it('gives back the same registry: ids and settings included', () => {
    const original = parseSources(VARIED, 'sources.yaml');
    expect(original.problems).toEqual([]);
    const opml = sourcesToOpml(original.sources, 'Newsdesk sources');
    expect(opml).toContain('<title>Newsdesk sources</title>');
    const plan = planOpmlImport([], feedsFromOpml(opml));
    const imported = parseSources(appendSources('', plan.added), 'sources.yaml');
    expect(imported.problems).toEqual([]);
    expect(imported.sources).toEqual(original.sources);
    expect(plan.skipped).toEqual([]);
    expect(plan.notes).toEqual([]);
    // …and into the registry it came from, nothing is new.
    expect(planOpmlImport(original.sources, feedsFromOpml(opml)).added).toEqual([]);
  });

  it('writes the settings as the registry does, lists on one line', () => {
    const { sources } = parseSources(VARIED, 'sources.yaml');
    const text = appendSources('', planOpmlImport([], feedsFromOpml(sourcesToOpml(sources, 'Newsdesk sources'))).added);
    expect(text).toContain('  tags: [Semiconductors, R&D <fabs>]\n  content: full\n  publish: auto\n');
  });

  it('cleans a name in an export edited by hand that the registry would refuse, keeping one it takes as written', () => {
    const text =
      '<opml version="2.0"><body><outline title="&#x202E;evil  Wire" xmlUrl="https://evil.example/feed" newsdeskId="evil"/><outline title="Spaced  Out" xmlUrl="https://spaced.example/feed" newsdeskId="spaced"/></body></opml>';
    const plan = planOpmlImport([], feedsFromOpml(text));
    expect(plan.added.map((source) => source.name)).toEqual(['evil Wire', 'Spaced  Out']);
    expect(parseSources(appendSources('', plan.added), 'sources.yaml').problems).toEqual([]);
  });

  it('gives back both of two sources whose feeds are one address written two ways, as the registry keeps them, with a note naming both', () => {
    const registry = [
      '- id: chipwire',
      '  name: Chip Wire',
      '  feed: https://chipwire.example.com/feed/',
      '- id: chipwire-risc-v',
      '  name: Chip Wire RISC-V',
      '  feed: https://ChipWire.example.com:443/feed',
      '  include: [RISC-V]',
      '- id: chipwire-again',
      '  name: Chip Wire again',
      '  feed: https://chipwire.example.com/feed/',
      '',
    ].join('\n');
    const original = parseSources(registry, 'sources.yaml');
    expect(original.problems.map((problem) => `${problem.severity}: ${problem.message}`)).toEqual([
      expect.stringMatching(/^warning: "chipwire-risc-v" reads the same feed as "chipwire" \(sources\.yaml:3\), written differently/),
      expect.stringMatching(/^warning: "chipwire-again" reads the same feed as "chipwire" \(sources\.yaml:3\), at the same address/),
    ]);
    const plan = planOpmlImport([], feedsFromOpml(sourcesToOpml(original.sources, 'Newsdesk sources')));
    expect(plan.skipped).toEqual([]);
    expect(plan.notes).toEqual([
      { id: 'chipwire-risc-v', note: 'it reads the same feed as chipwire, written differently (https://ChipWire.example.com:443/feed and https://chipwire.example.com/feed/), as the two did in the registry exported: both are kept, and npm run check:content warns of them; remove one unless their include/exclude filters are meant to pick different items' },
      { id: 'chipwire-again', note: 'it reads the same feed as chipwire, at the same address (https://chipwire.example.com/feed/), as the two did in the registry exported: both are kept, and npm run check:content warns of them; remove one unless their include/exclude filters are meant to pick different items' },
    ]);
    const imported = parseSources(appendSources('', plan.added), 'sources.yaml');
    expect(imported.sources).toEqual(original.sources);
    // The registry written warns of them as the one exported did.
    expect(imported.problems.map((problem) => problem.message)).toEqual(original.problems.map((problem) => problem.message));
    // …into the registry it came from, nothing is new; and a feed reader's file that lists one feed twice gives one source.
    expect(planOpmlImport(original.sources, feedsFromOpml(sourcesToOpml(original.sources, 'Newsdesk sources'))).added).toEqual([]);
    const reader = '<opml version="2.0"><body><outline title="Chip Wire" xmlUrl="https://chipwire.example.com/feed/"/><outline title="Chips" xmlUrl="https://ChipWire.example.com:443/feed"/></body></opml>';
    expect(planOpmlImport([], feedsFromOpml(reader))).toMatchObject({ added: [{ id: 'chip-wire' }], skipped: [{ name: 'Chips', reason: 'already listed as Chip Wire' }] });
  });

  it('gives a taken or invalid exported id a new one, and keeps a source whose settings are invalid without them, saying so', () => {
    const { sources } = parseSources(VARIED, 'sources.yaml');
    const feeds = feedsFromOpml(sourcesToOpml(sources, 'Newsdesk sources'));
    const plan = planOpmlImport(parseSources(REGISTRY, 'sources.yaml').sources, [
      { ...feeds[0]!, id: 'ars-technica', settings: '{"publish":"sometimes"}' },
      { ...feeds[1]!, id: 'Not An Id', settings: '{not json' },
    ]);
    expect(plan.added).toEqual([
      { id: 'chip-wire-daily', name: 'Chip Wire Daily', feed: 'https://chipwire.example.com/feed.xml', site: 'https://chipwire.example.com/' },
      { id: 'brussels-tech-briefing', name: 'Brussels Tech Briefing', feed: 'https://brussels.example.eu/atom.xml' },
    ]);
    expect(plan.notes).toEqual([
      { id: 'chip-wire-daily', note: 'the exported id "ars-technica" is already taken, so it is listed as chip-wire-daily' },
      { id: 'chip-wire-daily', note: expect.stringMatching(/^its exported settings were left out, so it takes the defaults: publish: "sometimes" is not one of review, auto/) },
      { id: 'brussels-tech-briefing', note: 'the exported id "Not An Id" is not a valid source id, so it is listed as brussels-tech-briefing' },
      { id: 'brussels-tech-briefing', note: 'its exported settings were left out, so it takes the defaults: they are not valid JSON' },
    ]);
  });
});
