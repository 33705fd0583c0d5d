import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { damagedPictureProblems } from '../../../src/io/decode-pictures.ts';
import type { PictureToDecode } from '../../../src/lib/checks/bundled-files.ts';
import { formatProblem } from '../../../src/lib/checks/problems.ts';

const fixtures = resolve(import.meta.dirname, '../../fixtures');
let folder: string | undefined;
afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

function setUp() {
  folder = mkdtempSync(join(tmpdir(), 'newsdesk-decode-'));
  const content = join(folder, 'articles');
  const cacheFolder = join(folder, 'cache');
  const copy = (from: string, name: string) => {
    copyFileSync(join(fixtures, from), join(folder!, name));
    return join(folder!, name);
  };
  const picture = (path: string, format: string, line = 7): PictureToDecode => ({ absolutePath: path, at: { file: 'story.md', line, field: 'image.src' }, named: `"./${path.split('/').pop()}"`, format });
  const decode = (pictures: PictureToDecode[], complete = true) => damagedPictureProblems(pictures, { cacheFolder, contentFolder: content, complete });
  return { copy, picture, decode, cacheFolder };
}

describe('damagedPictureProblems', () => {
  it('refuses a picture whose header is damaged, or whose data is cut short, and passes a sound one', async () => {
    const { copy, picture, decode } = setUp();
    const problems = await decode([
      picture(copy('valid/desk/chip-plant.png', 'sound.png'), 'PNG', 5),
      picture(copy('invalid/damaged-picture/harbour.png', 'harbour.png'), 'PNG', 6),
      picture(copy('invalid/truncated-picture/crane.jpg', 'crane.jpg'), 'JPEG', 7),
    ]);
    expect(problems.map(formatProblem).sort()).toEqual([
      'story.md:6: image.src: "./harbour.png" is a damaged PNG file: its header cannot be read, so readers would see a broken picture; save or export the picture again as PNG from the original, then replace the file',
      'story.md:7: image.src: "./crane.jpg" is a damaged JPEG file: its picture data is cut short or corrupt, so readers would see a broken picture; save or export the picture again as JPEG from the original, then replace the file',
    ]);
  });

  it('refuses an animated GIF whose first frame is sound and a later one damaged', async () => {
    const { picture, decode } = setUp();
    const [width, height, frames] = [40, 30, 4];
    const pixels = Buffer.alloc(width * height * frames * 4, 255);
    for (let pixel = 0; pixel < width * height * frames; pixel++) pixels.set([(pixel * 7) % 256, (pixel * 3) % 256, Math.floor(pixel / (width * height)) * 60], pixel * 4);
    const sound = await sharp(pixels, { raw: { width, height: height * frames, channels: 4, pageHeight: height } }).gif().toBuffer();
    // Noise over the last fifth of the file: the last frame's data, the first frame untouched.
    const damaged = Buffer.from(sound);
    for (let index = Math.floor(sound.length * 0.8); index < sound.length - 1; index++) damaged[index] = (index * 131 + 7) % 256;
    writeFileSync(join(folder!, 'sound.gif'), sound);
    writeFileSync(join(folder!, 'damaged.gif'), damaged);
    const problems = await decode([picture(join(folder!, 'sound.gif'), 'GIF', 5), picture(join(folder!, 'damaged.gif'), 'GIF', 6)]);
    expect(problems.map(formatProblem)).toEqual([
      'story.md:6: image.src: "./damaged.gif" is a damaged GIF file: its picture data is cut short or corrupt, so readers would see a broken picture; save or export the picture again as GIF from the original, then replace the file',
    ]);
  });

  it('decodes a picture again only when its size or time changes, and never remembers a damaged one', async () => {
    const { copy, picture, decode, cacheFolder } = setUp();
    const sound = copy('valid/desk/chip-plant.png', 'photo.png');
    expect(await decode([picture(sound, 'PNG')])).toEqual([]);
    // Damaged behind the cache's back with the same size and time: the cache answers, so the file was not decoded.
    const mtime = new Date('2026-01-02T03:04:05Z');
    utimesSync(sound, mtime, mtime);
    expect(await decode([picture(sound, 'PNG')])).toEqual([]);
    const damaged = readFileSync(join(fixtures, 'invalid/damaged-picture/harbour.png')).subarray(0, readFileSync(sound).length);
    writeFileSync(sound, Buffer.concat([damaged, Buffer.alloc(readFileSync(sound).length - damaged.length)]));
    utimesSync(sound, mtime, mtime);
    expect(await decode([picture(sound, 'PNG')])).toEqual([]);
    // A new time is a new file: decoded, refused, and not remembered.
    utimesSync(sound, new Date(), new Date());
    expect(await decode([picture(sound, 'PNG')])).toHaveLength(1);
    expect(await decode([picture(sound, 'PNG')])).toHaveLength(1);
    const [file] = readdirSync(cacheFolder);
    expect(JSON.parse(readFileSync(join(cacheFolder, file!), 'utf8')).pictures).toEqual({});
  });

  it('knows a picture by its bytes in a fresh checkout, where every file has a new time', async () => {
    const { copy, picture, decode, cacheFolder } = setUp();
    const sound = copy('valid/desk/chip-plant.png', 'photo.png');
    await decode([picture(sound, 'PNG')]);
    const [file] = readdirSync(cacheFolder);
    const cache = JSON.parse(readFileSync(join(cacheFolder, file!), 'utf8'));
    // The cache says the damaged file's bytes decoded (under another path and time): believed, so it was not decoded.
    const damaged = copy('invalid/damaged-picture/harbour.png', 'harbour.png');
    const digest = createHash('sha256').update(readFileSync(damaged)).digest('hex');
    cache.pictures['/elsewhere/harbour.png'] = { size: readFileSync(damaged).length, mtimeMs: 1, digest };
    writeFileSync(join(cacheFolder, file!), JSON.stringify(cache));
    expect(await decode([picture(sound, 'PNG'), picture(damaged, 'PNG')], false)).toEqual([]);
  });

  it('keeps what a check of some files did not decode, and forgets it after a check of the whole folder', async () => {
    const { copy, picture, decode, cacheFolder } = setUp();
    const [first, second] = [copy('valid/desk/chip-plant.png', 'a.png'), copy('valid/desk/chip-plant.png', 'b.png')];
    await decode([picture(first, 'PNG'), picture(second, 'PNG')]);
    const cached = () => Object.keys(JSON.parse(readFileSync(join(cacheFolder, readdirSync(cacheFolder)[0]!), 'utf8')).pictures);
    await decode([picture(first, 'PNG')], false);
    expect(cached()).toEqual([first, second]);
    await decode([picture(first, 'PNG')], true);
    expect(cached()).toEqual([first]);
  });
});
