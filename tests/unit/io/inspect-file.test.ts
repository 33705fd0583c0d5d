import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, parse, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inspectFile } from '../../../src/io/inspect-file.ts';

/** Set while a test plays a Mac's or Windows' disk, which finds a file whatever the case its name is asked in. */
let caseInsensitive = false;

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  // Each name on the way is found whatever its case, folders' too.
  const onDisk = (path: string) => {
    if (!caseInsensitive) return path;
    const { root } = parse(path);
    return path
      .slice(root.length)
      .split(sep)
      .reduce((found, name) => {
        const entries = fs.existsSync(found) ? fs.readdirSync(found) : [];
        return join(found, entries.find((entry) => entry.toLowerCase() === name.toLowerCase()) ?? name);
      }, root);
  };
  const realpathSync = Object.assign((path: string) => fs.realpathSync(onDisk(path)), { native: (path: string) => fs.realpathSync.native(onDisk(path)) });
  const openSync = (path: string, flags: number) => fs.openSync(onDisk(path), flags);
  return { ...fs, default: fs, lstatSync: (path: string) => fs.lstatSync(onDisk(path)), realpathSync, openSync };
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'inspect-file-'));
  writeFileSync(join(folder, 'chip-plant.png'), 'png bytes');
  mkdirSync(join(folder, 'images', '2026'), { recursive: true });
  writeFileSync(join(folder, 'images', '2026', 'harbour.png'), 'png bytes');
});
afterEach(() => {
  caseInsensitive = false;
  rmSync(folder, { recursive: true, force: true });
});

describe('inspectFile', () => {
  it('reads a file named as it is', () => {
    expect(inspectFile(join(folder, 'chip-plant.png'), 3)).toEqual({ kind: 'file', bytes: new TextEncoder().encode('png'), size: 9 });
  });

  it('names the file beside a missing one whose name differs in case alone', () => {
    expect(inspectFile(join(folder, 'Chip-Plant.PNG'), 3)).toEqual({ kind: 'missing', namedAs: join(folder, 'chip-plant.png') });
    expect(inspectFile(join(folder, 'plant.png'), 3)).toEqual({ kind: 'missing' });
    expect(inspectFile(join(folder, 'nowhere', 'chip-plant.png'), 3)).toEqual({ kind: 'missing' });
  });

  it('names the path of a missing file whose folders differ in case alone, and its own name too', () => {
    expect(inspectFile(join(folder, 'Images', '2026', 'harbour.png'), 3)).toEqual({ kind: 'missing', namedAs: join(folder, 'images', '2026', 'harbour.png') });
    expect(inspectFile(join(folder, 'IMAGES', '2026', 'Harbour.PNG'), 3)).toEqual({ kind: 'missing', namedAs: join(folder, 'images', '2026', 'harbour.png') });
    expect(inspectFile(join(folder, 'Images', '2026', 'plant.png'), 3)).toEqual({ kind: 'missing' });
  });

  it('on a disk that ignores case, takes a name in another case for missing, as a case-sensitive build machine would', () => {
    caseInsensitive = true;
    expect(readdirSync(folder)).toEqual(['chip-plant.png', 'images']);
    expect(inspectFile(join(folder, 'Chip-Plant.PNG'), 3)).toEqual({ kind: 'missing', namedAs: join(folder, 'chip-plant.png') });
    expect(inspectFile(join(folder, 'chip-plant.png'), 3)).toEqual({ kind: 'file', bytes: new TextEncoder().encode('png'), size: 9 });
  });

  it('on a disk that ignores case, takes a folder named in another case below the one given for missing too', () => {
    caseInsensitive = true;
    expect(inspectFile(join(folder, 'Images', '2026', 'harbour.png'), 3, folder)).toEqual({ kind: 'missing', namedAs: join(folder, 'images', '2026', 'harbour.png') });
    // The folder given is taken as it was given, whatever the disk calls it; so are those above the file, without one.
    expect(inspectFile(join(folder, 'images', '2026', 'harbour.png'), 3, join(folder, 'IMAGES'))).toMatchObject({ kind: 'file' });
    expect(inspectFile(join(folder, 'Images', '2026', 'harbour.png'), 3)).toMatchObject({ kind: 'file' });
  });
});
