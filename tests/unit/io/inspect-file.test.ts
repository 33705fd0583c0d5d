import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inspectFile } from '../../../src/io/inspect-file.ts';

/** Set while a test plays a Mac's or Windows' disk, which finds a file whatever the case its name is asked in. */
let caseInsensitive = false;

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const onDisk = (path: string) => {
    if (!caseInsensitive) return path;
    const found = fs.readdirSync(dirname(path)).find((name) => name.toLowerCase() === basename(path).toLowerCase());
    return found === undefined ? path : join(dirname(path), found);
  };
  const realpathSync = Object.assign((path: string) => fs.realpathSync(onDisk(path)), { native: (path: string) => fs.realpathSync.native(onDisk(path)) });
  return { ...fs, default: fs, lstatSync: (path: string) => fs.lstatSync(onDisk(path)), realpathSync };
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'inspect-file-'));
  writeFileSync(join(folder, 'chip-plant.png'), 'png bytes');
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
    expect(inspectFile(join(folder, 'Chip-Plant.PNG'), 3)).toEqual({ kind: 'missing', namedAs: 'chip-plant.png' });
    expect(inspectFile(join(folder, 'plant.png'), 3)).toEqual({ kind: 'missing' });
    expect(inspectFile(join(folder, 'nowhere', 'chip-plant.png'), 3)).toEqual({ kind: 'missing' });
  });

  it('on a disk that ignores case, takes a name in another case for missing, as a case-sensitive build machine would', () => {
    caseInsensitive = true;
    expect(readdirSync(folder)).toEqual(['chip-plant.png']);
    expect(inspectFile(join(folder, 'Chip-Plant.PNG'), 3)).toEqual({ kind: 'missing', namedAs: 'chip-plant.png' });
    expect(inspectFile(join(folder, 'chip-plant.png'), 3)).toEqual({ kind: 'file', bytes: new TextEncoder().encode('png'), size: 9 });
  });
});
