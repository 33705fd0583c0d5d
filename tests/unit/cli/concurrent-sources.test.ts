// Two `npm run sources -- import-opml` runs on one registry at nearly the same moment keep both runs' sources: the
// registry is locked while an import reads and writes it. A killed import's temporary file is cleaned up.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockFolder } from '../../../src/io/folder-lock.ts';
import { parseSources } from '../../../src/lib/aggregation/registry.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const opml = (host: string, count: number) =>
  `<?xml version="1.0"?>\n<opml version="1.0"><head><title>${host}</title></head><body>\n${Array.from({ length: count }, (_, index) => `<outline text="${host} ${index}" type="rss" xmlUrl="https://${host}.example/${index}.xml"/>`).join('\n')}\n</body></opml>\n`;

function registryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-concurrent-sources-'));
  folders.push(folder);
  writeFileSync(join(folder, 'sources.yaml'), '# Our outlets.\n');
  writeFileSync(join(folder, 'one.opml'), opml('one', 300));
  writeFileSync(join(folder, 'two.opml'), opml('two', 300));
  return folder;
}

/** `onOutput` hears the output so far each time more arrives. */
function startImport(folder: string, file: string, onOutput: (output: string) => void = () => {}, registry = 'sources.yaml'): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(projectRoot, 'node_modules/.bin/node'), [join(projectRoot, 'src/cli/sources.ts'), 'import-opml', file, '--sources', registry], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const heard = (chunk: Buffer) => onOutput((output += chunk));
  child.stdout.on('data', heard);
  child.stderr.on('data', heard);
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

const listed = (folder: string) => parseSources(readFileSync(join(folder, 'sources.yaml'), 'utf8'), 'sources.yaml').sources;

describe('two imports into one registry at once', () => {
  it('keep the sources of both', async () => {
    const folder = registryFolder();
    const results = await Promise.all([startImport(folder, 'one.opml'), startImport(folder, 'two.opml')]);
    for (const result of results) expect(result.code, result.output).toBe(0);
    expect(listed(folder)).toHaveLength(600);
    expect(existsSync(join(folder, 'sources.yaml.lock'))).toBe(false);
  });

  it('wait while another holds the registry, and add to what it wrote', async () => {
    const folder = registryFolder();
    const registry = join(folder, 'sources.yaml');
    const release = await lockFolder(registry, { what: 'the test registry' });
    let saysItWaits: () => void;
    const waitingSaid = new Promise<void>((done) => (saysItWaits = done));
    const waiting = startImport(folder, 'one.opml', (output) => output.includes('is writing the sources registry sources.yaml') && saysItWaits());
    await Promise.race([waitingSaid, waiting]);
    // What the lock holder writes meanwhile is read by the waiting import, not overwritten.
    writeFileSync(registry, '# Our outlets.\n- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n');
    await release();
    const result = await waiting;
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Another run is writing the sources registry sources.yaml; waiting for it to finish…');
    expect(listed(folder).map((source) => source.id).slice(0, 2)).toEqual(['chipwire', 'one-0']);
  });
});

describe('an import after one that was killed while writing the registry', () => {
  it('removes the temporary file the killed one left, and only that', async () => {
    const folder = registryFolder();
    const leftover = '.sources.yaml.3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f.tmp';
    writeFileSync(join(folder, leftover), '# Our outlets.\n- id: half');
    writeFileSync(join(folder, '.editor-notes.tmp'), 'not ours');
    const result = await startImport(folder, 'one.opml');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`Removed ${leftover}, left by an import that was stopped.`);
    expect(readdirSync(folder).filter((name) => name.startsWith('.'))).toEqual(['.editor-notes.tmp']);
  });
});

describe('an import into a registry whose folder cannot be written', () => {
  it('says which lock it could not make and exits with 1, without a stack trace', async () => {
    const folder = registryFolder();
    // A file where the registry's folder should be: unwritable even for root, as a read-only checkout is for an editor.
    writeFileSync(join(folder, 'shared'), '');
    const result = await startImport(folder, 'one.opml', undefined, 'shared/sources.yaml');
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain(`Cannot lock the sources registry shared/sources.yaml: ${join(folder, 'shared/sources.yaml')}.lock cannot be made (`);
    expect(result.output).toContain('Nothing was written to shared/sources.yaml.');
    expect(result.output).not.toContain('    at ');
  });
});
