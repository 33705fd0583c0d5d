/** `npm run sources`, run as editors run it: OPML in and out of a registry file. */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseSources } from '../../src/lib/aggregation/registry.ts';
import { projectRoot } from '../helpers/invalid-corpus.ts';

const node = join(projectRoot, 'node_modules/.bin/node');
const opmlFixture = join(projectRoot, 'tests/fixtures/opml/reader-export.opml');
let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const inherited = () => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEWSDESK_')));

function sources(args: string[]) {
  const result = spawnSync(node, [join(projectRoot, 'src/cli/sources.ts'), ...args], { cwd: folder, env: inherited(), encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking this process, which serves the feeds it fetches. */
function sourcesFetching(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(node, [join(projectRoot, 'src/cli/sources.ts'), ...args], { cwd: folder, env: inherited(), encoding: 'utf8' }, (_error, stdout, stderr) =>
      done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('npm run sources', () => {
  it('imports an OPML file into the registry once, keeping what was there, and exports it back', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const registry = join(folder, 'sources.yaml');
    const before = '# Our outlets.\n\n- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n  publish: auto\n';
    writeFileSync(registry, before);

    const first = sources(['import-opml', opmlFixture, '--sources', 'sources.yaml']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('skipped  Chipwire <https://chipwire.example.com/feed.xml>: already listed as Chipwire');
    expect(first.stdout).toContain('added    ars-technica: Ars Technica <http://feeds.arstechnica.com/arstechnica/index/>');
    expect(first.stdout).toContain('skipped  Wire Without Address: no feed address (xmlUrl)');
    expect(first.stdout).toMatch(/sources\.yaml: added 4, skipped 4\./);
    const written = readFileSync(registry, 'utf8');
    expect(written.startsWith(before)).toBe(true);
    expect(parseSources(written, 'sources.yaml').sources.map((source) => source.id)).toEqual(['chipwire', 'ars-technica', 'brussels-tech-briefing', 'le-monde-informatique', 'tech-example-jp']);

    const again = sources(['import-opml', opmlFixture, '--sources', 'sources.yaml']);
    expect(again.stdout).toMatch(/added 0, skipped 8\./);
    expect(readFileSync(registry, 'utf8')).toBe(written);

    const exported = sources(['export-opml', '--sources', 'sources.yaml', '--output', 'out.opml']);
    expect(exported.code).toBe(0);
    const opml = readFileSync(join(folder, 'out.opml'), 'utf8');
    expect(opml).toContain('xmlUrl="https://chipwire.example.com/feed.xml"');
    expect(sources(['export-opml', '--sources', 'sources.yaml']).stdout).toBe(opml);

    // The export imported into a fresh registry gives back the same sources: ids and settings (publish: auto) too.
    const intoNew = sources(['import-opml', 'out.opml', '--sources', 'fresh.yaml']);
    expect(intoNew.code).toBe(0);
    // A mistyped --sources makes a new file; the summary says so.
    expect(intoNew.stdout).toContain('\nfresh.yaml: added 5, skipped 0; it did not exist, so it was created.');
    const fresh = parseSources(readFileSync(join(folder, 'fresh.yaml'), 'utf8'), 'fresh.yaml').sources;
    expect(fresh).toEqual(parseSources(written, 'sources.yaml').sources);
  });

  it('warns of one feed listed twice under different spellings, and still imports, skipping a third spelling', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const twice = '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n- id: chipwire-www\n  name: Chipwire (www)\n  feed: http://www.chipwire.example.com/feed.xml/\n';
    writeFileSync(join(folder, 'sources.yaml'), twice);
    writeFileSync(join(folder, 'feeds.opml'), '<opml version="2.0"><body><outline text="Chipwire again" xmlUrl="feed://WWW.chipwire.example.com:80/feed.xml"/></body></opml>');
    const result = sources(['import-opml', 'feeds.opml', '--sources', 'sources.yaml']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('sources.yaml:6: warning: feed: "chipwire-www" reads the same feed as "chipwire" (sources.yaml:3)');
    expect(result.stdout).toContain('skipped  Chipwire again <http://WWW.chipwire.example.com:80/feed.xml>: already listed as Chipwire');
    expect(readFileSync(join(folder, 'sources.yaml'), 'utf8')).toBe(twice);

    // Exported and imported into a fresh registry, both come back, as the registry took them, the second noted.
    expect(sources(['export-opml', '--sources', 'sources.yaml', '--output', 'out.opml']).code).toBe(0);
    const intoNew = sources(['import-opml', 'out.opml', '--sources', 'fresh.yaml']);
    expect(intoNew.code).toBe(0);
    expect(intoNew.stdout).toContain('note     chipwire-www: it reads the same feed as chipwire, written differently (http://www.chipwire.example.com/feed.xml/ and https://chipwire.example.com/feed.xml)');
    expect(intoNew.stdout).toContain('fresh.yaml: added 2, skipped 0');
    expect(parseSources(readFileSync(join(folder, 'fresh.yaml'), 'utf8'), 'fresh.yaml').sources).toEqual(parseSources(twice, 'sources.yaml').sources);
  });

  it('refuses to touch a registry with errors, naming file, line and field', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const broken = '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n  pubish: auto\n';
    writeFileSync(join(folder, 'sources.yaml'), broken);
    const result = sources(['import-opml', opmlFixture, '--sources', 'sources.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sources.yaml:4: pubish: unknown field "pubish"; did you mean "publish"?');
    expect(readFileSync(join(folder, 'sources.yaml'), 'utf8')).toBe(broken);
  });

  it('refuses an OPML file cut short or a web page, naming the file and line, and leaves the registry byte for byte as it was', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const before = '# Our outlets.\n\n- id: brussels\n  name: Brussels Tech Briefing\n  feed: https://brussels.example.eu/atom.xml\n';
    writeFileSync(join(folder, 'sources.yaml'), before);
    const whole = readFileSync(opmlFixture, 'utf8');
    // Cut off after the first feed: a loose reader would add Chipwire and lose the rest.
    writeFileSync(join(folder, 'cut.opml'), whole.slice(0, whole.indexOf('<outline type="rss" text="Ars Technica"')));
    writeFileSync(join(folder, 'page.html'), '<!DOCTYPE html>\n<html><head><title>Feeds</title></head><body><a href="feeds.opml">feeds</a></body></html>\n');

    const cut = sources(['import-opml', 'cut.opml', '--sources', 'sources.yaml']);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toBe('Cannot import cut.opml: malformed XML at line 6: the file ends inside <opml>, <body>, <outline>, so it looks cut short.\nNothing was written to sources.yaml.\n');
    expect(cut.stdout).toBe('');
    const page = sources(['import-opml', 'page.html', '--sources', 'sources.yaml']);
    expect(page.code).toBe(1);
    expect(page.stderr).toContain('Cannot import page.html: this is an HTML web page, not an OPML file');
    mkdirSync(join(folder, 'exports'));
    const notAFile = sources(['import-opml', 'exports', '--sources', 'sources.yaml']);
    expect(notAFile.code).toBe(1);
    expect(notAFile.stderr).toBe('Cannot import exports: it is a folder, not a file.\nNothing was written to sources.yaml.\n');
    expect(readFileSync(join(folder, 'sources.yaml'), 'utf8')).toBe(before);
  });

  it('reads an OPML file in the encoding its XML declaration names', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const latin1 = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<opml version="1.0"><body><outline text="Café Réseau" type="rss" xmlUrl="https://cafe.example/rss"/></body></opml>\n';
    writeFileSync(join(folder, 'old-reader.opml'), Buffer.from(latin1, 'latin1'));
    const result = sources(['import-opml', 'old-reader.opml', '--sources', 'sources.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('added    cafe-reseau: Café Réseau <https://cafe.example/rss>');
  });

  it('says, without a stack trace, that it cannot export into a folder', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    writeFileSync(join(folder, 'sources.yaml'), '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n');
    mkdirSync(join(folder, 'exports'));
    const result = sources(['export-opml', '--sources', 'sources.yaml', '--output', 'exports']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Cannot write exports: it is a folder; give a file name, such as exports/sources.opml.\n');
  });

  it('refuses to export over the registry it reads, leaving it as it was', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const before = '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n';
    writeFileSync(join(folder, 'sources.yaml'), before);
    const result = sources(['export-opml', '--sources', 'sources.yaml', '--output', './sources.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--output ./sources.yaml is the registry itself; the OPML would replace it. Write it to another file, such as --output sources.opml');
    expect(readFileSync(join(folder, 'sources.yaml'), 'utf8')).toBe(before);
  });

  it('says how it is used', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const result = sources(['sync']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown command "sync"[\s\S]*import-opml <file>/);
  });

  it('answers a mistyped command with the usage and exit code 2, even when the registry has errors', () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    writeFileSync(join(folder, 'sources.yaml'), '- id: Chip Wire\n  name: Chipwire\n');
    for (const [args, message] of [
      [['list'], 'Unknown command "list".'],
      [['add'], 'add needs one address'],
      [['import-opml'], 'import-opml needs one OPML file.'],
    ] as const) {
      const result = sources([...args, '--sources', 'sources.yaml']);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('Usage: npm run sources');
    }
  });
});

describe('npm run sources -- add', () => {
  const rss = (title: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://chipwire.example/</link>` +
    '<item><title>Fab opening slips</title><link>https://chipwire.example/fab</link></item></channel></rss>';
  const page = (head: string) => `<!DOCTYPE html><html><head><title>Chip Wire</title>${head}</head><body><p>News</p></body></html>`;
  const routes: Record<string, [string, string]> = {
    '/': ['text/html', page('<link rel="alternate" type="application/rss+xml" href="/feeds/all.xml"><link rel="alternate" type="application/atom+xml" href="/feeds/atom.xml">')],
    '/feeds/all.xml': ['application/rss+xml', rss('Chip Wire &amp; Co')],
    '/plain': ['text/html', page('<link rel="stylesheet" href="/site.css">')],
    // A feed's title is the publisher's to write: here a terminal's escape sequences, a line break and a runner command.
    '/hostile.json': [
      'application/feed+json',
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Chip\u001b]0;owned\u0007\u001b[2J Wire\n::error::forged ##[warning]forged', items: [{ id: '1', url: 'https://chipwire.example/fab', title: 'Fab', content_text: 'Text.' }] }),
    ],
  };
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/old') return response.writeHead(301, { location: '/feeds/all.xml' }).end();
      if (request.url === '/tracked') return response.writeHead(302, { location: '/feeds/all.xml' }).end();
      const route = routes[request.url ?? ''];
      if (!route) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': route[0] }).end(route[1]);
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((closed) => server.close(closed)));

  it('adds the feed a home page links to, named by its title with the defaults, and never twice', async () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const before = '# Our outlets.\n- id: pixelpost\n  name: Pixel Post\n  feed: https://pixelpost.example/rss\n';
    writeFileSync(join(folder, 'sources.yaml'), before);
    const added = await sourcesFetching(['add', `${origin}/`, '--sources', 'sources.yaml']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`“Chip Wire & Co” (RSS 2.0, 1 item) from ${origin}/feeds/all.xml, linked from ${origin}/`);
    expect(added.stdout).toContain(`added    chip-wire-and-co: Chip Wire & Co <${origin}/feeds/all.xml>`);
    const written = readFileSync(join(folder, 'sources.yaml'), 'utf8');
    expect(written.startsWith(before)).toBe(true);
    expect(parseSources(written, 'sources.yaml').sources.at(-1)).toEqual({
      id: 'chip-wire-and-co', name: 'Chip Wire & Co', feed: `${origin}/feeds/all.xml`, site: 'https://chipwire.example/', tags: [], content: 'excerpt', publish: 'review', include: [], exclude: [],
    });

    const again = await sourcesFetching(['add', `${origin}/old`, '--sources', 'sources.yaml']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`It has moved for good to ${origin}/feeds/all.xml (a permanent redirect), the address added.`);
    expect(again.stdout).toContain(`skipped  Chip Wire & Co <${origin}/feeds/all.xml>: already listed as Chip Wire & Co`);
    expect(again.stdout).toContain('sources.yaml: added 0, skipped 1.');
    expect(readFileSync(join(folder, 'sources.yaml'), 'utf8')).toBe(written);
  });

  it('adds a feed that has moved for good at its new address, and one redirected for now at the address given', async () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const moved = await sourcesFetching(['add', `${origin}/old`, '--dry-run', '--sources', 'sources.yaml']);
    expect(moved.stdout).toContain(`added    chip-wire-and-co: Chip Wire & Co <${origin}/feeds/all.xml>`);
    const tracked = await sourcesFetching(['add', `${origin}/tracked`, '--dry-run', '--sources', 'sources.yaml']);
    expect(tracked.stdout).toContain(`added    chip-wire-and-co: Chip Wire & Co <${origin}/tracked>`);
    expect(tracked.stdout).not.toContain('moved for good');
  });

  it('prints a feed title holding escape sequences, line breaks and a CI runner command as inert text, each line of the report one line', async () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const result = await sourcesFetching(['add', `${origin}/hostile.json`, '--dry-run', '--sources', 'sources.yaml']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).not.toMatch(/^\s*::|##\[/m);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^“Chip.*Wire.*forged” \(JSON Feed, 1 item\) from /);
    expect(lines.filter((line) => line.startsWith('added    '))).toHaveLength(1);
  });

  it('refuses to add to a registry saved as Windows-1252, naming its line, and leaves its accents byte for byte as they were', async () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const before = Buffer.from('- id: cafe\n  name: Caf\xe9 Tech\n  feed: https://cafe.example.com/feed.xml\n', 'latin1');
    writeFileSync(join(folder, 'sources.yaml'), before);
    const result = await sourcesFetching(['add', `${origin}/feeds/all.xml`, '--sources', 'sources.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sources.yaml:2: the file is not UTF-8 text; it reads as Windows-1252 (that line has Café): reopen it in that encoding');
    expect(readFileSync(join(folder, 'sources.yaml'))).toEqual(before);
  });

  it('takes the name it is given, and writes nothing on a dry run', async () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const result = await sourcesFetching(['add', `${origin}/feeds/all.xml`, '--name', 'Chipwire', '--dry-run', '--sources', 'sources.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`added    chipwire: Chipwire <${origin}/feeds/all.xml>`);
    expect(result.stdout).toContain('sources.yaml: would add 1, skipped 0; it does not exist, so it would be created.');
    expect(() => readFileSync(join(folder, 'sources.yaml'))).toThrow();
  });

  it('refuses a page that links to no feed, and a missing one, leaving the registry as it was', async () => {
    folder = mkdtempSync(join(tmpdir(), 'newsdesk-sources-'));
    const before = '- id: pixelpost\n  name: Pixel Post\n  feed: https://pixelpost.example/rss\n';
    writeFileSync(join(folder, 'sources.yaml'), before);
    const plain = await sourcesFetching(['add', `${origin}/plain`, '--sources', 'sources.yaml']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(`Cannot add ${origin}/plain: this is an HTML web page, not a feed; look for its RSS or Atom link (served as text/html).\nNothing was written to sources.yaml.\n`);
    const missing = await sourcesFetching(['add', `${origin}/gone.xml`, '--sources', 'sources.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Cannot add ${origin}/gone.xml: ${origin}/gone.xml answered 404 Not Found.`);
    expect(readFileSync(join(folder, 'sources.yaml'), 'utf8')).toBe(before);
  });
});
