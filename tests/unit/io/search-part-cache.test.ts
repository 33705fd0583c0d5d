import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placePart, placeScripts, pruneCache } from '../../../src/io/search-part-cache.ts';

let root: string;
let cache: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'newsdesk-search-cache-'));
  cache = join(root, 'cache');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What Pagefind writes for a part: its index files and its scripts; counts its calls. */
function pagefindWriting(words: string) {
  const calls = { count: 0 };
  const write = async (folder: string) => {
    calls.count++;
    mkdirSync(join(folder, 'fragment'), { recursive: true });
    writeFileSync(join(folder, 'pagefind-entry.json'), `{"words":"${words}"}`);
    writeFileSync(join(folder, 'pagefind.en_1.pf_meta'), words);
    writeFileSync(join(folder, 'fragment', 'en_1.pf_fragment'), words);
    writeFileSync(join(folder, 'pagefind.js'), 'scripts');
    writeFileSync(join(folder, 'wasm.en.pagefind'), 'wasm');
  };
  return { write, calls };
}

const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('the search part cache', () => {
  it("writes a part once, keeps only its index, and links the same files into every build's folder", async () => {
    const { write, calls } = pagefindWriting('march');
    expect(await placePart(cache, '2026-03', 'aa', join(root, 'one'), write)).toBe('indexed');
    expect(await placePart(cache, '2026-03', 'aa', join(root, 'two'), write)).toBe('reused');
    expect(calls.count).toBe(1);
    expect(list(join(root, 'two'))).toEqual(['fragment', 'fragment/en_1.pf_fragment', 'pagefind-entry.json', 'pagefind.en_1.pf_meta']);
    expect(statSync(join(root, 'two', 'fragment', 'en_1.pf_fragment')).ino).toBe(statSync(join(root, 'one', 'fragment', 'en_1.pf_fragment')).ino);
    expect(readFileSync(join(root, 'two', 'pagefind-entry.json'), 'utf8')).toBe('{"words":"march"}');
  });

  it('indexes again when the documents differ, under their own hash', async () => {
    await placePart(cache, '2026-03', 'aa', join(root, 'one'), pagefindWriting('march').write);
    const { write, calls } = pagefindWriting('march, edited');
    expect(await placePart(cache, '2026-03', 'bb', join(root, 'two'), write)).toBe('indexed');
    expect(calls.count).toBe(1);
    expect(readFileSync(join(root, 'two', 'pagefind-entry.json'), 'utf8')).toBe('{"words":"march, edited"}');
  });

  it("keeps Pagefind's scripts apart from the parts, without any index", async () => {
    await placeScripts(cache, 'ss', join(root, 'site'), pagefindWriting('one page').write);
    expect(list(join(root, 'site'))).toEqual(['pagefind.js', 'wasm.en.pagefind']);
  });

  it('leaves nothing behind to be reused when writing fails half-way', async () => {
    const failing = async (folder: string) => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'pagefind-entry.json'), '{"half":');
      throw new Error('Pagefind stopped');
    };
    await expect(placePart(cache, '2026-03', 'aa', join(root, 'one'), failing)).rejects.toThrow('Pagefind stopped');
    expect(readdirSync(cache).filter((name) => name !== 'parts')).toEqual([]);
    expect(readdirSync(join(cache, 'parts'))).toEqual([]);
    const { write, calls } = pagefindWriting('march');
    expect(await placePart(cache, '2026-03', 'aa', join(root, 'two'), write)).toBe('indexed');
    expect(calls.count).toBe(1);
  });

  it("prunes periods that are gone and older versions of placed parts, but not other shards' parts or running builds' folders", async () => {
    const place = (key: string, hash: string) => placePart(cache, key, hash, join(root, `${key}-${hash}`), pagefindWriting(key + hash).write);
    await place('2026-01..2026-02', 'aa');
    await place('2026-03', 'old');
    await place('2026-03', 'new');
    await place('2025-12', 'gone');
    await place('2026-04', 'other-shard');
    await placeScripts(cache, 'old-version', join(root, 'scripts-old'), pagefindWriting('').write);
    await placeScripts(cache, 'current', join(root, 'scripts'), pagefindWriting('').write);
    mkdirSync(join(cache, 'tmp.running'));
    mkdirSync(join(cache, 'tmp.stopped'));
    utimesSync(join(cache, 'tmp.stopped'), new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));

    pruneCache(cache, { keys: new Set(['2026-01..2026-02', '2026-03', '2026-04']), placed: new Map([['2026-01..2026-02', 'aa'], ['2026-03', 'new']]), scripts: 'current' });
    expect(readdirSync(join(cache, 'parts')).sort()).toEqual(['2026-01..2026-02.aa', '2026-03.new', '2026-04.other-shard']);
    expect(readdirSync(cache).filter((name) => name !== 'parts').sort()).toEqual(['bundle.current', 'tmp.running']);
    expect(existsSync(join(root, '2026-03-old', 'pagefind-entry.json'))).toBe(true);
  });
});
