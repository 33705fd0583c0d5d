import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTemporaryFiles, replaceFile, writeNewFile } from '../../../src/io/write-file.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-write-'));
  folders.push(folder);
  return folder;
}

describe('writeNewFile', () => {
  it('creates the folder and the file, leaving no temporary file behind', async () => {
    const folder = tempFolder();
    const path = join(folder, 'imported', 'story.md');
    await writeNewFile(path, 'contents');
    expect(readFileSync(path, 'utf8')).toBe('contents');
    expect(readdirSync(join(folder, 'imported'))).toEqual(['story.md']);
  });

  it('never overwrites an existing file', async () => {
    const folder = tempFolder();
    const path = join(folder, 'story.md');
    writeFileSync(path, 'the editor’s version');
    await expect(writeNewFile(path, 'imported version')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('the editor’s version');
    expect(readdirSync(folder)).toEqual(['story.md']);
  });

  it('lets exactly one of two simultaneous writers win', async () => {
    const folder = tempFolder();
    const path = join(folder, 'story.md');
    const results = await Promise.allSettled([writeNewFile(path, 'a'.repeat(100_000)), writeNewFile(path, 'b'.repeat(100_000))]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toMatch(/^(a{100000}|b{100000})$/);
    expect(readdirSync(folder)).toEqual(['story.md']);
  });
});

describe('a disk that fills up during a write', () => {
  // A child process whose files may not grow past 1 KB: its writes beyond that fail (EFBIG), as on a full disk.
  const writeOnFullDisk = (writer: 'writeNewFile' | 'replaceFile', path: string) => {
    const module = resolve(import.meta.dirname, '../../../src/io/write-file.ts');
    const script = `import(${JSON.stringify(module)}).then((m) => m.${writer}(${JSON.stringify(path)}, 'x'.repeat(64 * 1024))).then(() => console.log('written'), (error) => console.log(error.code))`;
    const node = resolve(import.meta.dirname, '../../../node_modules/.bin/node');
    return execFileSync('bash', ['-c', 'ulimit -f 1; trap "" XFSZ; exec "$0" --input-type=module -e "$1"', node, script], { encoding: 'utf8' }).trim();
  };

  it.each(['writeNewFile', 'replaceFile'] as const)('%s fails with the error and leaves no partial temporary file taking up room', (writer) => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'state.json'), 'old');
    const path = join(folder, writer === 'writeNewFile' ? 'story.md' : 'state.json');
    expect(writeOnFullDisk(writer, path)).toBe('EFBIG');
    expect(readdirSync(folder)).toEqual(['state.json']);
    expect(readFileSync(join(folder, 'state.json'), 'utf8')).toBe('old');
  });
});

describe('long file names', () => {
  // 83 CJK characters and the extension: 252 bytes, within the 255 a file system allows in one name.
  const longName = `${'半導体'.repeat(27)}半導.md`;

  it('are written whole by writeNewFile and replaceFile, leaving no temporary file behind', async () => {
    const folder = tempFolder();
    expect(Buffer.byteLength(longName)).toBe(252);
    await writeNewFile(join(folder, longName), 'new');
    await replaceFile(join(folder, longName), 'replaced');
    expect(readFileSync(join(folder, longName), 'utf8')).toBe('replaced');
    expect(readdirSync(folder)).toEqual([longName]);
  });
});

describe('replaceFile', () => {
  it('replaces an existing file whole, leaving no temporary file behind', async () => {
    const folder = tempFolder();
    const path = join(folder, 'sources.yaml');
    writeFileSync(path, 'old');
    await replaceFile(path, 'new contents');
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(folder)).toEqual(['sources.yaml']);
  });

  it('creates the file and its folder when neither exists', async () => {
    const folder = tempFolder();
    await replaceFile(join(folder, 'state', 'run.json'), '{}');
    expect(readFileSync(join(folder, 'state', 'run.json'), 'utf8')).toBe('{}');
  });
});

describe('removeStaleTemporaryFiles', () => {
  const leftover = (name: string) => `.${name}.0b6f1c2e-5d7a-4c1e-9a8b-3f2e1d0c9b8a.tmp`;

  it('deletes what an interrupted write left behind, and nothing else', async () => {
    const folder = tempFolder();
    const nested = join(folder, 'aggregated', 'wire');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(nested, leftover('story.md')), 'half');
    writeFileSync(join(nested, 'story.md'), 'whole');
    writeFileSync(join(nested, '.gitkeep'), '');
    await removeStaleTemporaryFiles(folder);
    expect(readdirSync(nested).sort()).toEqual(['.gitkeep', leftover('story.md'), 'story.md']);
    await removeStaleTemporaryFiles(folder, { recursive: true });
    expect(readdirSync(nested).sort()).toEqual(['.gitkeep', 'story.md']);
    await expect(removeStaleTemporaryFiles(join(folder, 'missing'))).resolves.toEqual([]);
  });

  it('with `of`, only the temporary files of that one file', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, leftover('state.json')), '{');
    writeFileSync(join(folder, leftover('sources.yaml')), '- id');
    await removeStaleTemporaryFiles(folder, { of: 'state.json' });
    expect(readdirSync(folder)).toEqual([leftover('sources.yaml')]);
  });

  it('finds the temporary files of a file whose name is too long to repeat whole in theirs', async () => {
    const folder = tempFolder();
    const longName = `${'半導体'.repeat(27)}半導.md`;
    const left = leftover(longName.slice(0, 71));
    expect(Buffer.byteLength(left)).toBeLessThanOrEqual(255);
    writeFileSync(join(folder, left), 'half');
    writeFileSync(join(folder, leftover('sources.yaml')), '- id');
    await removeStaleTemporaryFiles(folder, { of: longName });
    expect(readdirSync(folder)).toEqual([leftover('sources.yaml')]);
  });
});
