/**
 * @astrojs/sitemap sorts every page's URL with `a.localeCompare(b, "en", { numeric: true })`, and V8 makes a new
 * Intl.Collator for each such comparison: on a large site that is millions of collators, seconds of work and native
 * memory that outlives them. While its `astro:build:done` hook runs, `localeCompare` with locales or options reuses
 * one Intl.Collator for as long as those arguments stay the same instead. ECMA-402 defines `localeCompare` as a
 * comparison by a Collator made from the same arguments, so the order is the same; the original method is back
 * once the hook has finished.
 */
import type { AstroIntegration } from 'astro';

type LocaleCompare = (this: string, that: string, locales?: string | string[], options?: Intl.CollatorOptions) => number;
type Locales = string | string[] | undefined;

interface Shared {
  locales: Locales;
  options: Intl.CollatorOptions | undefined;
  collator: Intl.Collator;
}

const sameLocales = (a: Locales, b: Locales) => a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((locale, at) => locale === b[at]));

function sameOptions(a: Intl.CollatorOptions | undefined, b: Intl.CollatorOptions | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = Object.keys(a) as Array<keyof Intl.CollatorOptions>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** Runs `work` with `localeCompare` reusing the collator of its last arguments while they stay the same. */
export async function withSharedCollators<T>(work: () => Promise<T>): Promise<T> {
  const original = String.prototype.localeCompare as LocaleCompare;
  let last: Shared | undefined;
  const shared: LocaleCompare = function (that, locales, options) {
    if (locales === undefined && options === undefined) return original.call(this, that);
    if (!last || !sameLocales(last.locales, locales) || !sameOptions(last.options, options)) {
      last = { locales: Array.isArray(locales) ? [...locales] : locales, options: options && { ...options }, collator: new Intl.Collator(locales, options) };
    }
    return last.collator.compare(String(this), String(that));
  };
  String.prototype.localeCompare = shared as typeof String.prototype.localeCompare;
  try {
    return await work();
  } finally {
    String.prototype.localeCompare = original as typeof String.prototype.localeCompare;
  }
}

/** `integration` (the sitemap's) with its `astro:build:done` hook run with shared collators. */
export function sharingCollatorsWhenDone(integration: AstroIntegration): AstroIntegration {
  const done = integration.hooks['astro:build:done'];
  if (!done) return integration;
  return { ...integration, hooks: { ...integration.hooks, 'astro:build:done': (options) => withSharedCollators(async () => done(options)) } };
}
