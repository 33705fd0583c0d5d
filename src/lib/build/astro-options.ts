/** The `astro build` options `npm run build` keeps for itself, and how each is refused when typed. */
/**
 * Astro options the build sets itself from the environment, which Astro would otherwise take over from it: its
 * output is a staging folder swapped in at the end, and the links its own code writes follow SITE_URL and BASE_PATH.
 * Keyed by the option's name in lower case without hyphens or underscores.
 */
const SET_BY_THE_BUILD = new Map([
  ['outdir', 'set NEWSDESK_DIST=<folder> instead (the build writes beside it and swaps the finished site in)'],
  ['site', 'set SITE_URL instead'],
  ['base', 'set BASE_PATH instead'],
  ['root', "run the command in the project's folder"],
  ['config', "the build's settings are in astro.config.mjs and src/site.config.ts"],
]);

/**
 * Why `argument` is not given to `astro build`, when it is one of the options the build sets, in any casing or with
 * hyphens or underscores between its words; undefined for any other. Astro's parser reads `--out-dir` as `--outDir`
 * and would write the site there, and `--outdir`, which it ignores, means the same to whoever typed it.
 */
export function optionSetByTheBuild(argument: string): string | undefined {
  const typed = /^--([^=]+)/.exec(argument)?.[1];
  const advice = typed === undefined ? undefined : SET_BY_THE_BUILD.get(typed.replace(/[-_]/g, '').toLowerCase());
  return advice && `--${typed} is not given to Astro: ${advice}`;
}
