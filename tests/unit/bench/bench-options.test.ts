import { describe, expect, it } from 'vitest';
import { BENCH_USAGE, parseBenchOptions } from '../../../src/lib/bench/bench-options.ts';

describe('npm run bench arguments', () => {
  it('defaults to one cold run of 1,000 and 4,000 articles with everything measured', () => {
    expect(parseBenchOptions([])).toEqual({
      sizes: [1000, 4000], runs: 1, seed: 1, bodyScale: 1, skipBaseline: false, skipWarm: false, skipExtras: false, skipPeer: false, builds: true, dev: false, warmCards: false, keep: false, cpuProf: false, json: undefined,
    });
  });

  it('reads sizes with underscores and spaces, and every switch', () => {
    const options = parseBenchOptions(['--articles', '1_000, 10_000', '--runs', '3', '--skip-warm', '--skip-extras', '--json', 'out.json']);
    expect(options).toMatchObject({ sizes: [1000, 10000], runs: 3, skipWarm: true, skipExtras: true, skipBaseline: false, json: 'out.json' });
  });

  it('refuses sizes and run counts that are not positive whole numbers, with the usage line', () => {
    for (const args of [['--articles', '0'], ['--articles', '1e3x'], ['--runs', '0'], ['--runs', '1.5']]) {
      expect(() => parseBenchOptions(args)).toThrow(BENCH_USAGE);
    }
  });
});

describe('npm run bench options for large archives', () => {
  it('--body-scale lengthens every body, by a number above 0 and at most 20', () => {
    expect(parseBenchOptions(['--body-scale', '4']).bodyScale).toBe(4);
    expect(parseBenchOptions(['--body-scale', '0.5']).bodyScale).toBe(0.5);
    for (const bad of ['0', '21', 'long']) expect(() => parseBenchOptions(['--body-scale', bad])).toThrow(`--body-scale ${bad}: a number above 0, at most 20`);
  });

  it('--newsdesk-only leaves out the baseline, the warm rebuild, the extras and the peer', () => {
    expect(parseBenchOptions(['--articles', '100_000', '--newsdesk-only'])).toMatchObject({ sizes: [100000], skipBaseline: true, skipWarm: true, skipExtras: true, skipPeer: true, builds: true, dev: false });
  });

  it('--shards K builds in K parts, without a warm rebuild (no whole build leaves its cache), and K must be 2 to 64', () => {
    expect(parseBenchOptions(['--shards', '4'])).toMatchObject({ shards: 4, skipWarm: true, builds: true });
    expect(parseBenchOptions([]).shards).toBeUndefined();
    for (const count of ['1', '65', 'x', '2.5']) expect(() => parseBenchOptions(['--shards', count])).toThrow(`--shards ${count}: a whole number from 2 to 64`);
  });

  it('--dev adds the dev server to the builds; --dev-only measures nothing else', () => {
    expect(parseBenchOptions(['--dev'])).toMatchObject({ dev: true, builds: true, skipBaseline: false, skipPeer: false });
    expect(parseBenchOptions(['--dev-only'])).toMatchObject({ dev: true, builds: false, skipBaseline: true, skipWarm: true, skipExtras: true, skipPeer: true });
    expect(() => parseBenchOptions(['--dev-only', '--shards', '2'])).toThrow('--dev-only builds nothing to shard');
  });

  it('--skip-peer alone leaves out Hugo + Pagefind', () => {
    expect(parseBenchOptions(['--skip-peer'])).toMatchObject({ skipPeer: true, skipBaseline: false });
  });
});

describe('npm run bench -- --cards', () => {
  it('measures 4,000 cold cards, 100,000 cached ones and the two full builds unless told otherwise', () => {
    expect(parseBenchOptions(['--cards']).cards).toEqual({ cold: 4000, warm: 100000, skipBuild: false });
    expect(parseBenchOptions(['--cards', '--cold', '1_000', '--warm', '0', '--skip-build', '--seed', '2'])).toMatchObject({ seed: 2, cards: { cold: 1000, warm: 0, skipBuild: true } });
  });

  it('is not asked for by the build benchmark, whose options refuse the card ones', () => {
    expect(parseBenchOptions([]).cards).toBeUndefined();
    for (const args of [['--cold', '10'], ['--skip-build'], ['--cards', '--cold', '0'], ['--cards', '--warm', 'many']]) {
      expect(() => parseBenchOptions(args)).toThrow(BENCH_USAGE);
    }
  });
});
