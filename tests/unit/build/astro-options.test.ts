import { describe, expect, it } from 'vitest';
import { optionSetByTheBuild } from '../../../src/lib/build/astro-options.ts';

const OUT_DIR = 'set NEWSDESK_DIST=<folder> instead (the build writes beside it and swaps the finished site in)';

describe('optionSetByTheBuild', () => {
  it.each([
    ['--outDir', '--outDir', OUT_DIR],
    ['--outdir', '--outdir', OUT_DIR],
    // Astro's parser reads this spelling as --outDir, and would write the site there.
    ['--out-dir=elsewhere', '--out-dir', OUT_DIR],
    ['--OUTDIR', '--OUTDIR', OUT_DIR],
    ['--out_dir', '--out_dir', OUT_DIR],
    ['--Site=https://news.example.org', '--Site', 'set SITE_URL instead'],
    ['--BASE', '--BASE', 'set BASE_PATH instead'],
    ['--Root', '--Root', "run the command in the project's folder"],
    ['--CONFIG=other.mjs', '--CONFIG', "the build's settings are in astro.config.mjs and src/site.config.ts"],
  ])('refuses %s, named as typed, with the setting to use', (argument, named, advice) => {
    expect(optionSetByTheBuild(argument)).toBe(`${named} is not given to Astro: ${advice}`);
  });

  it.each(['--verbose', '--mode=staging', '--site-url', '--base-path', '--constructor', '--toString', 'outDir', '-s', 'elsewhere'])('gives %s to Astro', (argument) => {
    expect(optionSetByTheBuild(argument)).toBeUndefined();
  });
});
