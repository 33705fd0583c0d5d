import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourcesFile } from '../../../src/io/read-sources.ts';

const folder = mkdtempSync(join(tmpdir(), 'newsdesk-read-sources-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('reading the registry file', () => {
  it('reads a missing file as no sources', () => {
    expect(readSourcesFile(join(folder, 'missing.yaml'), 'missing.yaml')).toEqual({ sources: [], problems: [], exists: false, text: '' });
  });

  it('reports a folder given for the file as a problem naming it, not a crash', () => {
    mkdirSync(join(folder, 'content'));
    const read = readSourcesFile(join(folder, 'content'), 'content');
    expect(read.sources).toEqual([]);
    expect(read.problems).toEqual([{ file: 'content', severity: 'error', message: 'is a folder, not the registry file', hint: 'give the path of the YAML file, such as content/sources.yaml' }]);
  });

  it('reads the file it is given', () => {
    writeFileSync(join(folder, 'sources.yaml'), '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n');
    const read = readSourcesFile(join(folder, 'sources.yaml'), 'sources.yaml');
    expect(read.problems).toEqual([]);
    expect(read.sources.map((source) => source.id)).toEqual(['chipwire']);
  });

  it('refuses a registry saved as Windows-1252, at the line of its first accent, rather than read it with the accent lost', () => {
    writeFileSync(join(folder, 'windows.yaml'), Buffer.from('- id: cafe\n  name: Caf\xe9 Tech\n  feed: https://cafe.example.com/feed.xml\n', 'latin1'));
    const read = readSourcesFile(join(folder, 'windows.yaml'), 'windows.yaml');
    expect(read.sources).toEqual([]);
    expect(read.problems).toEqual([
      { file: 'windows.yaml', line: 2, severity: 'error', message: 'the file is not UTF-8 text', hint: expect.stringMatching(/^it reads as Windows-1252 \(that line has Café\): reopen it in that encoding/) },
    ]);
  });

  it('reads a registry saved with a byte-order mark and Windows line ends, keeping both for tools that rewrite it', () => {
    const text = '\uFEFF- id: cafe\r\n  name: Café Tech\r\n  feed: https://cafe.example.com/feed.xml\r\n';
    writeFileSync(join(folder, 'bom.yaml'), text);
    const read = readSourcesFile(join(folder, 'bom.yaml'), 'bom.yaml');
    expect(read.problems).toEqual([]);
    expect(read.sources.map((source) => source.name)).toEqual(['Café Tech']);
    expect(read.text).toBe(text);
  });
});
